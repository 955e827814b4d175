"""The Python API: one function per CLI verb, the same entry points DVC, corpus mode, the review
app and the tests call. Each takes plain paths and parameters and returns a ``StageReport``.

    from pipeline.api import run_extract, run_segment, run_align, run_tag, run_export
    from pipeline.core.params import load_params
    run_extract("data/raw", "data/extracted")
    run_align("data/extracted", "data/segmented", "data/aligned", load_params("params.yaml"))
"""

from pipeline.align.bitext import Pair
from pipeline.align.bitext import run as align_bitext
from pipeline.align.stage import run_align
from pipeline.corpus.stage import run_corpus
from pipeline.export.stage import Filters, run_export
from pipeline.extract.stage import extract_file, run_extract
from pipeline.segment.stage import run_segment
from pipeline.tag.stage import run_tag

__all__ = [
    "Filters",
    "Pair",
    "align_bitext",
    "extract_file",
    "run_align",
    "run_corpus",
    "run_export",
    "run_extract",
    "run_segment",
    "run_tag",
]
