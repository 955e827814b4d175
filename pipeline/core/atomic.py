"""Atomic file writes: write to a temporary file in the same folder, then rename over the target.

Outputs are either the complete previous version or the complete new one, never half of either,
even when a run is killed mid-write or two runs race on the same file.
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import socket
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

HOST = re.sub(r"[^A-Za-z0-9]", "", socket.gethostname()) or "host"
"""This machine in temporary file names (letters and digits only: the name is parsed back)."""
OWNER = re.compile(r"\.(?P<host>[A-Za-z0-9]+)-(?P<pid>\d+)\.[^.]*\.tmp$")


@contextmanager
def atomic_path(target: Path) -> Iterator[Path]:
    """Yield a temporary path next to ``target``; it replaces ``target`` only if the block succeeds."""
    target = Path(target)
    if target.is_dir():  # else the rename at the end fails, naming the hidden temporary file
        raise IsADirectoryError(errno.EISDIR, "is a folder, not a file; name a file to write", str(target))
    target.parent.mkdir(parents=True, exist_ok=True)
    _reap(target.parent)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.{HOST}-{os.getpid()}.", suffix=".tmp", dir=target.parent)
    os.close(fd)
    umask = os.umask(0)
    os.umask(umask)
    os.chmod(tmp, 0o666 & ~umask)  # mkstemp makes files private; outputs are ordinary files
    try:
        yield Path(tmp)
        os.replace(tmp, target)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)


def _reap(folder: Path) -> None:
    """Remove the temporary files of writes killed outright (SIGKILL, SIGTERM: no clean-up ran)
    in this folder: those named after a process of this machine that no longer runs. Files of
    live processes, here or on other machines sharing the folder, are left alone."""
    for path in folder.glob(".*.tmp"):
        match = OWNER.search(path.name)
        if match is None or match["host"] != HOST or _alive(int(match["pid"])):
            continue
        with contextlib.suppress(FileNotFoundError):
            path.unlink()


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)  # signal 0: only asks whether the process exists
    except ProcessLookupError:
        return False
    except PermissionError:
        pass  # it exists, under another user
    return True


def atomic_write_text(target: Path, text: str) -> None:
    with atomic_path(target) as tmp:
        tmp.write_text(text, encoding="utf-8")


def atomic_write_bytes(target: Path, data: bytes) -> None:
    with atomic_path(target) as tmp:
        tmp.write_bytes(data)
