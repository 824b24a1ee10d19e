"""The evidence pack: a self-contained ZIP built for the account that downloads it."""

import io
import posixpath
import re
import zipfile

import pytest
from django.urls import reverse

from hefboom.evaluation.actions import tag_record


@pytest.fixture
def tagged(mia, outcome, evaluation, question):
    tag_record(mia, question, outcome)
    tag_record(mia, evaluation.questions.get(code="EV.1.1"), outcome.evidence.first())
    return outcome


def download(client, user, evaluation):
    client.force_login(user)
    response = client.get(reverse("evaluation:evidence_pack", args=[evaluation.pk]))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/zip"
    assert "attachment" in response["Content-Disposition"]
    return zipfile.ZipFile(io.BytesIO(b"".join(response.streaming_content)))


def texts(archive):
    return {name: archive.read(name).decode() for name in archive.namelist()
            if name.endswith(".html")}


def test_victor_downloads_a_pack_whose_links_all_resolve(client, victor, tagged, evaluation, dossier):
    archive = download(client, victor, evaluation)
    names = set(archive.namelist())
    evidence = tagged.evidence.get(reference="De Standaard")
    assert {"index.html", f"records/outcome-{tagged.pk}.html", f"records/evidence-{evidence.pk}.html",
            f"timelines/dossier-{dossier.pk}.html"} <= names
    assert archive.read(f"files/evidence-{evidence.pk}-krantenartikel.pdf") == b"%PDF-1.4 artikel"
    for name, html in texts(archive).items():
        assert "<script" not in html and "http://" not in html.replace('href="http', "")
        for link in re.findall(r'href="([^"#]+)', html):
            if link.startswith(("http:", "https:")):
                continue
            target = posixpath.normpath(posixpath.join(posixpath.dirname(name), link))
            assert target in names, f"{name} links to missing {link}"
    index = archive.read("index.html").decode()
    assert "EV.1.4" in index and f'href="records/outcome-{tagged.pk}.html"' in index


def test_confidential_contacts_stay_out_of_victors_pack_but_not_alices(
        client, victor, alice, tagged, evaluation):
    everything = "".join(texts(download(client, victor, evaluation)).values())
    assert "Het telefoongesprek zette het op de agenda." in everything
    assert "Telefoon over hervestigingsquota" in everything  # open contact, in the timeline too
    assert "Geheime afspraak" not in everything and "Vertrouwelijk overleg" not in everything
    client.logout()
    everything = "".join(texts(download(client, alice, evaluation)).values())
    assert "Geheime afspraak" in everything and "Vertrouwelijk overleg" in everything


def test_an_empty_evaluation_gives_a_pack_with_only_the_matrix(client, victor, evaluation):
    archive = download(client, victor, evaluation)
    assert archive.namelist() == ["index.html"]
    assert "EV.6" in archive.read("index.html").decode()
