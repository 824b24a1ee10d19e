"""Which services and which member organisations contributed to which outcomes (the synergy
view), and campaigns that combined services with what followed them.

Everything is read in a fixed number of queries: the outcomes in scope, their visible
contribution links, and the service and partner rows of the linked contacts, outputs and
activities (values over the many-to-many tables); the counting happens in Python. Links to a
contact the user may not see are left out by `core.access.visible_contributions`, so a
confidential contact adds no service and no partner for them.
"""

import datetime as dt
from bisect import bisect_right
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from itertools import combinations

from django.db.models import Count, Q
from django.utils import timezone
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import ngettext

from hefboom.actors.models import Membership, Organisation
from hefboom.core.access import visible_contributions
from hefboom.monitoring.models import Activity, ActivityType, Contact, Outcome, Output, OutputType
from hefboom.strategy.models import Dossier, Programme, Service

ROW_CAP = 100
CAMPAIGN_CAP = 25
FOLLOWED_SHOWN = 5  # outcomes listed per campaign (with the number of the others)
DEFAULT_YEARS = 3
PROGRAMME_YEARS_SHOWN = 5  # a funder's programme (DGD: five years) is shown whole

# The contributing records, each with its service and partner tables (auto-created through
# models: `<model>_id` and `service_id` / `organisation_id`).
KINDS = ("contact", "output", "activity")
MODELS = {"contact": Contact, "output": Output, "activity": Activity}


def kind_label(kind: str, count: int) -> str:
    return {
        "contact": ngettext("%(count)s contact", "%(count)s contacts", count),
        "output": ngettext("%(count)s output", "%(count)s outputs", count),
        "activity": ngettext("%(count)s activity", "%(count)s activities", count),
        "partner": ngettext("%(count)s direct partner link", "%(count)s direct partner links",
                            count),
    }[kind] % {"count": count}


def one_year_after(day: dt.date) -> dt.date:
    try:
        return day.replace(year=day.year + 1)
    except ValueError:  # 29 February
        return day.replace(year=day.year + 1, day=28)


# The scope: theme, dossier and period.

@dataclass(frozen=True)
class Scope:
    start: dt.date
    end: dt.date
    theme: object = None
    dossier: object = None

    @property
    def years(self) -> list[int]:
        return list(range(self.start.year, self.end.year + 1))

    def by_dossier(self, model, queryset):
        """`queryset` of `model` (outcomes, activities, outputs) narrowed to the scope's dossier
        or theme, without repeating rows (a record in two dossiers of one theme)."""
        if self.dossier is None and self.theme is None:
            return queryset
        through = model.dossiers.through.objects.all()
        if self.dossier is not None:
            through = through.filter(dossier=self.dossier)
        else:
            through = through.filter(dossier__theme=self.theme)
        owner = f"{model._meta.model_name}_id"
        return queryset.filter(pk__in=through.values(owner))

    def outcomes(self):
        return self.by_dossier(Outcome, Outcome.objects.filter(date__range=(self.start, self.end)))

    def links(self, user, outcome_ids=None):
        """The visible contribution links to the outcomes in scope, unordered. The period is a
        condition on the outcome's date (its index), not a list of outcomes. For a theme or
        dossier, `outcome_ids` (the scope's outcomes, already read: a few hundred) narrow the
        links by their outcome's index; a subquery instead lets PostgreSQL check every link of
        the period (5,000 on the ten-year dataset) before narrowing, three times slower."""
        links = visible_contributions(user).filter(
            outcome__date__range=(self.start, self.end)).order_by()
        if self.dossier is not None or self.theme is not None:
            if outcome_ids is None:
                links = links.filter(outcome__in=self.outcomes().values("pk"))
            else:
                # Never an empty list, so that the query (and the page's query count) is there.
                links = links.filter(outcome_id__in=list(outcome_ids) or [0])
        return links


