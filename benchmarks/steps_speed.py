"""Speed of the listening pipeline steps on tweet-sized items (20-40 words, mixed nl/fr/en).

    PYTHONPATH=src .venv/bin/python benchmarks/steps_speed.py [N]

Prints items per second for the whole chain (DEFAULT_STEPS) and the cost of each step in
microseconds per item, in one process, as wall time and as CPU time (on a shared, loaded
machine the CPU time is the fairer figure; lingua's batch call runs on several threads, so its
CPU time may exceed its wall time). The target (issue 7) is >= 4,000 items/s for the steps.
Runs without a database: the config is built here with realistic numbers of names.
"""

import random
import sys
import time

from hefboom.listening.pipeline import PipelineConfig, StepReport
from hefboom.listening.steps import DEFAULT_STEPS

WORDS = {
    "nl": [
        "de",
        "het",
        "een",
        "en",
        "van",
        "in",
        "op",
        "voor",
        "met",
        "niet",
        "is",
        "zijn",
        "regering",
        "minister",
        "klimaat",
        "migratie",
        "beleid",
        "asielzoekers",
        "opvang",
        "vluchtelingen",
        "klimaatfinanciering",
        "België",
        "Vlaanderen",
        "Europa",
        "steun",
        "kritiek",
        "slecht",
        "goed",
        "belangrijk",
        "schandalig",
        "nieuwe",
        "wet",
        "grens",
        "economie",
        "geld",
        "hulp",
        "vandaag",
        "morgen",
        "Kamer",
        "debat",
        "vraag",
        "antwoord",
        "zeer",
        "rechten",
        "mensenrechten",
        "arbeidsmigratie",
    ],
    "fr": [
        "le",
        "la",
        "les",
        "un",
        "une",
        "et",
        "de",
        "des",
        "en",
        "pour",
        "avec",
        "pas",
        "est",
        "sont",
        "gouvernement",
        "ministre",
        "climat",
        "migration",
        "politique",
        "demandeurs",
        "asile",
        "accueil",
        "réfugiés",
        "financement",
        "Belgique",
        "Wallonie",
        "Europe",
        "soutien",
        "critique",
        "mauvais",
        "bon",
        "important",
        "scandaleux",
        "nouvelle",
        "loi",
        "frontière",
        "économie",
        "argent",
        "aide",
        "aujourd'hui",
        "Chambre",
        "débat",
        "question",
        "réponse",
        "très",
        "droits",
    ],
    "en": [
        "the",
        "a",
        "and",
        "of",
        "in",
        "on",
        "for",
        "with",
        "not",
        "is",
        "are",
        "government",
        "minister",
        "climate",
        "migration",
        "policy",
        "asylum",
        "seekers",
        "reception",
        "refugees",
        "finance",
        "Belgium",
        "Flanders",
        "Europe",
        "support",
        "criticism",
        "bad",
        "good",
        "important",
        "shameful",
        "new",
        "law",
        "border",
        "economy",
        "money",
        "aid",
        "today",
        "parliament",
        "debate",
        "question",
        "answer",
        "very",
        "rights",
    ],
}
NAMES = [
    "Sammy Mahdi",
    "Nicole de Moor",
    "Alexander De Croo",
    "Theo Francken",
    "N-VA",
    "Groen",
    "PS",
    "MR",
    "11.11.11",
    "Vooruit",
    "Ecolo",
    "Zakia Khattabi",
    "loss and damage",
    "Frontex",
]


def make_items(n: int, seed: int = 7) -> list[dict]:
    rng = random.Random(seed)  # noqa: S311 - repeatable test data
    items = []
    for i in range(n):
        lang = rng.choice(("nl", "nl", "fr", "fr", "en"))
        words = [rng.choice(WORDS[lang]) for _ in range(rng.randint(20, 40))]
        for _ in range(rng.randint(0, 2)):
            words.insert(rng.randrange(len(words)), rng.choice(NAMES))
        words[rng.randrange(5, len(words))] += rng.choice((".", "!", "?"))
        text = " ".join(words).capitalize() + "."
        items.append({"id": str(i), "text": text, "lang_declared": None})
    return items


def make_config(n_persons: int = 800) -> PipelineConfig:
    rng = random.Random(3)  # noqa: S311
    first = ["Jan", "Marie", "Pieter", "Sophie", "Ahmed", "Els", "Luc", "Fatima", "Koen", "Anne"]
    last = ["Vermeulen", "Dubois", "Claessens", "Lambrecht", "Haddad", "Vandenberghe", "Lemaire"]
    persons = [
        (f"actors.person:{i}", [f"{f} {la}{i}", f"{la}{i}", f"minister {la}{i}"])
        for i in range(n_persons)
        for f, la in [(rng.choice(first), rng.choice(last))]
    ]
    persons += [
        ("actors.person:9001", ["Sammy Mahdi", "Mahdi"]),
        ("actors.person:9002", ["Nicole de Moor", "De Moor"]),
    ]
    parties = [
        (f"actors.organisation:{i}", [p])
        for i, p in enumerate(
            ["N-VA", "Groen", "PS", "MR", "Vooruit", "sp.a", "Ecolo", "CD&V", "Open Vld", "Vlaams Belang"]
        )
    ]
    return PipelineConfig(
        own_names=["11.11.11", "elf elf elf"],
        persons=persons,
        parties=parties,
        dossier_terms={
            1: ["klimaatfinanciering", "loss and damage"],
            2: ["Frontex", "pushbacks", "refoulements"],
        },
        theme_of_dossier={1: 1, 2: 2},
    )


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 20_000
    config = make_config()
    warm = make_items(500, seed=1)
    for step in DEFAULT_STEPS:  # load models and build matchers outside the timing
        warm = step(warm, config, StepReport(step.step_name))
    items = make_items(n)
    cost, cpu = {}, {}
    started, started_cpu = time.perf_counter(), time.process_time()
    for i in range(0, n, 5000):
        batch = items[i : i + 5000]
        for step in DEFAULT_STEPS:
            t, c = time.perf_counter(), time.process_time()
            batch = step(batch, config, StepReport(step.step_name))
            cost[step.step_name] = cost.get(step.step_name, 0.0) + time.perf_counter() - t
            cpu[step.step_name] = cpu.get(step.step_name, 0.0) + time.process_time() - c
    total = time.perf_counter() - started
    total_cpu = time.process_time() - started_cpu
    with open("/proc/loadavg") if sys.platform == "linux" else open(__file__) as handle:
        load = handle.read().split()[0] if sys.platform == "linux" else "?"
    print(f"{n} items in {total:.2f} s wall, {total_cpu:.2f} s CPU (load average {load}): "
          f"{n / total:,.0f} items/s wall, {n / total_cpu:,.0f} items per CPU-second")
    print("  step       wall µs/item  CPU µs/item  share of wall")
    for name, seconds in cost.items():
        print(f"  {name:10s} {seconds / n * 1e6:12.1f} {cpu[name] / n * 1e6:12.1f}  {seconds / total:6.1%}")


if __name__ == "__main__":
    main()
