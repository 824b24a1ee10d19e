"""The matrix page: questions as rows, the records tagged to each, per kind."""

from django.urls import reverse

from hefboom.core.actions import delete_record
from hefboom.evaluation.actions import tag_record
from hefboom.evaluation.tests.conftest import make_outcome


def test_the_matrix_lists_tagged_records_per_question_and_kind(client, victor, mia, outcome, evaluation):
    ev14 = evaluation.questions.get(code="EV.1.4")
    tag_record(mia, ev14, outcome)
    tag_record(mia, ev14, outcome.evidence.first())
    tag_record(mia, evaluation.questions.get(code="EV.1.2"), outcome)
    client.force_login(victor)
    response = client.get(reverse("evaluation:matrix", args=[evaluation.pk]))
    rows = {row.question.code: row for row in response.context["matrix"].rows}
    assert rows["EV.1.4"].records == {"outcome": [outcome], "evidence": [outcome.evidence.first()]}
    assert rows["EV.1.2"].records == {"outcome": [outcome]}
    assert rows["EV.6.2"].records == {}
    page = response.content.decode()
    assert "Autonome hervestigingsstructuur" in page and "De Standaard" in page
    assert f"{outcome.get_absolute_url()}#evidence-{outcome.evidence.first().pk}" in page


def test_outcomes_in_the_bin_leave_the_matrix(client, mia, outcome, question, evaluation):
    tag_record(mia, question, outcome)
    tag_record(mia, question, outcome.evidence.first())
    delete_record(outcome, mia)
    client.force_login(mia)
    response = client.get(reverse("evaluation:matrix", args=[evaluation.pk]))
    assert all(not row.records for row in response.context["matrix"].rows)


def test_the_matrix_takes_the_same_queries_for_many_tags(
        client, victor, mia, alice, dossier, evaluation, django_assert_num_queries):
    questions = list(evaluation.questions.all()[:4])
    url = reverse("evaluation:matrix", args=[evaluation.pk])
    client.force_login(victor)
    client.get(url)  # warm the content-type cache

    def tag_more(n):
        for i in range(n):
            record = make_outcome(alice, dossier, f"Uitkomst {n}-{i}")
            for question in questions:
                tag_record(mia, question, record)

    tag_more(1)
    with django_assert_num_queries(6):  # session, user, evaluation, questions, tags, outcomes
        client.get(url)
    tag_more(4)
    with django_assert_num_queries(6):
        response = client.get(url)
    assert len(response.context["matrix"].records("outcome")) == 5