def default_period(theme=None, dossier=None, today=None) -> tuple[dt.date, dt.date]:
    """The programme so far: from the start of the programme of the chosen theme or dossier
    (else the programme running today) up to today. A programme longer than
    PROGRAMME_YEARS_SHOWN years (a ten-year one) shows its last DEFAULT_YEARS years instead,
    to keep the page fast; the dates widen it."""
    today = today or timezone.localdate()
    if dossier is not None:
        programmes = Programme.objects.filter(themes__dossiers=dossier)
    elif theme is not None:
        programmes = Programme.objects.filter(themes=theme)
    else:
        programmes = Programme.objects.filter(start_date__lte=today).order_by("-start_date")
    programme = programmes.first()
    if (programme is not None and programme.start_date <= today
            and _years_back(programme.end_date, PROGRAMME_YEARS_SHOWN) < programme.start_date):
        return programme.start_date, today
    start = _years_back(today, DEFAULT_YEARS) + dt.timedelta(days=1)
    if programme is not None and start < programme.start_date <= today:
        start = programme.start_date
    return start, today


def _years_back(day: dt.date, years: int) -> dt.date:
    try:
        return day.replace(year=day.year - years)
    except ValueError:  # 29 February
        return day.replace(year=day.year - years, day=28)


# What contributed to each outcome.

@dataclass
class Contributions:
    """Per outcome, the contributing records (kind, pk) per service and per partner."""
    by_service: dict = field(default_factory=lambda: defaultdict(lambda: defaultdict(set)))
    by_partner: dict = field(default_factory=lambda: defaultdict(lambda: defaultdict(set)))

    def services_of(self, outcome_id) -> set:
        return set(self.by_service.get(outcome_id, ()))


def contributions(user, scope, outcome_ids=None) -> Contributions:
    """What contributed to the outcomes in `scope` (`outcome_ids`: their pks, when already
    read), as `user` may see it: one query over the visible links joined to the service and
    partner tables of their contact, output or activity (a link has one source, so a row per
    service and partner of it)."""
    links = scope.links(user, outcome_ids)
    members = set(Membership.objects.values_list("organisation_id", flat=True).distinct())
    result = Contributions()
    by_service, by_partner = result.by_service, result.by_partner
    rows = links.values_list(
        "outcome_id", "contact_id", "output_id", "activity_id", "organisation_id",
        *(f"{kind}__services" for kind in KINDS), *(f"{kind}__partners" for kind in KINDS))
    # Plain loops: this runs over every link in scope (thousands), so no per-row helpers.
    for (outcome_id, contact, output, activity, organisation_id, contact_service,
         output_service, activity_service, contact_partner, output_partner,
         activity_partner) in rows:
        if organisation_id is not None:
            if organisation_id in members:
                by_partner[outcome_id][organisation_id].add(("partner", organisation_id))
            continue
        if contact is not None:
            source, service, partner = ("contact", contact), contact_service, contact_partner
        elif output is not None:
            source, service, partner = ("output", output), output_service, output_partner
        elif activity is not None:
            source, service, partner = ("activity", activity), activity_service, activity_partner
        else:
            continue  # an earlier outcome: it has its own row
        if service is not None:
            by_service[outcome_id][service].add(source)
        if partner is not None:
            by_partner[outcome_id][partner].add(source)
    return result


def describe(records) -> str:
    """'2 contacts, 1 output': the kinds of a cell's records, for its title."""
    counts = Counter(kind for kind, _pk in records)
    return ", ".join(kind_label(kind, counts[kind])
                     for kind in (*KINDS, "partner") if counts.get(kind))


# The synergy view.

INVOLVEMENT = {"many": lambda n: n >= 2, "one": lambda n: n == 1, "none": lambda n: n == 0}


@dataclass
class Cell:
    count: int
    title: str


