"""The pipeline steps on small hand-written texts (no database)."""

import pytest

from hefboom.listening.keywords import keywords
from hefboom.listening.pipeline import PipelineConfig, StepReport, run_steps
from hefboom.listening.steps import DEFAULT_STEPS, frames, language, lemmas, mentions, sentences, sentiment
from hefboom.listening.steps.language import quick_language
from hefboom.listening.steps.mentions import Matcher
from hefboom.listening.steps.sentiment import score
from hefboom.listening.steps.text import fold, sentence_spans
from hefboom.listening.steps.text import sentences as split


def run(step, items, config=None):
    report = StepReport(step.step_name)
    return step(items, config or PipelineConfig(), report), report


# --- text helpers ----------------------------------------------------------------------------

def test_fold_keeps_offsets_and_strips_accents_and_case():
    text = "DéFI, Les Engagés et l’ÉCOLO – «oké»"
    folded = fold(text)
    assert len(folded) == len(text)
    assert folded == "defi, les engages et l'ecolo - \"oke\""


@pytest.mark.parametrize("text, lang, expected", [
    ("Dhr. Mahdi antwoordt. Mevr. De Moor niet.", "nl",
     ["Dhr. Mahdi antwoordt.", "Mevr. De Moor niet."]),
    ("M. Michel répond. Mme Khattabi aussi.", "fr", ["M. Michel répond.", "Mme Khattabi aussi."]),
    ("Zie bv. de COP. Ook o.a. België en art. 3 van de wet. Nr. 5 volgt.", "nl",
     ["Zie bv. de COP.", "Ook o.a. België en art. 3 van de wet.", "Nr. 5 volgt."]),
    ("Cf. p. 12 du rapport, etc. Voilà.", "fr", ["Cf. p. 12 du rapport, etc. Voilà."]),
    ("Is dat zo? Ja! Zeker.", "nl", ["Is dat zo?", "Ja!", "Zeker."]),
    ("J. Jambon en A. De Croo zijn er. Klaar.", "nl", ["J. Jambon en A. De Croo zijn er.", "Klaar."]),
    ("Het kost 2.5 miljoen. Dat is veel.", "nl", ["Het kost 2.5 miljoen.", "Dat is veel."]),
    ("Geen punt aan het eind", "nl", ["Geen punt aan het eind"]),
])
def test_sentences_know_abbreviations(text, lang, expected):
    assert split(text, lang) == expected


def test_sentence_spans_are_offsets_into_the_text():
    text = "  Eerste zin. Tweede zin!  "
    assert [text[a:b] for a, b in sentence_spans(text, "nl")] == ["Eerste zin.", "Tweede zin!"]


def test_an_abbreviation_of_one_language_splits_in_another():
    # "Mevr." is not French: in a French text it ends a sentence before a capital
    assert len(split("Il a parlé à Mevr. Dupont hier.", "fr")) == 2
    assert len(split("Il a parlé à Mevr. Dupont hier.", "nl")) == 1


# --- language ---------------------------------------------------------------------------------

def test_language_identifies_nl_fr_en_and_marks_short_texts_und():
    items = [{"text": "De regering moet veel meer doen voor de klimaatfinanciering."},
             {"text": "Le gouvernement doit faire beaucoup plus pour le climat."},
             {"text": "Parliament debated climate finance today."},
             {"text": "ok!"}]
    items, report = run(language, items)
    assert [i["lang"] for i in items] == ["nl", "fr", "en", "und"]
    assert items[3]["lang_confidence"] is None
    assert 0 < items[2]["lang_confidence"] <= 1
    assert report.notes["und:too_short"] == 1
    assert report.seen == 4 and not report.dropped


def test_function_words_decide_only_clear_cases():
    assert quick_language("het is niet dat wij dit voor hen doen", ("nl", "fr", "en"))[0] == "nl"
    assert quick_language("Frontex Libië pushbacks", ("nl", "fr", "en")) is None
    # mixed Dutch and French: no clear winner, left to lingua
    assert quick_language("het is niet zo, mais ce n'est pas le cas", ("nl", "fr", "en")) is None


def test_declared_language_breaks_a_near_tie(monkeypatch):
    import importlib
    from types import SimpleNamespace

    language_module = importlib.import_module("hefboom.listening.steps.language")

    def value(code, v):
        return SimpleNamespace(language=SimpleNamespace(iso_code_639_1=SimpleNamespace(name=code)),
                               value=v)

    class Unsure:
        def compute_language_confidence_values_in_parallel(self, texts):
            return [[value("NL", 0.5), value("FR", 0.4), value("EN", 0.1)]] * len(texts)

    monkeypatch.setattr(language_module, "detector", lambda languages, high: Unsure())
    text = "Asiel migratie Frontex Libië Tunesië Europa"
    items = [{"text": text, "lang_declared": "fr"}, {"text": text, "lang_declared": "en"},
             {"text": text}]
    items, report = run(language, items)
    assert [i["lang"] for i in items] == ["fr", "nl", "nl"]
    assert items[0]["lang_confidence"] == 0.4
    assert report.notes["declared_hint"] == 1


