"""Reading text inputs: the encodings UN text exports come in, and a clear error for the rest."""

from __future__ import annotations

import codecs
from pathlib import Path

from pipeline.core.errors import InputError


def decode_text(path: Path) -> str:
    """Read a text file as UTF-8 (BOM allowed) or BOM-marked UTF-16; anything else is an error."""
    data = path.read_bytes()
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as err:
            raise InputError(path, f"marked UTF-16 but not valid UTF-16 ({err.reason} at byte {err.start})") from err
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        raise InputError(
            path, f"not UTF-8 text (byte 0x{data[err.start]:02x} at offset {err.start}); re-save it as UTF-8"
        ) from err
    if "\x00" in text:
        raise InputError(path, "binary data in a text file (NUL bytes)")
    return text