@dataclass
class Row:
    pk: int
    date: dt.date
    title: str
    dossiers: list
    cells: list
    services: int

    @property
    def cells_html(self):
        """The row's count cells as HTML: written here rather than in a template loop, as a
        page has up to ROW_CAP rows of tens of columns."""
        parts = []
        for cell in self.cells:
            if cell is None:
                parts.append('<td class="num"></td>')
            else:
                heat = min(6, 2 * cell.count)  # shading class heat-0 ... heat-10 of hefboom.css
                parts.append(f'<td class="num heat heat-{heat} synergy-cell" '
                             f'title="{escape(cell.title)}">{cell.count}</td>')
        return mark_safe("".join(parts))  # noqa: S308 (counts are ints, titles escaped)


@dataclass
class Synergy:
    scope: Scope
    services: list
    partners: list
    rows: list
    matching: int  # outcomes the matrix's row filters let through (rows shows at most ROW_CAP)
    total: int
    summary: list  # (year, many, one, none, total) per year, then the totals
    totals: tuple
    service_years: list  # (service, [count per year], total)
    pairs: list  # (service pk, name, service pk, name, outcomes)
    row_cap: int = ROW_CAP

    @property
    def capped(self) -> bool:
        return self.matching > len(self.rows)


def synergy(user, scope: Scope, *, services=(), partner=None, involvement=None,
            row_cap=ROW_CAP, all_services=None) -> Synergy:
    """The matrix, the summary, services per year and service pairs for `scope`. The row
    filters (`services` all involved, `partner` involved, `involvement` many/one/none) narrow
    only the matrix; the counts are over the whole scope."""
    outcome_queryset = scope.outcomes()
    outcomes = list(outcome_queryset.order_by("-date", "-pk").values_list("pk", "date", "title"))
    found = contributions(user, scope, [pk for pk, _day, _title in outcomes])

    service_ids = {s for per in found.by_service.values() for s in per}
    known = list(Service.objects.all()) if all_services is None else all_services
    all_services = [s for s in known if s.is_active or s.pk in service_ids]
    by_pk = {s.pk: s for s in all_services}
    partner_ids = {p for per in found.by_partner.values() for p in per}
    partners = list(Organisation.objects.filter(pk__in=partner_ids).order_by("name"))

    # The summary and the services per year, over every outcome in scope.
    years = scope.years
    per_year = {year: [0, 0, 0] for year in years}
    service_years = {s.pk: dict.fromkeys(years, 0) for s in all_services}
    pairs = Counter()
    order = {s.pk: index for index, s in enumerate(all_services)}
    for pk, day, _title in outcomes:
        involved = sorted(found.services_of(pk), key=order.get)
        bucket = per_year.setdefault(day.year, [0, 0, 0])
        bucket[0 if len(involved) >= 2 else 1 if involved else 2] += 1
        for service_id in involved:
            service_years[service_id][day.year] = service_years[service_id].get(day.year, 0) + 1
        pairs.update(combinations(involved, 2))
    summary = [(year, *counts, sum(counts)) for year, counts in sorted(per_year.items())]
    totals = tuple(sum(row[i] for row in summary) for i in range(1, 5))

    # The matrix rows: the row filters, then the cap.
    wanted = {s.pk for s in services}
    test = INVOLVEMENT.get(involvement)
    matching = []
    for pk, day, title in outcomes:
        involved = found.services_of(pk)
        if wanted - involved:
            continue
        if partner is not None and partner.pk not in found.by_partner.get(pk, {}):
            continue
        if test is not None and not test(len(involved)):
            continue
        matching.append((pk, day, title))
    shown = matching[:row_cap]
    dossiers_of = outcome_dossiers([pk for pk, _day, _title in shown])
    rows, titles = [], {}
    for pk, day, title in shown:
        per_service, per_partner = found.by_service.get(pk, {}), found.by_partner.get(pk, {})
        cells = [_cell(per_service.get(s.pk), titles) for s in all_services]
        cells += [_cell(per_partner.get(p.pk), titles) for p in partners]
        rows.append(Row(pk, day, title, dossiers_of.get(pk, []), cells, len(per_service)))

    return Synergy(
        scope=scope,
        services=[(s, str(s)) for s in all_services],
        partners=partners,
        rows=rows, matching=len(matching), total=len(outcomes),
        summary=summary, totals=totals,
        service_years=[(s, str(s), [service_years[s.pk].get(y, 0) for y in years],
                        sum(service_years[s.pk].values())) for s in all_services],
        pairs=[(a, str(by_pk[a]), b, str(by_pk[b]), n)
               for (a, b), n in sorted(pairs.items(), key=lambda item: (-item[1], item[0]))],
        row_cap=row_cap,
    )


