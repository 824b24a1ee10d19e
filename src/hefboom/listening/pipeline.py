"""Pipeline steps are plain functions over batches of items (dicts with the columns of
`schema.ITEM`), so the same chain runs in-process or on a distributed engine.

    def step(batch: list[dict], config: PipelineConfig, report: StepReport) -> list[dict]

A step fills its columns, counts what it did in `report`, and returns the batch; an item it
drops is left out of the returned list and counted with a reason (`report.drop(reason)`).
`PipelineConfig` is plain picklable data built once per run from the web database
(`listening.config.build_config`), never a live queryset.
"""

from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field


@dataclass
class StepReport:
    name: str
    seen: int = 0
    changed: int = 0
    dropped: Counter = field(default_factory=Counter)
    notes: Counter = field(default_factory=Counter)  # kept items worth counting: "und:too_short"

    def drop(self, reason: str, n: int = 1) -> None:
        self.dropped[reason] += n

    def note(self, reason: str, n: int = 1) -> None:
        self.notes[reason] += n

    def merge(self, other: "StepReport") -> None:
        self.seen += other.seen
        self.changed += other.changed
        self.dropped.update(other.dropped)
        self.notes.update(other.notes)

    def as_dict(self) -> dict:
        return {"name": self.name, "seen": self.seen, "changed": self.changed, "dropped": dict(self.dropped),
                "notes": dict(self.notes)}


# (ref, [name variants]) pairs: ref is "app.model:pk"
Named = list[tuple[str, list[str]]]


@dataclass
class PipelineConfig:
    languages: tuple[str, ...] = ("nl", "fr", "en")
    own_names: list[str] = field(default_factory=list)  # the organisation's own names and variants
    reports: Named = field(default_factory=list)  # its reports and studies
    campaigns: Named = field(default_factory=list)
    persons: Named = field(default_factory=list)
    parties: Named = field(default_factory=list)
    organisations: Named = field(default_factory=list)
    dossier_terms: dict[int, list[str]] = field(default_factory=dict)  # dossier id -> terms
    theme_of_dossier: dict[int, int] = field(default_factory=dict)
    frames: dict[str, dict[str, list[str]]] = field(default_factory=dict)  # frame -> lang -> words
    sentiment_tier: str = "lexicon"  # lexicon, trained, onnx
    trained_model_path: str | None = None
    onnx_model_dir: str | None = None
    extra: dict = field(default_factory=dict)
    # added by the steps (helper nlp)
    fuzzy_names: bool = True  # "First Lastt" with one typo in the surname still matches
    sentiment_thresholds: tuple[float, float] = (-0.1, 0.1)  # lexicon score: neg <= lo, pos >= hi


Step = Callable[[list[dict], PipelineConfig, StepReport], list[dict]]


def run_steps(
    batch: list[dict], steps: Iterable[Step], config: PipelineConfig, reports: dict[str, StepReport]
) -> list[dict]:
    """Run `steps` over one batch in order, accumulating each step's counts in `reports`."""
    for step in steps:
        name = getattr(step, "step_name", step.__name__)
        report = reports.setdefault(name, StepReport(name))
        batch = step(batch, config, report)
    return batch
