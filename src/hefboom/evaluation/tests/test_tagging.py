"""Outcomes and evidence are tagged to evaluation questions from the record's page (HTMX)."""

import pytest
from django.template import Context, RequestContext, Template
from django.test import RequestFactory
from django.urls import reverse

from hefboom.core.actions import delete_record
from hefboom.evaluation.actions import tag_record
from hefboom.evaluation.models import EvaluationTag

HTMX = {"HTTP_HX_REQUEST": "true"}


def test_mia_tags_an_outcome_and_sees_the_tag_in_the_returned_partial(client, mia, outcome, question):
    client.force_login(mia)
    response = client.post(reverse("evaluation:tag", args=["outcome", outcome.pk]),
                           {"question": question.pk}, **HTMX)
    assert response.status_code == 200
    assert "EV.1.4" in response.content.decode() and "<html" not in response.content.decode()
    tag = EvaluationTag.objects.get()
    assert (tag.record, tag.question, tag.created_by) == (outcome, question, mia)


def test_tagging_twice_is_refused_with_a_message(client, mia, outcome, question):
    tag_record(mia, question, outcome)
    client.force_login(mia)
    response = client.post(reverse("evaluation:tag", args=["outcome", outcome.pk]),
                           {"question": question.pk}, **HTMX)
    assert "already tagged to this question" in response.content.decode()
    assert EvaluationTag.objects.count() == 1


def test_a_question_that_does_not_exist_is_named(client, mia, outcome):
    client.force_login(mia)
    response = client.post(reverse("evaluation:tag", args=["outcome", outcome.pk]),
                           {"question": 999999}, **HTMX)
    assert "Choose one of the evaluation questions." in response.content.decode()
    assert not EvaluationTag.objects.exists()


def test_without_htmx_the_form_returns_to_the_record(client, alice, outcome, question):
    client.force_login(alice)
    evidence = outcome.evidence.first()
    response = client.post(reverse("evaluation:tag", args=["evidence", evidence.pk]),
                           {"question": question.pk})
    assert response.url == f"{outcome.get_absolute_url()}#evidence-{evidence.pk}"
    assert EvaluationTag.objects.get().record == evidence


def test_victor_may_not_tag_or_untag(client, victor, mia, outcome, question):
    tag = tag_record(mia, question, outcome)
    client.force_login(victor)
    assert client.post(reverse("evaluation:tag", args=["outcome", outcome.pk]),
                       {"question": question.pk}).status_code == 403
    assert client.post(reverse("evaluation:untag", args=[tag.pk])).status_code == 403
    assert EvaluationTag.objects.count() == 1


def test_records_in_the_bin_or_of_unknown_kinds_cannot_be_tagged(client, mia, outcome, question):
    client.force_login(mia)
    evidence = outcome.evidence.first()
    delete_record(outcome, mia)
    for kind, pk in (("outcome", outcome.pk), ("evidence", evidence.pk), ("contact", 1)):
        response = client.post(reverse("evaluation:tag", args=[kind, pk]), {"question": question.pk})
        assert response.status_code == 404, kind


def test_untagging_removes_the_tag(client, mia, outcome, question):
    tag = tag_record(mia, question, outcome)
    client.force_login(mia)
    response = client.post(reverse("evaluation:untag", args=[tag.pk]), **HTMX)
    assert "Not tagged to any evaluation question." in response.content.decode()
    assert not EvaluationTag.objects.exists()


@pytest.mark.parametrize("who, can_tag", [("mia", True), ("victor", False)])
def test_the_partial_offers_the_form_to_editors_only(request, outcome, question, who, can_tag):
    user = request.getfixturevalue(who)
    web_request = RequestFactory().get("/")
    web_request.user = user
    html = Template("{% load evaluation %}{% evaluation_tags outcome %}").render(
        RequestContext(web_request, {"outcome": outcome}))
    assert ('name="question"' in html) is can_tag
    # An editor may tag the untagged record; a viewer has nothing to see or do, so no section.
    assert ("Not tagged to any evaluation question." in html) is can_tag
    assert Context  # the tag needs a RequestContext (it reads the user from the request)
