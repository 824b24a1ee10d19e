"""Every message the calendar import shows, in one place, each with a stable code.

The codes (E0xx: the whole file is refused, W0xx: one event is skipped, C0xx: confirming a
proposal) stay the same across releases and translations, so that users, the CLI output and
support can refer to them. Messages name the file or the event and say what to do.
"""

from django.utils.translation import gettext_lazy as _

# The whole file is refused; nothing is stored.
NOT_A_CALENDAR = (
    "E001",
    _("%(file)s is not an iCalendar (.ics) file: %(detail)s. Export the calendar again as .ics "
      "from Outlook, Google Calendar or Nextcloud."),
)
UNREADABLE_LINE = (
    "E002",
    _("%(file)s, line %(line)s: %(detail)s. The export is damaged; export the calendar again."),
)
TRUNCATED = (
    "E003",
    _("%(file)s has no complete calendar (BEGIN:VCALENDAR ... END:VCALENDAR); the file may be "
      "cut off. Export the calendar again."),
)
TOO_LARGE = (
    "E004",
    _("%(file)s is %(size)s; the limit is %(limit)s. Export a shorter period (e.g. the last "
      "year) and import that."),
)
EMPTY_FILE = ("E005", _("%(file)s is empty."))
NOT_TEXT = (
    "E006",
    _("%(file)s is not a text file in UTF-8, as iCalendar files are. Export the calendar again as "
      ".ics."),
)
BAD_WINDOW = ("E007", _("The period ends (%(until)s) before it starts (%(since)s)."))

# One event is skipped; the rest of the file is imported.
EVENT_WITHOUT_START = ("W001", _("the event has no start date and time (DTSTART)"))
EVENT_BAD_PROPERTY = ("W002", _("%(property)s cannot be read: %(detail)s"))
EVENT_UNEXPANDABLE = ("W003", _("its repetitions cannot be calculated: %(detail)s"))
EVENT_TOO_MANY = (
    "W004",
    _("it repeats more than %(limit)s times in the period; only the first %(limit)s are proposed"),
)
EVENT_OUT_OF_RANGE = (
    "W005",
    _("%(property)s is %(value)s, outside the years %(first)s–%(last)s that meetings can have"),
)
EVENT_TOO_COSTLY = (
    "W006",
    _("its repetition (%(rule)s from %(start)s) has too many steps to calculate; a meeting does "
      "not repeat that often. Change the series in the calendar or give it an end date"),
)

# Confirming a proposal.
ALREADY_HANDLED = ("C001", _("This meeting was already %(status)s."))
CANNOT_NAME_PERSON = (
    "C002",
    _("Cannot create a person from '%(name)s': a first and a last name are needed. Choose "
      "'leave out' or add the person first."),
)


def message(entry, **params) -> str:
    """The message of an entry with its parameters filled in, prefixed with its code."""
    code, text = entry
    return f"[{code}] {text % params if params else text}"


class CalendarImportError(Exception):
    """The file cannot be imported at all; `str()` is the message for the user."""

    def __init__(self, entry, **params):
        self.code = entry[0]
        self.params = params
        super().__init__(message(entry, **params))
