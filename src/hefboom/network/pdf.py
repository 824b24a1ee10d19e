"""The hand-over report as PDF, laid out with the narrative report's reportlab styles and its
bundled Vera fonts (so accented names print on any machine)."""

from io import BytesIO

from django.utils.formats import date_format
from django.utils.translation import gettext as _
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import cm
from reportlab.platypus import SimpleDocTemplate, Spacer

from hefboom.reporting.narrative.pdf import FONT, _p, _register_fonts, _table


def _day(value) -> str:
    return date_format(value, "j M Y") if value else "—"


def _role(key_contact) -> str:
    role = key_contact.current_role
    return f"{role.title}, {role.organisation}" if role else ""


def title(report) -> str:
    return _("Hand-over report: %(name)s") % {"name": report.staff_member}


def scope_line(report) -> str:
    """What the report covers: said in its header, since it depends on who reads it."""
    if report.complete:
        return _("Complete: includes the confidential contacts of %(name)s. Read by %(reader)s "
                 "on %(day)s.") % {"name": report.staff_member, "reader": report.reader,
                                   "day": _day(report.today)}
    return _("Shows what %(reader)s may see: confidential contacts %(reader)s did not take part in "
             "are left out. Read on %(day)s.") % {"reader": report.reader,
                                                   "day": _day(report.today)}


def story(report) -> list:
    """The flowables of the report, in order (tests read them; `render_pdf` lays them out)."""
    flow = [_p(title(report), "title"), _p(scope_line(report), "muted"),
            _p(_("%(contacts)s contacts; persons only they know: met in the last %(months)s "
                 "months (since %(since)s), by no other active staff member.") % {
                "contacts": report.contact_count, "months": report.months,
                "since": _day(report.since)}, "muted")]

    flow.append(_p(_("People to introduce to the successor"), "h2"))
    if report.to_introduce:
        flow.append(_table([_("Person"), _("Role now"), _("Contacts"), _("Last contact")], [
            (str(k.person), _role(k), str(k.contacts), _day(k.last)) for k in report.to_introduce
        ], widths=(5, 7, 2, 3), numeric=(2,)))
    else:
        flow.append(_p(_("Nobody: every person they met recently is known by another active "
                         "staff member."), "muted"))

    flow.append(_p(_("Open follow-ups they own"), "h2"))
    if report.follow_ups:
        flow.append(_table([_("Due"), _("Follow-up"), _("Contact")], [
            (_day(f.due_date), f.description, f"{_day(f.contact.date)} {f.contact.summary[:80]}")
            for f in report.follow_ups
        ], widths=(2.5, 7.5, 7)))
    else:
        flow.append(_p(_("No open follow-ups."), "muted"))

    flow.append(_p(_("Dossiers they worked on"), "h2"))
    if report.dossiers:
        flow.append(_table([_("Dossier"), _("Theme"), _("Contacts"), _("Last contact")], [
            (d.dossier.name, d.dossier.theme.name, str(d.contacts), _day(d.last))
            for d in report.dossiers
        ], widths=(6, 6, 2, 3), numeric=(2,)))
    else:
        flow.append(_p(_("No contacts in any dossier."), "muted"))

    flow.append(_p(_("Organisations they met"), "h2"))
    if report.organisations:
        flow.append(_table([_("Organisation"), _("Contacts"), _("Last contact")], [
            (o.organisation.name, str(o.contacts), _day(o.last)) for o in report.organisations
        ], widths=(12, 2, 3), numeric=(1,)))
    else:
        flow.append(_p(_("No contacts with organisations."), "muted"))

    flow.append(_p(_("Persons they met"), "h2"))
    if report.persons:
        flow.append(_table([_("Person"), _("Role now"), _("Contacts"), _("Last contact"),
                            _("Also known by")], [
            (str(k.person), _role(k), str(k.contacts), _day(k.last),
             ", ".join(str(user) for user, _n, _last in k.knowers))
            for k in report.persons
        ], widths=(3.8, 4.6, 1.6, 2.5, 4.5), numeric=(2,)))
    else:
        flow.append(_p(_("No contacts with persons."), "muted"))
    flow.append(Spacer(1, 6))
    return flow


def render_pdf(report) -> bytes:
    _register_fonts()
    page_word = _("Page")
    heading = title(report)
    stream = BytesIO()

    def footer(canvas, document):
        canvas.saveState()
        canvas.setFont(FONT, 8)
        canvas.setFillColor(colors.HexColor("#5b6475"))
        canvas.drawString(2 * cm, 1.2 * cm, heading)
        canvas.drawRightString(A4[0] - 2 * cm, 1.2 * cm, f"{page_word} {document.page}")
        canvas.restoreState()

    document = SimpleDocTemplate(
        stream, pagesize=A4, leftMargin=2 * cm, rightMargin=2 * cm, topMargin=2 * cm,
        bottomMargin=2 * cm, title=heading, creator="Hefboom")
    document.build(story(report), onFirstPage=footer, onLaterPages=footer)
    return stream.getvalue()
