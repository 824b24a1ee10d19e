"""The evidence pack: a ZIP for an external evaluator, built for (and as seen by) one user.

    index.html                 the matrix, linking to every record page
    records/<kind>-<pk>.html   one page per tagged record (and per outcome of tagged evidence)
    files/evidence-<pk>-<name> the evidence files
    timelines/dossier-<pk>.html the chronological list of each dossier concerned

Pages are self-contained (no scripts, no external assets) and link to each other relatively.
Contacts the user may not see are never in it: contributions and timelines go through
`visible_contributions` and `visible_contacts`.
"""

import posixpath
import zipfile

from django.db.models import Prefetch
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.text import capfirst, get_valid_filename

from hefboom.core.access import visible_contributions
from hefboom.evaluation.selectors import evaluation_matrix
from hefboom.monitoring.models import ContributionLink, Evidence, Outcome
from hefboom.strategy.models import Dossier
from hefboom.strategy.timeline import DossierScope, Timeline


def record_path(kind: str, record) -> str:
    return f"records/{kind}-{record.pk}.html"


def file_path(evidence) -> str:
    name = get_valid_filename(posixpath.basename(evidence.file.name)) or "file"
    return f"files/evidence-{evidence.pk}-{name}"


def dossier_timeline(dossier, user) -> list:
    """Every event of the dossier that `user` may see, in date order (the dossier timeline)."""
    timeline = Timeline(DossierScope(dossier), user)
    return timeline.events_for(timeline.index())


def timeline_path(dossier) -> str:
    return f"timelines/dossier-{dossier.pk}.html"


def build_evidence_pack(evaluation, user, fileobj) -> list[str]:
    """Write the pack for `user` into `fileobj` (a binary file); returns the names written."""
    matrix = evaluation_matrix(evaluation, user)
    tagged = {column.kind: matrix.records(column.kind) for column in matrix.columns}
    evidence_items = list(Evidence.objects.filter(pk__in=[e.pk for e in tagged.get("evidence", [])])
                          .select_related("outcome"))
    outcome_ids = {o.pk for o in tagged.get("outcome", [])} | {e.outcome_id for e in evidence_items}
    links = visible_contributions(user, ContributionLink.objects.select_related(
        "contact", "output", "activity", "organisation", "source_outcome"))
    outcomes = list(Outcome.objects.filter(pk__in=outcome_ids).prefetch_related(
        "dossiers", "social_actor_organisations", "social_actor_persons", "evidence",
        Prefetch("contributions", queryset=links, to_attr="visible_contributions")))
    for outcome in outcomes:
        for link in outcome.visible_contributions:
            link.source_label = capfirst(link.source._meta.verbose_name)
    dossiers = list(Dossier.objects.filter(outcomes__in=outcomes).distinct()
                    .select_related("theme"))
    generated = timezone.now()
    written = []

    def write(name, content):
        archive.writestr(name, content)
        written.append(name)

    def page(template, context):
        return render_to_string(f"evaluation/pack/{template}", {
            "evaluation": evaluation, "generated": generated, "user": user, **context})

    with zipfile.ZipFile(fileobj, "w", zipfile.ZIP_DEFLATED) as archive:
        for outcome in outcomes:
            for item in outcome.evidence.all():
                if item.file:
                    item.pack_file = file_path(item)
                    with item.file.open("rb") as stored:
                        write(item.pack_file, stored.read())
            write(record_path("outcome", outcome), page("outcome.html", {
                "outcome": outcome, "evidence": outcome.evidence.all(),
                "dossier_links": [(d, "../" + timeline_path(d)) for d in outcome.dossiers.all()],
            }))
        by_pk = {o.pk: o for o in outcomes}
        for item in evidence_items:
            files = {e.pk: getattr(e, "pack_file", "") for e in by_pk[item.outcome_id].evidence.all()}
            write(record_path("evidence", item), page("evidence.html", {
                "item": item, "file": files.get(item.pk, ""),
                "outcome_path": "../" + record_path("outcome", item.outcome)}))
        for column in matrix.columns:
            if column.kind in ("outcome", "evidence"):
                continue
            for record in tagged.get(column.kind, []):
                record.pack_text = column.text(record, user)
                write(record_path(column.kind, record), page("record.html", {
                    "record": record, "label": column.label}))
        for dossier in dossiers:
            write(timeline_path(dossier), page("timeline.html", {
                "dossier": dossier, "events": dossier_timeline(dossier, user)}))
        rows = [(row, [(column, [(record, record_path(column.kind, record)) for record in records])
                       for column, records in row.cells])
                for row in matrix.rows]
        write("index.html", page("index.html", {
            "columns": matrix.columns, "rows": rows,
            "timelines": [(d, timeline_path(d)) for d in dossiers]}))
    return written
