"""hexalign: six official-language versions of a UN document in, an aligned, tagged corpus out."""

from pathlib import Path

__version__ = "0.1.0"

LANGS = ("ar", "zh", "en", "fr", "ru", "es")
"""The six official languages, in UN order; file names inside a document set use these codes."""

CONFIGS = str(Path(__file__).resolve().parent.parent / "configs")
"""The project's own config folder (an editable install, as ``scripts/setup.sh`` makes): the
default of every function that takes a ``config_dir``. A default of ``configs`` was the working
directory's, so the tag model splitting a paragraph no segment output covered (single-file
``tag``, training) failed from any other folder. The CLI's ``--config-dir`` still names its own."""
