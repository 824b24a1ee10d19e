"""The ONNX tier: a tiny model built here, and each way a model directory can be wrong."""

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from hefboom.listening import tiers
from hefboom.listening.checks import onnx_sentiment_dir
from hefboom.listening.pipeline import PipelineConfig
from hefboom.listening.tests.tiny_onnx import build_dir


@pytest.fixture
def model_dir(tmp_path):
    return build_dir(tmp_path / "onnx")


def test_happy_path_scores_and_labels(model_dir):
    config = PipelineConfig(sentiment_tier="onnx", onnx_model_dir=str(model_dir))
    texts = ["Good great news", "An awful, bad plan", "the committee meets", "slecht"]
    result = tiers.predict("onnx", texts, ["en", "en", "en", "nl"], config)
    assert [label for _score, label in result] == ["pos", "neg", "neu", "neg"]
    assert result[0][0] > 0.9 and result[1][0] < -0.9 and abs(result[2][0]) < 0.1
    assert all(-1 <= score <= 1 for score, _label in result)


def test_many_texts_are_batched_and_padded(model_dir):
    texts = ["good"] * 40 + ["bad " * 30]
    result = tiers.load_onnx(model_dir).predict(texts)
    assert len(result) == 41 and result[0][1] == "pos" and result[-1][1] == "neg"


def test_star_labels_map_to_three_classes(tmp_path):
    stars = {"0": "1 star", "1": "3 stars", "2": "5 stars"}
    tier = tiers.load_onnx(build_dir(tmp_path / "stars", labels=stars))
    assert [label for _s, label in tier.predict(["bad", "great"])] == ["neg", "pos"]


def _error(folder) -> str:
    with pytest.raises(tiers.TierError) as info:
        tiers.load_onnx(folder)
    message = str(info.value)
    assert str(folder) in message and "model.onnx" in message  # names the place and what to put
    return message


def test_missing_directory(tmp_path):
    assert "does not exist" in _error(tmp_path / "nowhere")


def test_missing_files(model_dir):
    (model_dir / "tokenizer.json").unlink()
    assert "missing tokenizer.json" in _error(model_dir)


def test_labels_that_do_not_map(tmp_path):
    folder = build_dir(tmp_path / "x", labels={"0": "LABEL_0", "1": "LABEL_1", "2": "LABEL_2"})
    assert "LABEL_0" in _error(folder)


def test_config_without_id2label(model_dir):
    (model_dir / "config.json").write_text('{"architectures": []}')
    assert "id2label" in _error(model_dir)


def test_output_of_the_wrong_width(tmp_path):
    folder = build_dir(tmp_path / "x", n_out=2)
    assert "shape" in _error(folder)


def test_inputs_of_the_wrong_name(tmp_path):
    folder = build_dir(tmp_path / "x", input_names=("pixels",))
    assert "pixels" in _error(folder)


def test_corrupt_model_file(model_dir):
    (model_dir / "model.onnx").write_bytes(b"not a model")
    assert "cannot be loaded" in _error(model_dir)


def test_corrupt_tokenizer(model_dir):
    (model_dir / "tokenizer.json").write_text("{}")
    assert "tokenizer.json cannot be read" in _error(model_dir)


@pytest.mark.django_db
def test_system_check_and_active_tier(settings, model_dir, tmp_path):
    settings.HEFBOOM_SENTIMENT_ONNX_DIR = str(model_dir)
    assert onnx_sentiment_dir() == []
    config = tiers.apply_tier(PipelineConfig())
    assert (config.sentiment_tier, config.onnx_model_dir) == ("onnx", str(model_dir))
    call_command("listening-train", "--check")

    settings.HEFBOOM_SENTIMENT_ONNX_DIR = str(tmp_path / "missing")
    errors = onnx_sentiment_dir()
    assert [e.id for e in errors] == ["hefboom.E020"] and "missing" in errors[0].msg
    with pytest.raises(tiers.TierError):
        tiers.apply_tier(PipelineConfig())  # at config build, before any item is read
    with pytest.raises(CommandError, match="does not exist"):
        call_command("listening-train", "--check")
