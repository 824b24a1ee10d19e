"""Two small steps and a config for the tests of the distributed and parallel runners: module
functions, so worker processes can import them."""

from hefboom.listening.pipeline import PipelineConfig


def toy_tokens(batch, config, report):
    for item in batch:
        report.seen += 1
        item["n_tokens"] = len(item["text"].split())
        item["lemmas"] = " ".join(w.strip(".,:;!?").lower() for w in item["text"].split())
        report.changed += 1
    return batch


def toy_dossiers(batch, config, report):
    kept = []
    for item in batch:
        report.seen += 1
        text = item["text"].lower()
        found = sorted(d for d, terms in config.dossier_terms.items() if any(t in text for t in terms))
        item["dossiers"] = found
        item["mentions"] = [
            {"kind": "organisation", "ref": name, "text": name, "start": item["text"].find(name)}
            for name in config.own_names if name in item["text"]]
        if "disappointing" in text:  # drops one item, to check the counts come back
            report.drop("toy reason")
            continue
        kept.append(item)
    return kept


CONFIG = PipelineConfig(
    own_names=["11.11.11"],
    dossier_terms={1: ["klimaatfinanciering", "financement climatique", "climate finance"],
                   2: ["opvang", "accueil", "asiel", "asylum"]})


def broken(batch, config, report):
    raise RuntimeError("boom")


def pid_step(batch, config, report):
    import os

    for item in batch:
        item["meta"] = str(os.getpid())
    return batch


class ToySource:
    """A source reading JSON Lines of {"n", "text"} (registered by the test that uses it)."""

    name = "toy"

    def inputs(self, paths):
        from hefboom.listening.sources import Input

        return [Input(str(p)) for p in paths]

    def read(self, input):
        import datetime as dt
        import json

        from hefboom.listening.sources import item_id

        with open(input.location, encoding="utf-8") as f:
            for line in f:
                row = json.loads(line)
                yield {"id": item_id("toy", str(row["n"])), "source": "toy", "kind": "post",
                       "external_id": str(row["n"]), "text": row["text"],
                       "published": dt.datetime(2024, 1, 1, tzinfo=dt.UTC)}
