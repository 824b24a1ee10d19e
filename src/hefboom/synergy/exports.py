"""The member involvement workbook for the member relations team: one row per joint record
(member, kind of record, date, title or summary, dossiers, services) and a sheet of totals per
member and year. Cells are written through `reporting.workbook.Sheet`, so a value that would
run as a formula is neutralised and a character a workbook cannot hold stops the export with a
message naming the record."""

import io
from collections import defaultdict

from django.utils import timezone
from django.utils.translation import gettext as _
from openpyxl import Workbook

from hefboom.actors.models import Membership
from hefboom.monitoring.models import Confidentiality, Contact
from hefboom.reporting.workbook import DATE, INTEGER, Column, Sheet
from hefboom.strategy.models import Dossier, Service
from hefboom.synergy.members import contributed_outcomes, joint_records


def kind_names() -> dict:
    return {"contact": _("Joint contact"), "output": _("Co-authored output"),
            "activity": _("Joint activity")}


def member_workbook(user) -> tuple[bytes, list]:
    """The workbook, and the confidential contacts it holds (for the access log)."""
    memberships = defaultdict(list)
    for membership in Membership.objects.select_related("organisation").order_by(
            "organisation__name", "start_date"):
        memberships[membership.organisation_id].append(membership)
    organisations = {pk: items[0].organisation for pk, items in memberships.items()}
    dossiers = {d.pk: d.name for d in Dossier.objects.all()}
    services = {s.pk: str(s) for s in Service.objects.all()}
    records = [r for r in joint_records(user, details=True)
               if r.organisation_id in organisations]
    records.sort(key=lambda r: (organisations[r.organisation_id].name.lower(),
                                r.organisation_id, r.date, r.kind, r.pk))
    kinds = kind_names()

    workbook = Workbook()
    workbook.remove(workbook.active)
    workbook.properties.creator = "Hefboom"
    heading = _("Member involvement — generated %(at)s") % {
        "at": timezone.localtime().strftime("%Y-%m-%d %H:%M")}
    sheet = Sheet(workbook, _("Joint records"), heading, [
        Column(_("Member organisation or coalition"), 30, wrap=True),
        Column(_("Membership"), 30, wrap=True),
        Column(_("Kind of record"), 18), Column(_("Date"), 11, DATE),
        Column(_("Title or summary"), 60, wrap=True), Column(_("Dossiers"), 28, wrap=True),
        Column(_("Services"), 24, wrap=True), Column(_("Record"), 16),
    ])
    for record in records:
        organisation = organisations[record.organisation_id]
        sheet.append([
            organisation.name,
            "; ".join(f"{m.get_kind_display()} ({m.period})"
                      for m in memberships[record.organisation_id]),
            kinds[record.kind], record.date, record.title,
            ", ".join(sorted(dossiers[pk] for pk in record.dossier_ids if pk in dossiers)),
            ", ".join(services[pk] for pk in record.service_ids if pk in services),
            f"{record.kind} {record.pk}",
        ], f"{kinds[record.kind]} {record.pk}")

    totals = defaultdict(lambda: [0, 0, 0, 0, set()])
    index = {"activity": 0, "output": 1, "contact": 2}
    for record in records:
        row = totals[(record.organisation_id, record.date.year)]
        row[index[record.kind]] += 1
        row[4].update(record.dossier_ids)
    for organisation_id, outcomes in contributed_outcomes(user).items():
        if organisation_id in organisations:
            for _pk, day, _title in outcomes.values():
                totals[(organisation_id, day.year)][3] += 1
    per_year = Sheet(workbook, _("Per member and year"), heading, [
        Column(_("Member organisation or coalition"), 30, wrap=True), Column(_("Year"), 8, "0"),
        Column(_("Joint activities"), 12, INTEGER), Column(_("Co-authored outputs"), 12, INTEGER),
        Column(_("Joint contacts"), 12, INTEGER), Column(_("Outcomes contributed to"), 12, INTEGER),
        Column(_("Dossiers"), 40, wrap=True),
    ])
    for (organisation_id, year), row in sorted(
            totals.items(), key=lambda item: (organisations[item[0][0]].name.lower(), item[0])):
        name = organisations[organisation_id].name
        per_year.append([name, year, *row[:4],
                         ", ".join(sorted(dossiers[pk] for pk in row[4] if pk in dossiers))],
                        name)

    buffer = io.BytesIO()
    workbook.save(buffer)
    confidential = sorted({r.pk for r in records if r.confidential})
    return buffer.getvalue(), [Contact(pk=pk, confidentiality=Confidentiality.CONFIDENTIAL)
                               for pk in confidential]
