"""Test workbooks made with openpyxl, in the layouts teams really use (and some broken ones)."""

import datetime as dt
from pathlib import Path

from openpyxl import Workbook


def make_workbook(path: Path, sheets: dict) -> Path:
    """sheets: name -> {"title": str | None, "headers": [...], "rows": [[...], ...]}."""
    workbook = Workbook()
    workbook.remove(workbook.active)
    for name, spec in sheets.items():
        sheet = workbook.create_sheet(name)
        headers = spec.get("headers", [])
        if spec.get("title"):
            sheet.append([spec["title"]])
            sheet.merge_cells(start_row=1, start_column=1, end_row=1,
                              end_column=max(len(headers), 2))
            sheet.append([])
        if headers:
            sheet.append(headers)
        for row in spec.get("rows", []):
            sheet.append(row)
    workbook.save(path)
    return path


CONTACT_HEADERS = ["Datum", "Type contact", "Contactpersoon", "Organisatie", "Partij", "Dossier",
                   "Samenvatting", "Wie van ons"]


def contact_rows(n=3, start=dt.date(2023, 1, 2)):
    return [[start + dt.timedelta(days=i), "overleg", "Nicole De Moor", "", "",
             "Hervestiging", f"Overleg over hervestiging {i}", "alice"] for i in range(n)]


def dutch_sheets(contacts=None):
    """The legacy layout of the evaluation report: several tabs, merged titles, Dutch headers."""
    return {
        "Indicatoren": {"title": "Kwantitatieve indicatoren 2023",
                        "headers": ["Indicator", "Baseline", "Target", "Waarde 2023"],
                        "rows": [["# politieke contacten", 50, 80, 95]]},
        "Politieke contacten": {
            "title": "Monitoring beleidsdienst 2023 – politieke contacten",
            "headers": CONTACT_HEADERS,
            "rows": contacts if contacts is not None else [
                [dt.datetime(2023, 3, 6), "Overleg", "Min. De Moor", "kabinet De Moor", "",
                 "Hervestiging", "Hervestigingsquota besproken", "alice"],
                ["14/03/2023", "telefoon", "Nicole De Moor", "", "", "hervestiging",
                 "Opvolging quota", "bob, alice"],
                ["2023-04-02", "WhatsApp", "Jan Peeters", "", "N-VA", "Arbeidsmigratie",
                 "Bericht over arbeidsmigratie", ""],
            ]},
        "Outputs": {"title": "Outputs", "headers": ["Datum", "Titel", "Soort", "Dossier", "Link"],
                    "rows": [[dt.date(2023, 2, 1), "Inputnota hervestiging", "inputnota",
                              "Hervestiging", "https://example.org/nota"],
                             ["1 maart 2023", "Persbericht quota", "persbericht", "Hervestiging",
                              ""]]},
        "Outcomes": {"headers": ["Datum", "Outcome", "Type verandering", "Dossier", "Actor", "Bron"],
                     "rows": [["31/07/2023", "De regering beslist een structureel "
                               "hervestigingsprogramma.", "beleid", "Hervestiging",
                               "kabinet De Moor", "Beleidsnota Asiel en Migratie 2023"]]},
        "Progress markers": {"headers": ["Boundary partner", "Progress marker", "Periode", "Score",
                                         "Toelichting"],
                             "rows": [["Federale regering", "E1", "2023", "hoog",
                                       "Quota verhoogd"]]},
    }


def french_sheets():
    return {"Contacts politiques": {
        "title": "Suivi 2023",
        "headers": ["Date", "Canal", "Interlocuteur", "Parti", "Sous-thème", "Résumé",
                    "Qui de chez nous"],
        "rows": [[dt.date(2023, 5, 4), "réunion", "Nicole De Moor", "", "Hervestiging",
                  "Réinstallation discutée", "alice"]]}}


def other_wording_sheets():
    return {"Contacts": {
        "headers": ["When", "Channel", "With whom", "Institution", "Topic", "Summary", "Staff"],
        "rows": [[45110, "call", "Nicole De Moor", "", "hervestiging", "Quota call", "alice"]]}}