def _cell(records, titles):
    if not records:
        return None
    kinds = Counter(kind for kind, _pk in records)
    key = tuple(sorted(kinds.items()))
    if key not in titles:  # a few combinations recur in thousands of cells
        titles[key] = describe(records)
    return Cell(len(records), titles[key])


def outcome_dossiers(outcome_ids) -> dict:
    """{outcome pk: [dossier, ...]} for the outcomes `outcome_ids` (the rows shown, at most
    ROW_CAP), in two queries (their dossier links, and the dossiers: a short list)."""
    dossiers = {d.pk: d for d in Dossier.objects.all()}
    result = defaultdict(list)
    # Never an empty list, so that the query (and the page's query count) is always there.
    rows = Outcome.dossiers.through.objects.filter(outcome_id__in=list(outcome_ids) or [0])
    for outcome_id, dossier_id in rows.values_list("outcome_id", "dossier_id"):
        result[outcome_id].append(dossiers[dossier_id])
    for items in result.values():
        items.sort(key=lambda d: d.name)
    return result


# Campaigns that combined services, and what followed them.

@dataclass
class Campaign:
    kind: str
    pk: int
    date: dt.date
    title: str
    type_label: str
    services: list
    dossiers: list
    linked: list = field(default_factory=list)  # (pk, date, title) of outcomes linked to it
    followed: list = field(default_factory=list)  # outcomes of its dossiers within 12 months
    followed_count: int = 0

    @property
    def url(self) -> str:
        from django.urls import reverse

        return reverse(f"monitoring:{self.kind}", args=[self.pk])


@dataclass
class Campaigns:
    rows: list
    combined: int
    total: int
    cap: int = CAMPAIGN_CAP

    @property
    def capped(self) -> bool:
        return self.combined > len(self.rows)


