"""Segmentation: paragraphs and sentences with offsets into the original text, and the normal form."""

from datetime import date

from hefboom.uptake.segment import fold, paragraphs, segment, sentences, tokens

PDF_TEXT = (
    "Op de IMC van 7 juli 2023 werd het volgende beslist: \n\n \n\n"
    "De bescherming van arbeidsmigranten wordt verbeterd door hen beter te informeren over hun \n\n"
    "rechten. Dhr. Peeters en M. Dupont lazen art. 5 van de wet, bv. de brochure. Duidelijke en \n\n"
    "toegankelijke informatie wordt beschikbaar gesteld. \n\n \n\n"
    "Slachtoffers van sociale inbreuken krijgen voortaan 180 dagen om een nieuwe baan te vinden, \n\n"
    "zodat zij minder terughoudend zijn om misstanden te melden.\n"
)


def test_pdf_line_breaks_are_joined_into_paragraphs_with_offsets_into_the_original():
    spans = paragraphs(PDF_TEXT)
    texts = [PDF_TEXT[s:e] for s, e in spans]
    assert len(texts) == 3
    assert texts[0] == "Op de IMC van 7 juli 2023 werd het volgende beslist:"
    assert texts[1].startswith("De bescherming") and texts[1].endswith("beschikbaar gesteld.")
    assert texts[2].startswith("Slachtoffers") and texts[2].endswith("te melden.")


def test_abbreviations_and_initials_do_not_end_a_sentence():
    s, e = paragraphs(PDF_TEXT)[1]
    found = [PDF_TEXT[a:b] for a, b in sentences(PDF_TEXT, s, e)]
    assert len(found) == 3
    assert found[1].startswith("Dhr. Peeters en M. Dupont lazen art. 5")
    assert found[1].endswith("bv. de brochure.")


def test_french_titles_and_numbered_lists():
    text = "M. le Ministre et Mme Lalieux ont répondu. 1. Premier point.\n2. Deuxième point, etc. Fin."
    found = [text[a:b] for a, b in sentences(text)]
    assert found[0] == "M. le Ministre et Mme Lalieux ont répondu."
    assert "2. Deuxième point, etc." in found
    assert found[-1] == "Fin."


def test_numbered_list_items_start_paragraphs():
    text = "De regering beslist:\n1. een centrale website;\n2. een brochure bij de vergunning.\n"
    assert [text[s:e] for s, e in paragraphs(text)] == [
        "De regering beslist:",
        "1. een centrale website;",
        "2. een brochure bij de vergunning.",
    ]


def test_one_paragraph_per_long_line():
    line = "Een lange alinea zonder regeleinden " * 10
    text = f"{line.strip()}.\n{line.strip()}.\n"
    assert len(paragraphs(text)) == 2


def test_tokens_fold_case_and_accents_and_rejoin_hyphenated_words_with_offsets():
    text = "Één Coöperatie helpt arbeids-\n\nmigranten à Liège."
    found = tokens(text)
    assert [t.norm for t in found] == ["een", "cooperatie", "helpt", "arbeidsmigranten", "a", "liege"]
    hyphenated = found[3]
    assert text[hyphenated.start : hyphenated.end] == "arbeids-\n\nmigranten"
    assert fold("ÉLÈVE Œuvre") == "eleve oeuvre"


def test_segment_gives_paragraphs_then_their_sentences_with_stable_keys_and_offsets():
    passages = segment(PDF_TEXT, "output:12", date=date(2022, 5, 10), lang="nl")
    keys = [p.key for p in passages]
    assert keys[:2] == ["output:12:p1", "output:12:p2"]
    assert "output:12:p2.s2" in keys
    for passage in passages:
        assert PDF_TEXT[passage.start : passage.end] == passage.text
        assert passage.doc_key == "output:12" and passage.date == date(2022, 5, 10)
    assert {p.level for p in passages} == {"paragraph", "sentence"}


def test_an_empty_or_blank_text_gives_no_passages():
    assert segment("", "doc:1") == []
    assert segment(" \n\n \f\n", "doc:1") == []
    assert sentences("") == []
