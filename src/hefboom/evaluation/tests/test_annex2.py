"""The Annex 2 matrix loads as the report has it, and loading it twice changes nothing."""

from hefboom.evaluation.annex2 import load_annex2_matrix
from hefboom.evaluation.models import Evaluation, EvaluationQuestion


def test_the_matrix_has_the_six_questions_of_the_report_and_their_sub_questions(evaluation):
    main = evaluation.questions.filter(parent=None)
    assert list(main.values_list("code", flat=True)) == [f"EV.{n}" for n in range(1, 7)]
    ev1 = main.get(code="EV.1")
    assert list(ev1.sub_questions.values_list("code", flat=True)) == [
        "EV.1.1", "EV.1.2", "EV.1.3", "EV.1.4", "EV.1.5"]
    contribution = evaluation.questions.get(code="EV.1.4")
    assert "contributie" in contribution.text and "Outcome Harvesting" in contribution.data_sources
    assert evaluation.questions.count() == 26
    assert (evaluation.period_start.year, evaluation.period_end.year) == (2022, 2024)


def test_loading_again_changes_nothing_and_repairs_edits(evaluation, mia):
    versions = EvaluationQuestion.history.count()
    load_annex2_matrix()
    assert Evaluation.objects.count() == 1 and EvaluationQuestion.objects.count() == 26
    assert EvaluationQuestion.history.count() == versions, "no needless new versions"
    question = evaluation.questions.get(code="EV.6.2")
    question.text = "Gewijzigd"
    question.save()
    load_annex2_matrix(mia)
    question.refresh_from_db()
    assert question.text.startswith("Zijn veranderingen nodig")
