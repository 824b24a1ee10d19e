"""Every problem the Excel import can report, with a stable code, a message and what to do.

Codes never change meaning (tests, docs and support answers refer to them). E0xx stop the whole
file, E1xx concern a sheet, E2xx a row; W is a warning and I a notice: neither blocks an import.
Messages are English source strings (translated through gettext); `{placeholders}` are filled in
from a problem's params when it is shown, so a stored report can be shown in any language.
"""

from dataclasses import asdict, dataclass, field

from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

ERROR, WARNING, INFO = "error", "warning", "info"

# code: (message, what to do)
MESSAGES = {
    # The file as a whole.
    "E001": (_("{file} is not an Excel workbook (.xlsx)."),
             _("Open it in Excel or LibreOffice and save it as 'Excel Workbook (.xlsx)'.")),
    "E002": (_("{file} is an old-style .xls workbook or another Office file, not .xlsx."),
             _("Open it in Excel or LibreOffice and save it as 'Excel Workbook (.xlsx)'.")),
    "E003": (_("{file} is protected with a password (encrypted), so it cannot be read."),
             _("Open it in Excel, remove the password (File › Info › Protect Workbook › Encrypt "
               "with Password, empty the field), save, and import the saved copy.")),
    "E004": (_("{file} is damaged and cannot be read ({detail})."),
             _("Open it in Excel or LibreOffice and save it again; if that fails, use an "
               "earlier copy.")),
    "E005": (_("{file} is {size} MB; the limit is {limit} MB."),
             _("Remove sheets that are not imported (charts, pivot tables, pictures) or split "
               "the workbook; an administrator can raise the limit with "
               "HEFBOOM_EXCEL_IMPORT_MAX_MB.")),
    "E006": (_("{file} unpacks to {size} MB, more than the {limit} MB allowed."),
             _("Remove sheets that are not imported (pictures, pivot caches) or split the "
               "workbook.")),
    "E016": (_("{file} holds {count} parts; a workbook holds far fewer (the limit is {limit})."),
             _("Open it in Excel or LibreOffice and save it again as .xlsx; if it really holds "
               "that much, split the workbook.")),
    "E017": (_("{file} has a part ({part}) that unpacks to {ratio} times its packed size (the "
               "limit is {limit} times), as a zip bomb does."),
             _("Open it in Excel or LibreOffice and save it again as .xlsx; a workbook made "
               "that way imports normally.")),
    "E018": (_("{file} holds XML with a document type declaration (<!DOCTYPE> in {part}), "
               "which Excel never writes: the file was made or changed by another program and "
               "could read files from the server."),
             _("Open it in Excel or LibreOffice and save it again as .xlsx, or ask whoever "
               "sent it where it comes from.")),
    "E007": (_("No sheet of {file} is set to contacts, outputs, outcomes or progress-marker "
               "observations."),
             _("In the mapping, say which sheet holds which records.")),
    "E008": (_("There is no saved mapping or JSON file called '{name}'."),
             _("Use the name of a saved mapping ({known}) or the path of a JSON mapping file.")),
    "E009": (_("The mapping '{name}' cannot be used: {detail}."),
             _("Start from the proposed mapping (run with --dry-run and --show-mapping) and "
               "change that.")),
    "E010": (_("There is no administrator to record the import under."),
             _("Pass --user USERNAME, or create an administrator with 'hefboom "
               "createsuperuser'.")),
    "E011": (_("There is no user '{name}'."), _("Pass the username of an existing user.")),
    "E012": (_("{name} may read but not change records, so cannot import."),
             _("Ask a policy officer, the M&E officer or an administrator to import.")),
    "E013": (_("{count} names need a decision (uncertain matches), so nothing was imported."),
             _("Review them in the web import, or run again with --accept-uncertain (use the "
               "best candidate) or --create-uncertain (create new persons and organisations).")),
    "E014": (_("The workbook has {count} problems, so nothing was imported."),
             _("Correct them in the workbook (or in the mapping) and import again; the dry run "
               "lists each one.")),
    "E015": (_("Another import stored some of these rows at the same moment."),
             _("Run the import again: rows already imported are skipped.")),
    # One sheet.
    "W101": (_("The sheet is empty; nothing is imported from it."),
             _("Nothing to do if that is right; otherwise check that you uploaded the latest "
               "version of the workbook.")),
    "E102": (_("No row with column names was found in the first {rows} rows."),
             _("Put the column names in one row above the data.")),
    "W103": (_("Columns not used: {headers}."),
             _("If a column holds something Hefboom should keep, choose its field in the "
               "mapping; otherwise nothing is needed.")),
    "E104": (_("No column is set to '{field}', which {kind} need."),
             _("In the mapping, choose the column that holds the {field}.")),
    "I105": (_("Not imported yet: indicators arrive with the reporting module."),
             _("Keep the sheet; it can be imported when reporting is available.")),
    "E106": (_("The mapping names a column '{header}' that this sheet does not have."),
             _("Change the mapping, or use the proposed one.")),
    "E107": (_("The mapping names a sheet '{sheet}' that the workbook does not have."),
             _("Change the mapping, or use the proposed one.")),
    "W108": (_("Hefboom did not recognise what this sheet holds; it is ignored."),
             _("If it holds contacts, outputs, outcomes or progress-marker observations, say so "
               "in the mapping.")),
    "W109": (_("No '{field}' column: every record gets '{default}'."),
             _("Add the column, or correct the records after the import.")),
    "I110": (_("{count} rows were imported before (rows {rows}) and are skipped."),
             _("Nothing to do: importing the same rows again never duplicates them.")),
    # One row.
    "E201": (_("'{field}' is empty."),
             _("Fill it in, or delete the row if it holds no record.")),
    "E202": (_("'{value}' is not a date."),
             _("Write the date as 2023-07-01 or 1/7/2023 (day first), or use an Excel date.")),
    "E203": (_("'{value}' is not a real day."),
             _("Correct the day or month (for example, February has 28 or 29 days).")),
    "E204": (_("'{value}' is a period, not a day."),
             _("Give a day, e.g. {suggestion}.")),
    "E205": (_("'{value}' is not a known dossier."),
             _("Use one of: {known}. A new dossier is added by the M&E officer first.")),
    "E206": (_("'{value}' is not a known political party."),
             _("Use one of: {known}. A new party is added under Organisations first.")),
    "E207": (_("'{value}' is not a known {field}."), _("Use one of: {choices}.")),
    "E208": (_("This row repeats row {first} of sheet '{first_sheet}'."),
             _("Delete one of the two rows, or add what differs between them (e.g. the "
               "summary).")),
    "E209": (_("{field}: {detail}"), _("Correct the value in the workbook.")),
    "E210": (_("'{value}' gives only a surname: not enough to create a new person."),
             _("Write the full name (e.g. 'Nicole De Moor'), choose an existing person in the "
               "review, or add the person under People first.")),
    "E211": (_("'{value}' is not a known progress marker."),
             _("Use the marker's code (E1, L2, LO3) with a boundary-partner column, or its "
               "statement as written in Hefboom.")),
    "E212": (_("'{value}' is not a period."),
             _("Write a year (2023), a quarter (Q3 2023), a half year (S1 2023), two years "
               "(2022-2023) or two dates.")),
    "E213": (_("'{value}' is not yes or no."), _("Write yes or no (ja/nee, oui/non).")),
    "E215": (_("{detail}"),
             _("Leave the row out, or ask the M&E officer to unlock the year first.")),
    "W214": (_("'{value}' is not a Hefboom user; you are recorded as our participant."),
             _("Use a colleague's username or full name, or correct the contact afterwards.")),
}


