"""A tiny ONNX sentiment model and WordLevel tokenizer built in the tests (nothing downloaded):
the logits of a text are the sums of its words' rows in a fixed table."""

import json
from pathlib import Path

import numpy as np

VOCAB = ["[PAD]", "[UNK]", "good", "great", "bad", "awful", "goed", "slecht", "bon", "mauvais"]
# rows: negative, neutral, positive logits per word; unknown words lean neutral
ROWS = {"[PAD]": (0, 0, 0), "[UNK]": (0, 0.5, 0), "good": (0, 0, 3), "great": (0, 0, 3),
        "bad": (3, 0, 0), "awful": (3, 0, 0), "goed": (0, 0, 3), "slecht": (3, 0, 0),
        "bon": (0, 0, 3), "mauvais": (3, 0, 0)}
LABELS = {"0": "negative", "1": "neutral", "2": "positive"}


def build_model(path: Path, *, n_out: int = 3, input_names=("input_ids", "attention_mask")):
    import onnx
    from onnx import TensorProto, helper, numpy_helper

    table = np.array([ROWS[w][:n_out] if n_out <= 3 else (*ROWS[w], 0) for w in VOCAB],
                     dtype=np.float32)
    ids_name = input_names[0]
    inputs = [helper.make_tensor_value_info(name, TensorProto.INT64, ["batch", "tokens"])
              for name in input_names]
    nodes = [helper.make_node("Gather", ["table", ids_name], ["vectors"])]
    summed = "vectors"
    if "attention_mask" in input_names:
        nodes += [
            helper.make_node("Cast", ["attention_mask"], ["mask_f"], to=TensorProto.FLOAT),
            helper.make_node("Unsqueeze", ["mask_f", "axis2"], ["mask3"]),
            helper.make_node("Mul", ["vectors", "mask3"], ["masked"]),
        ]
        summed = "masked"
    nodes.append(helper.make_node("ReduceSum", [summed, "axis1"], ["logits"], keepdims=0))
    graph = helper.make_graph(
        nodes, "tiny-sentiment", inputs,
        [helper.make_tensor_value_info("logits", TensorProto.FLOAT, ["batch", n_out])],
        initializer=[numpy_helper.from_array(table, "table"),
                     numpy_helper.from_array(np.array([1], dtype=np.int64), "axis1"),
                     numpy_helper.from_array(np.array([2], dtype=np.int64), "axis2")])
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 13)])
    model.ir_version = 8
    onnx.checker.check_model(model)
    onnx.save(model, str(path))


def build_tokenizer(path: Path):
    from tokenizers import Tokenizer
    from tokenizers.models import WordLevel
    from tokenizers.normalizers import Lowercase
    from tokenizers.pre_tokenizers import Whitespace

    tokenizer = Tokenizer(WordLevel({w: i for i, w in enumerate(VOCAB)}, unk_token="[UNK]"))
    tokenizer.normalizer = Lowercase()
    tokenizer.pre_tokenizer = Whitespace()
    tokenizer.save(str(path))


def build_dir(folder: Path, *, labels=None, **model_options) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    build_model(folder / "model.onnx", **model_options)
    build_tokenizer(folder / "tokenizer.json")
    (folder / "config.json").write_text(json.dumps({"id2label": labels or LABELS,
                                                    "pad_token_id": 0}))
    return folder
