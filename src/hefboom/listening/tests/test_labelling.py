"""The labelling pages: the queue draws stratified items, one click labels and swaps in the next,
the model page shows counts and accuracy, and "train now" refuses or trains."""

import pytest
from django.urls import reverse

from hefboom.listening import labelling, training
from hefboom.listening.models import ItemLabel, TrainedModel
from hefboom.listening.tests.corpus_fixture import item, write_store
from hefboom.listening.tests.labelled_sample import SAMPLE


@pytest.fixture
def store(settings, tmp_path):
    settings.DATA_DIR = tmp_path
    return write_store(tmp_path)


def test_queue_is_empty_without_a_store(settings, tmp_path, client, alice):
    settings.DATA_DIR = tmp_path
    client.force_login(alice)
    page = client.get(reverse("listening:label_queue"))
    assert page.status_code == 200 and b"There is nothing to label" in page.content


def test_next_item_covers_languages_and_lexicon_labels(store, alice):
    seen = set()
    for _ in range(9):
        chosen = labelling.next_item()
        seen.add((chosen["lang"], chosen["sentiment_label"]))
        labelling.record_label(alice, chosen, "neu", [])
    # nine labels, one in each (language, lexicon label) cell
    assert seen == {(lang, label) for lang in ("nl", "fr", "en") for label in ("neg", "neu", "pos")}
    assert labelling.next_item("fr")["lang"] == "fr"


def test_labelled_and_duplicate_items_are_skipped(settings, tmp_path, alice):
    settings.DATA_DIR = tmp_path
    first = item(1, "nl", "Een slecht plan.", "neg")
    copy = item(2, "nl", "Een slecht plan!", "neg", dup_of=first["id"])
    write_store(tmp_path, [first, copy])
    assert labelling.next_item()["id"] == first["id"]
    labelling.record_label(alice, first, "neg", [])
    assert labelling.next_item() is None


def test_one_click_labels_and_swaps_in_the_next_item(store, client, alice):
    client.force_login(alice)
    page = client.get(reverse("listening:label_queue"))
    shown = page.context["item"]
    answer = client.post(reverse("listening:label_item"),
                         {"item": shown["id"], "sentiment": "pos",
                          "frames": ["economic", "solidarity"]}, HTTP_HX_REQUEST="true")
    assert answer.status_code == 200
    assert answer.templates[0].name == "listening/_label_panel.html"
    assert answer.context["item"]["id"] != shown["id"]
    label = ItemLabel.objects.get()
    assert (label.item_id, label.sentiment, label.frames, label.labelled_by) == (
        shown["id"], "pos", ["economic", "solidarity"], alice)
    assert label.text == shown["text"] and label.lang == shown["lang"]
    assert label.lexicon_label == shown["sentiment_label"]
    assert answer.context["counts"][shown["lang"]]["pos"] == 1

    again = client.post(reverse("listening:label_item"), {"item": shown["id"], "sentiment": "neg"})
    assert again.status_code == 302  # without HTMX: back to the queue
    assert ItemLabel.objects.get().sentiment == "neg"  # one label per item and person


def test_bad_labels_and_unknown_items_are_refused(store, client, alice):
    client.force_login(alice)
    shown = labelling.next_item()
    bad = client.post(reverse("listening:label_item"), {"item": shown["id"], "sentiment": "meh"},
                      HTTP_HX_REQUEST="true")
    assert b"not one of negative" in bad.content
    gone = client.post(reverse("listening:label_item"), {"item": "nope", "sentiment": "neg"},
                       HTTP_HX_REQUEST="true")
    assert b"no longer in the corpus" in gone.content
    assert not ItemLabel.objects.exists()


def test_viewers_may_not_label(store, client, victor):
    client.force_login(victor)
    assert client.get(reverse("listening:label_queue")).status_code == 403
    assert client.post(reverse("listening:label_item"), {"item": "x"}).status_code == 403
    assert client.get(reverse("listening:label_model")).status_code == 200
    assert client.post(reverse("listening:label_train")).status_code == 403


def test_train_now_refuses_then_trains(store, client, mia, monkeypatch):
    monkeypatch.setattr(training, "FEATURE_CHOICE", "hashing")
    client.force_login(mia)
    refused = client.post(reverse("listening:label_train"), follow=True)
    assert b"Too few labels to train" in refused.content
    assert not TrainedModel.objects.exists()
    for row in store:
        truth = next(label for lang, label, text in SAMPLE if text == row["text"])
        labelling.record_label(mia, row, truth, [])
    done = client.post(reverse("listening:label_train"), follow=True)
    model = TrainedModel.objects.get()
    assert model.active and model.trained_by == mia
    content = done.content.decode()
    assert "is now the active sentiment tier" in content
    assert "Accuracy on the held-out labels" in content and "majority baseline" in content
    assert done.context["accuracy_rows"][-1]["lang"] == "all"
    assert done.context["counts"]["nl"]["total"] == 21