def campaigns(user, scope: Scope, *, cap=CAMPAIGN_CAP, all_services=None) -> Campaigns:
    """Activities and outputs of type campaign in scope that combined two services or more
    (newest first, at most `cap`), the outcomes linked to them by contribution links and the
    other outcomes of their dossiers dated within 12 months after ("followed, not linked")."""
    querysets = {
        "activity": scope.by_dossier(Activity, Activity.objects.filter(
            type=ActivityType.CAMPAIGN, date__range=(scope.start, scope.end))),
        "output": scope.by_dossier(Output, Output.objects.filter(
            type=OutputType.CAMPAIGN, date__range=(scope.start, scope.end))),
    }
    # One query per kind: each campaign with its number of services (counted by the
    # database); then the services and dossiers of the shown ones only (at most `cap`).
    dossier_by_pk = {d.pk: d for d in Dossier.objects.all()}
    combined, total = [], 0
    for kind, queryset in querysets.items():
        for pk, day, title, count in queryset.order_by().values_list("pk", "date", "title") \
                .annotate(n=Count("services", distinct=True)).values_list(
                    "pk", "date", "title", "n"):
            total += 1
            if count >= 2:
                combined.append((day, pk, kind, title))
    combined.sort(reverse=True)
    shown = combined[:cap]
    service_of, dossier_ids_of = defaultdict(set), defaultdict(set)
    for kind, model in (("activity", Activity), ("output", Output)):
        # Never an empty list, so that the query (and the page's query count) is always there.
        chosen = [pk for _day, pk, k, _title in shown if k == kind] or [0]
        for pk, service_id, dossier_id in model.objects.filter(pk__in=chosen).values_list(
                "pk", "services", "dossiers").order_by():
            if service_id is not None:
                service_of[(kind, pk)].add(service_id)
            if dossier_id is not None:
                dossier_ids_of[(kind, pk)].add(dossier_id)
    known = list(Service.objects.all()) if all_services is None else all_services
    services = {s.pk: s for s in known}
    order = {pk: index for index, pk in enumerate(services)}
    labels = {"activity": dict(ActivityType.choices)[ActivityType.CAMPAIGN],
              "output": dict(OutputType.choices)[OutputType.CAMPAIGN]}
    wanted = {(kind, pk) for _day, pk, kind, _title in shown}
    dossiers_of = {key: [dossier_by_pk[d] for d in dossier_ids_of[key] if d in dossier_by_pk]
                   for key in wanted}

    linked = defaultdict(dict)
    # Lists of the shown campaigns (at most `cap`), never empty so that the query always runs.
    links = visible_contributions(user).filter(
        Q(activity_id__in=[pk for kind, pk in wanted if kind == "activity"] or [0])
        | Q(output_id__in=[pk for kind, pk in wanted if kind == "output"] or [0]))
    for activity_id, output_id, pk, day, title in links.values_list(
            "activity_id", "output_id", "outcome_id", "outcome__date", "outcome__title").order_by():
        key = ("activity", activity_id) if activity_id else ("output", output_id)
        if key in wanted:
            linked[key][pk] = (pk, day, title)

    # Outcomes of the campaigns' dossiers from the first campaign shown to a year after the
    # last, per dossier in date order, so that each campaign finds its year by bisection.
    first = min((item[0] for item in shown), default=scope.end)
    last = max((item[0] for item in shown), default=scope.end)
    campaign_dossiers = {d.pk for items in dossiers_of.values() for d in items}
    rows = Outcome.dossiers.through.objects.filter(
        # Never an empty list, so that the query (and the page's query count) is always there.
        dossier_id__in=sorted(campaign_dossiers) or [0],
        outcome__deleted_at__isnull=True, outcome__date__gt=first,
        outcome__date__lte=one_year_after(last) if shown else first,
    ).order_by("dossier_id", "outcome__date", "outcome_id").values_list(
        "dossier_id", "outcome__date", "outcome_id", "outcome__title")
    later_days, later_pks, outcome_of = defaultdict(list), defaultdict(list), {}
    for dossier_id, day, pk, title in rows:
        later_days[dossier_id].append(day)
        later_pks[dossier_id].append(pk)
        outcome_of[pk] = (pk, day, title)

    result = []
    for day, pk, kind, title in shown:
        key = (kind, pk)
        campaign = Campaign(
            kind=kind, pk=pk, date=day, title=title, type_label=labels[kind],
            services=[str(services[s]) for s in sorted(service_of[key], key=order.get)],
            dossiers=sorted(dossiers_of.get(key, []), key=lambda d: d.name),
            linked=sorted(linked.get(key, {}).values(), key=lambda o: (o[1], o[0])),
        )
        followed = set()
        for dossier in campaign.dossiers:
            days = later_days.get(dossier.pk, [])
            low, high = bisect_right(days, day), bisect_right(days, one_year_after(day))
            followed.update(later_pks[dossier.pk][low:high])
        followed.difference_update(linked.get(key, {}))
        campaign.followed_count = len(followed)
        campaign.followed = sorted((outcome_of[o] for o in followed),
                                   key=lambda o: (o[1], o[0]))[:FOLLOWED_SHOWN]
        result.append(campaign)
    return Campaigns(rows=result, combined=len(combined), total=total, cap=cap)

