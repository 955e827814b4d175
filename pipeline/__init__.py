"""hexalign: six official-language versions of a UN document in, an aligned, tagged corpus out."""

__version__ = "0.1.0"

LANGS = ("ar", "zh", "en", "fr", "ru", "es")
"""The six official languages, in UN order; file names inside a document set use these codes."""