class ImportFailed(Exception):
    """The import cannot go on; `problem` says why and what to do."""

    def __init__(self, code: str, **params):
        self.problem = Problem(code, params=params)
        super().__init__(self.problem.text())


@dataclass
class Problem:
    code: str
    sheet: str = ""
    row: int | None = None
    column: str = ""
    value: str = ""
    params: dict = field(default_factory=dict)

    @property
    def severity(self) -> str:
        return {"E": ERROR, "W": WARNING, "I": INFO}[self.code[0]]

    @property
    def is_error(self) -> bool:
        return self.severity == ERROR

    @property
    def message(self) -> str:
        return _fill(MESSAGES[self.code][0], self)

    @property
    def fix(self) -> str:
        return _fill(MESSAGES[self.code][1], self)

    @property
    def place(self) -> str:
        parts = []
        if self.sheet:
            parts.append(gettext("sheet '%(sheet)s'") % {"sheet": self.sheet})
        if self.row:
            parts.append(gettext("row %(row)s") % {"row": self.row})
        if self.column:
            parts.append(gettext("column '%(column)s'") % {"column": self.column})
        return ", ".join(parts)

    def text(self) -> str:
        place = f"{self.place}: " if self.place else ""
        return f"{self.code} {place}{self.message} {gettext('What to do:')} {self.fix}"

    def as_dict(self) -> dict:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict) -> "Problem":
        return cls(**data)


def _fill(template, problem: Problem) -> str:
    values = {"value": problem.value, **{k: str(v) for k, v in problem.params.items()}}
    try:
        return str(template).format(**values)
    except (KeyError, IndexError):  # a stored report from an older version: show it unfilled
        return str(template)
