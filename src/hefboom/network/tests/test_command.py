"""`hefboom handover`: the report as a file, and clear refusals."""

import pytest
from django.core.management import CommandError, call_command

from .test_handover import alices_work  # noqa: F401  (the fixture)

pytestmark = pytest.mark.django_db


def test_writes_alices_own_report_as_html_with_her_confidential_contact(tmp_path, alice,
                                                                          alices_work):  # noqa: F811
    target = tmp_path / "alice.html"
    call_command("handover", "alice", "--output", str(target), "--language", "en")
    page = target.read_text()
    assert "Hand-over report: Alice" in page and "Zoë Énkel" in page
    assert "Geert Stil" in page  # her own report is complete


def test_writes_a_pdf_read_by_mia_when_alice_has_left(tmp_path, alice, mia, alices_work):  # noqa: F811
    alice.is_active = False
    alice.save()
    target = tmp_path / "alice.pdf"
    with pytest.raises(CommandError, match="--as"):
        call_command("handover", "alice", "--output", str(target), "--format", "pdf")
    assert not target.exists()
    call_command("handover", "alice", "--output", str(target), "--format", "pdf", "--as", "mia")
    assert target.read_bytes().startswith(b"%PDF")


@pytest.mark.parametrize("arguments,message", [
    (["nobody"], "There is no user “nobody”"),
    (["alice", "--as", "bob"], "bob may not read this report"),
    (["alice", "--months", "0"], "--months must be between 1 and 240"),
])
def test_refusals_name_what_to_fix(tmp_path, alice, bob, arguments, message):
    target = tmp_path / "out.html"
    with pytest.raises(CommandError, match=message):
        call_command("handover", *arguments, "--output", str(target))
    assert not target.exists()


def test_a_missing_folder_is_named(tmp_path, alice):
    with pytest.raises(CommandError, match="does not exist"):
        call_command("handover", "alice", "--output", str(tmp_path / "no" / "file.html"))