# --- lemmas -----------------------------------------------------------------------------------

def test_lemmas_lower_case_per_language():
    items = [{"text": "De vluchtelingen werden opgevangen", "lang": "nl"},
             {"text": "Les réfugiés étaient accueillis", "lang": "fr"},
             {"text": "XYZ 42", "lang": "und"}]
    items, _ = run(lemmas, items)
    assert items[0]["lemmas"].split()[1] == "vluchteling"
    assert "réfugié" in items[1]["lemmas"].split()
    assert items[2]["lemmas"] == "xyz 42"
    assert [i["n_tokens"] for i in items] == [4, 4, 2]


# --- mentions ---------------------------------------------------------------------------------

CONFIG = PipelineConfig(
    own_names=["11.11.11"],
    reports=[("monitoring.output:3", ["Jaarlijkse pushbackrapporten", "pushbackrapport"])],
    campaigns=[("monitoring.output:4", ["Stop Pushbacks"])],
    persons=[("actors.person:1", ["Sammy Mahdi", "S. Mahdi", "staatssecretaris Mahdi", "Mahdi"]),
             ("actors.person:2", ["Nicole de Moor", "Mevr. de Moor", "minister de Moor"]),
             ("actors.person:3", ["Charles Michel", "M. Michel"])],
    parties=[("actors.organisation:10", ["Groen", "Agalev"]),
             ("actors.organisation:11", ["Vooruit", "sp.a"]),
             ("actors.organisation:12", ["PS"]),
             ("actors.organisation:13", ["Open Vld", "VLD"]),
             ("actors.organisation:14", ["DéFI"]),
             ("actors.organisation:15", ["Ecolo", "ECOLO"])],
    organisations=[("actors.organisation:20", ["Frontex"])],
    dossier_terms={5: ["klimaatfinanciering", "financement climatique", "loss and damage"],
                   6: ["pushbacks"]},
    theme_of_dossier={5: 50, 6: 60},
)


def found(text, config=CONFIG):
    return [(m["kind"], m["ref"], m["text"]) for m in
            run(mentions, [{"text": text}], config)[0][0]["mentions"]]


def test_mentions_fold_accents_and_case():
    assert found("Volgens 11.11.11 en DEFI") == [
        ("organisation", "own", "11.11.11"), ("party", "actors.organisation:14", "DEFI")]
    assert found("le FINANCEMENT CLIMATIQUE") == [
        ("dossier", "strategy.dossier:5", "FINANCEMENT CLIMATIQUE")]


def test_variants_that_fold_alike_give_one_mention():
    assert found("Ecolo et ECOLO") == [("party", "actors.organisation:15", "Ecolo"),
                                       ("party", "actors.organisation:15", "ECOLO")]


def test_mentions_need_word_boundaries():
    assert found("Het klimaatfinancieringsdebat en de PSW") == []
    assert found("Groenland") == []


def test_a_name_that_is_a_common_word_needs_its_capital():
    assert found("het groene beleid is groen en gaat vooruit") == []
    assert found("Groen en Vooruit stemden tegen") == [
        ("party", "actors.organisation:10", "Groen"), ("party", "actors.organisation:11", "Vooruit")]
    assert found("Agalev, later Groen") == [
        ("party", "actors.organisation:10", "Agalev"), ("party", "actors.organisation:10", "Groen")]


def test_short_capitals_must_match_exactly():
    assert found("De PS stemde tegen") == [("party", "actors.organisation:12", "PS")]
    assert found("ps: tot morgen") == []


def test_longest_variant_wins_and_old_names_count():
    assert found("Open Vld en sp.a") == [
        ("party", "actors.organisation:13", "Open Vld"), ("party", "actors.organisation:11", "sp.a")]
    assert found("Mevr. de Moor antwoordt") == [("person", "actors.person:2", "Mevr. de Moor")]
    assert found("Vraag aan staatssecretaris Mahdi") == [
        ("person", "actors.person:1", "staatssecretaris Mahdi")]


def test_person_name_with_a_typo_matches_its_first_name_and_surname():
    assert found("Sammy Mahdy zegt") == [("person", "actors.person:1", "Sammy Mahdy")]
    assert found("Sammy Mahoney zegt") == []
    without_fuzzy = PipelineConfig(persons=CONFIG.persons, fuzzy_names=False)
    assert found("Sammy Mahdy zegt", without_fuzzy) == []


def test_mentions_fill_dossiers_themes_and_reports_offsets():
    text = "Het pushbackrapport van 11.11.11 over pushbacks en loss and damage"
    items, report = run(mentions, [{"text": text}], CONFIG)
    item = items[0]
    assert item["dossiers"] == [5, 6] and item["themes"] == [50, 60]
    for m in item["mentions"]:
        assert text[m["start"]:m["start"] + len(m["text"])] == m["text"]
    assert {m["kind"] for m in item["mentions"]} == {"report", "organisation", "dossier"}
    assert report.changed == 1 and report.notes["mention:dossier"] == 2


