"""Computed indicators: counting records with a saved list filter, per year.

A computed indicator's filter is a query string in the language of the record lists'
filters (`monitoring.filters`), so the figure's click-through is that list with the filter and
the year applied. Counts are taken when read, so they follow every change to the records; an
approved year reads the counts frozen into `IndicatorPeriod.actual` instead.
"""

import datetime
from collections import Counter
from decimal import Decimal
from urllib.parse import urlencode

from django.db.models import Count, Q
from django.http import QueryDict
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from hefboom.actors.models import OrganisationType, PoliticalLevel
from hefboom.monitoring.filters import ActivityFilter, ContactFilter, OutcomeFilter, OutputFilter
from hefboom.monitoring.models import Activity, Contact, Outcome, Output

# record kind -> (model, list filter, list url name)
SOURCES = {
    "contact": (Contact, ContactFilter, "monitoring:contacts"),
    "activity": (Activity, ActivityFilter, "monitoring:activities"),
    "output": (Output, OutputFilter, "monitoring:outputs"),
    "outcome": (Outcome, OutcomeFilter, "monitoring:outcomes"),
}
# Set by the indicator itself (its year, theme and dossier), or only about presentation.
RESERVED = {"date_from", "date_to", "theme", "dossier", "order", "page", "export"}

# How each kind of record reaches an organisation (for level, party and institution type).
ORGANISATIONS = {
    "contact": "organisations",
    "activity": "organisations",
    "outcome": "social_actor_organisations",
}
# ... and a person (a party through the person's roles).
PERSONS = {"contact": "persons", "outcome": "social_actor_persons"}
DISAGGREGATIONS = {
    "theme": gettext_lazy("theme"),
    "dossier": gettext_lazy("dossier"),
    "level": gettext_lazy("political level"),
    "party": gettext_lazy("party"),
    "institution": gettext_lazy("institution type"),
}


def kind_label(record_kind: str) -> str:
    """“contacts”, “outcomes”, ... in the reader's language."""
    from hefboom.reporting.models import RecordKind

    return str(RecordKind(record_kind).label).lower()


class FilterError(ValueError):
    """A saved filter the record lists cannot apply (any more); the message says what to fix."""


def parse_filter(record_kind: str, query: str, *, indicator=None) -> QueryDict:
    """Check a saved filter against the list's filters and return it as query data."""
    who = _("The filter of indicator %(code)s") % {"code": indicator.code} if indicator and \
        indicator.code else _("The filter")
    if record_kind not in SOURCES:
        raise FilterError(_("%(who)s counts “%(kind)s”, which is not a kind of record; choose "
                            "contacts, activities, outputs or outcomes.")
                          % {"who": who, "kind": record_kind})
    _model, filterset_class, _url = SOURCES[record_kind]
    data = QueryDict(query.lstrip("?"))
    known = sorted(set(filterset_class.base_filters) - RESERVED)
    for name in data:
        if name in RESERVED:
            raise FilterError(_("%(who)s sets “%(name)s”, which the indicator sets itself (from "
                                "its year, theme and dossier); remove it from the filter.")
                              % {"who": who, "name": name})
        if name not in filterset_class.base_filters:
            raise FilterError(_("%(who)s uses “%(name)s”, which %(kind)s can no longer be filtered "
                                "on; edit the filter and use one of: %(known)s.")
                              % {"who": who, "name": name, "kind": kind_label(record_kind),
                                 "known": ", ".join(known)})
    form = filterset_class(data, queryset=_model.objects.none()).form
    if not form.is_valid():
        problems = "; ".join(f"{name}={data.get(name)}: {' '.join(errors)}"
                             for name, errors in form.errors.items())
        raise FilterError(_("%(who)s has a value the list no longer accepts (%(problems)s); "
                            "edit the filter.") % {"who": who, "problems": problems})
    return data


def year_range(year: int) -> tuple[datetime.date, datetime.date]:
    return datetime.date(year, 1, 1), datetime.date(year, 12, 31)


def _scope(indicator) -> dict:
    if indicator.dossier_id:
        return {"dossiers": indicator.dossier_id}
    if indicator.theme_id:
        return {"dossiers__theme": indicator.theme_id}
    return {"dossiers__theme__programme": indicator.programme_id}


def records(indicator, year: int):
    """The records a computed indicator counts in `year` (all of them, confidential included)."""
    model, filterset_class, _url = SOURCES[indicator.record_kind]
    data = parse_filter(indicator.record_kind, indicator.filter_query, indicator=indicator).copy()
    start, end = year_range(year)
    scoped = model.objects.filter(date__range=(start, end), **_scope(indicator))
    matched = filterset_class(data, queryset=scoped).qs
    # The scope and the filters may each repeat a record through its links; count it once.
    return model.objects.filter(pk__in=matched.values("pk"))


def count(indicator, year: int) -> int:
    return records(indicator, year).count()


def list_url(indicator, year: int) -> str:
    """The record list showing what the figure counts (as far as the reader may see)."""
    _model, _filters, url_name = SOURCES[indicator.record_kind]
    start, end = year_range(year)
    query = QueryDict(indicator.filter_query.lstrip("?"), mutable=True)
    query["date_from"], query["date_to"] = start.isoformat(), end.isoformat()
    if indicator.dossier_id:
        query["dossier"] = str(indicator.dossier_id)
    elif indicator.theme_id:
        query["theme"] = str(indicator.theme_id)
    return f"{reverse(url_name)}?{query.urlencode()}"


def actual(indicator, year: int, period=None, *, frozen=None) -> Decimal | None:
    """The actual for `year`: the stored value when the year is approved or the indicator is
    entered by hand, none for a year that has not begun, otherwise the live count. `period` is
    the `IndicatorPeriod` if loaded; `frozen` whether the year is approved (looked up when not
    given)."""
    if not indicator.is_computed:
        return period.actual if period else None
    if year > timezone.localdate().year:  # nothing can be dated in it yet: no actual, not 0
        return None
    if frozen is None:
        from hefboom.reporting.models import ReportingPeriod

        frozen = ReportingPeriod.objects.filter(
            programme=indicator.programme_id, year=year, status="approved").exists()
    if frozen and period is not None and period.actual is not None:
        return period.actual
    return Decimal(count(indicator, year))


def disaggregate(indicator, year: int, by: str) -> list[tuple[str, int]]:
    """Counts of the indicator's records in `year` per theme, dossier, political level, party or
    institution type, largest first. A record linked to two dossiers counts in both, so the
    parts may add up to more than the whole; records without any value count as "none"."""
    if by not in DISAGGREGATIONS:
        raise ValueError(f"Unknown disaggregation {by!r}; choose from {', '.join(DISAGGREGATIONS)}.")
    base = records(indicator, year)
    organisations = ORGANISATIONS.get(indicator.record_kind)
    if by == "theme":
        rows = base.values_list("dossiers__theme__name").annotate(n=Count("pk", distinct=True))
    elif by == "dossier":
        rows = base.values_list("dossiers__name").annotate(n=Count("pk", distinct=True))
    elif by == "level" and indicator.record_kind == "outcome":
        labels = dict(PoliticalLevel.choices)
        rows = [(labels.get(level, level), n) for level, n in
                base.values_list("political_level").annotate(n=Count("pk"))]
    elif not organisations:
        return []
    elif by == "level":
        labels = dict(PoliticalLevel.choices)
        rows = [(labels.get(level, level), n) for level, n in
                base.values_list(f"{organisations}__political_level")
                .annotate(n=Count("pk", distinct=True))]
    elif by == "institution":
        labels = dict(OrganisationType.choices)
        rows = [(labels.get(kind, kind), n) for kind, n in
                base.values_list(f"{organisations}__type").annotate(n=Count("pk", distinct=True))]
    else:  # party: the organisation itself, or the party it is part of (group, service)
        rows = _by_party(base, organisations, PERSONS.get(indicator.record_kind))
    counted = Counter()
    for label, n in rows:
        counted[str(label) if label else _("none")] += n
    return sorted(counted.items(), key=lambda item: (-item[1], item[0]))


def _by_party(base, organisations, persons):
    """A record counts for a party through an organisation of the party (itself, its group or
    research service) or a person with a role in it, like the lists' party filter."""
    party = OrganisationType.PARTY
    paths = [f"{organisations}", f"{organisations}__parent"]
    if persons:
        paths.append(f"{persons}__roles__organisation")
    pairs, matched = set(), Q()
    for path in paths:
        pairs |= set(base.filter(**{f"{path}__type": party}).values_list(f"{path}__name", "pk"))
        matched |= Q(**{f"{path}__type": party})
    rows = list(Counter(name for name, _pk in pairs).items())
    unmatched = base.count() - len({pk for _name, pk in pairs})
    if unmatched:
        rows.append(("", unmatched))
    return rows


def filter_description(indicator) -> str:
    """The saved filter in words, e.g. "Political level: Federal; Institution type: Cabinet"."""
    if not indicator.is_computed:
        return ""
    _model, filterset_class, _url = SOURCES[indicator.record_kind]
    data = parse_filter(indicator.record_kind, indicator.filter_query, indicator=indicator)
    form = filterset_class(data, queryset=_model.objects.none()).form
    form.is_valid()
    parts = []
    for name in data:
        field = form.fields[name]
        value = form.cleaned_data.get(name)
        shown = dict(field.choices).get(data.get(name), value) if hasattr(field, "choices") \
            else value
        parts.append(f"{field.label}: {shown}")
    return "; ".join(parts)


def encode_filter(data: dict) -> str:
    """A filter as stored, from a dict (the demo and tests write filters this way)."""
    return urlencode(data)