def test_empty_config_matches_nothing():
    assert Matcher(PipelineConfig()).find("11.11.11 Groen") == []


# --- sentiment --------------------------------------------------------------------------------

@pytest.mark.parametrize("text, lang, label", [
    ("Dit is een goed en sterk voorstel.", "nl", "pos"),
    ("Dit is geen goed voorstel.", "nl", "neg"),
    ("Dit is een slecht voorstel.", "nl", "neg"),
    ("Dit is niet slecht.", "nl", "pos"),
    ("De commissie vergadert dinsdag.", "nl", "neu"),
    ("C'est une bonne proposition.", "fr", "pos"),
    ("Ce n'est pas une bonne proposition.", "fr", "neg"),
    ("C'est une catastrophe.", "fr", "neg"),
    ("La commission se réunit mardi.", "fr", "neu"),
    ("This is a great proposal.", "en", "pos"),
    ("This is not a good proposal.", "en", "neg"),
    ("It wasn't good at all.", "en", "neg"),
    ("It was good.", "en", "pos"),
    ("The committee meets on Tuesday.", "en", "neu"),
    ("Dit is een goed voorstel.", "und", "neu"),
])
def test_lexicon_sentiment_with_negation(text, lang, label):
    assert score(text, lang)[1] == label


def test_intensifiers_strengthen():
    assert score("Dit is zeer goed.", "nl")[0] > score("Dit is goed.", "nl")[0]
    assert score("C'est très mauvais.", "fr")[0] < score("C'est mauvais.", "fr")[0]


def test_sentiment_step_fills_its_columns_and_the_tier():
    items = [{"text": "Een schandalig en slecht besluit.", "lang": "nl"}]
    items, report = run(sentiment, items)
    assert items[0]["sentiment_label"] == "neg" and -1 <= items[0]["sentiment"] < 0
    assert items[0]["sentiment_tier"] == "lexicon"
    assert report.notes["tier:lexicon"] == 1


def test_other_tier_scores_what_it_covers(monkeypatch):
    from hefboom.listening import tiers

    monkeypatch.setattr(tiers, "predict", lambda tier, texts, langs, config: [
        (0.9, "pos") if lang == "nl" else None for lang in langs])
    items = [{"text": "Slecht.", "lang": "nl"}, {"text": "Mauvais.", "lang": "fr"}]
    items, _ = run(sentiment, items, PipelineConfig(sentiment_tier="trained"))
    assert [(i["sentiment_label"], i["sentiment_tier"]) for i in items] == [
        ("pos", "trained"), ("neg", "lexicon")]


# --- frames -----------------------------------------------------------------------------------

def test_frames_from_lemmas_with_prefixes_and_overrides():
    items = [{"text": "x", "lang": "nl", "lemmas": "de klimaatrechtvaardigheid en de economie"},
             {"text": "x", "lang": "fr", "lemmas": "le droit de asile"},
             {"text": "x", "lang": "en", "lemmas": "the weather be nice"}]
    items, report = run(frames, items)
    assert items[0]["frames"] == ["economic", "solidarity"]
    assert items[1]["frames"] == ["human_rights"]
    assert items[2]["frames"] == []
    custom = PipelineConfig(frames={"health": {"en": ["weather"]}})
    items, _ = run(frames, [{"text": "x", "lang": "en", "lemmas": "the weather be nice"}], custom)
    assert items[0]["frames"] == ["health"]


# --- the chain and keywords -------------------------------------------------------------------

def test_default_steps_fill_every_analysis_column():
    from hefboom.listening.schema import ANALYSIS_COLUMNS

    items = [{"text": "Mevr. de Moor (CD&V) antwoordt. De pushbacks zijn een schande.",
              "lang_declared": "nl"}]
    reports = {}
    items = run_steps(items, DEFAULT_STEPS, CONFIG, reports)
    assert [s.step_name for s in DEFAULT_STEPS] == [
        "language", "sentences", "lemmas", "mentions", "sentiment", "frames"]
    assert set(ANALYSIS_COLUMNS) <= set(items[0])
    assert items[0]["lang"] == "nl" and items[0]["n_sentences"] == 2
    assert items[0]["sentiment_label"] == "neg" and items[0]["dossiers"] == [6]
    assert set(reports) == {s.step_name for s in DEFAULT_STEPS}


def test_sentences_step_counts():
    items, _ = run(sentences, [{"text": "Dhr. Mahdi komt. Hij spreekt.", "lang": "nl"}, {"text": ""}])
    assert [i["n_sentences"] for i in items] == [2, 0]


def test_keywords_per_period():
    result = keywords({"2023": ["de klimaatfinanciering zijn laag", "klimaatfinanciering nu"],
                       "2024": ["frontex pushback", "le refoulement être illégal"],
                       "2025": []}, top=2)
    assert result["2023"][0][0] == "klimaatfinanciering"
    assert "de" not in dict(result["2023"]) and "être" not in dict(result["2024"])
    assert result["2025"] == []
    assert keywords({"a": [""]}) == {"a": []}
