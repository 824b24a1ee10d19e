"""Derive and keep right what the coverage dashboard counts (models.py).

A contact counts for an organisation it names, and for every organisation in which one of its
persons held a role on the contact's date (roles are dated; an open start or end is unbounded).
Through an organisation it counts for that organisation's political level and type, and for a
party when the organisation is the party or is part of it (a group, a research service). A
contact with an organisation that has a one-holder function (a cabinet and its minister) also
counts for the party of whoever held that function on the contact's date, so a cabinet that
passes from one party's minister to another's keeps its history right.
Contacts in the bin count for nothing.

Writes go through `mark()`: the contacts a write can change are recomputed once, when the
transaction commits (`refresh`), together with the counts of the scopes and quarters they were
and are in. `rebuild()` (the `hefboom coverage-rebuild` command) recomputes everything after
writes that bypass signals (queryset updates, raw SQL).
"""

import threading
from collections import defaultdict
from collections.abc import Iterable

from django.db import connections, router, transaction
from django.db.models import Count, Max, Q
from django.db.models.signals import m2m_changed, post_delete, post_save, pre_delete, pre_save

from hefboom.actors.models import Organisation, OrganisationType, Person, PersonRole
from hefboom.actors.signals import persons_merged
from hefboom.coverage.models import (
    ALL,
    ANY,
    ContactReach,
    ContactScope,
    CoverageCount,
    ReachKind,
    quarter_index,
)
from hefboom.monitoring.models import Contact
from hefboom.strategy.models import Dossier

CHUNK = 500  # ids per IN (...) clause: well under SQLite's variable limit
BATCH = 5000


class _Models:
    """The models to read and write: the real ones, or a migration's historical ones."""

    def __init__(self, apps=None):
        get = apps.get_model if apps else None
        self.organisation = get("actors", "Organisation") if get else Organisation
        self.role = get("actors", "PersonRole") if get else PersonRole
        self.contact = get("monitoring", "Contact") if get else Contact
        self.dossier = get("strategy", "Dossier") if get else Dossier
        self.reach = get("coverage", "ContactReach") if get else ContactReach
        self.scope = get("coverage", "ContactScope") if get else ContactScope
        self.count = get("coverage", "CoverageCount") if get else CoverageCount


def _organisations(m):
    """id -> (type, political level, party id or None) for every organisation."""
    rows = list(m.organisation.objects.values_list("pk", "type", "political_level", "parent_id"))
    types = {pk: kind for pk, kind, _level, _parent in rows}
    info = {}
    for pk, kind, level, parent in rows:
        if kind == OrganisationType.PARTY:
            party = pk
        elif parent and types.get(parent) == OrganisationType.PARTY:
            party = parent
        else:
            party = None
        info[pk] = (kind, level, party)
    return info


def _roles(m):
    roles_of = defaultdict(list)
    for person, org, start, end in m.role.objects.values_list(
            "person_id", "organisation_id", "start_date", "end_date"):
        roles_of[person].append((org, start, end))
    return roles_of


def _held(start, end, day) -> bool:
    """A role from `start` to `end` (None: open) was held on `day`; tuples, not instances, so a
    rebuild of 100,000 contacts makes no model objects (`PersonRole.is_held_on` is the same rule)."""
    return (start is None or start <= day) and (end is None or end >= day)


def _holders(m):
    """organisation id -> [(person, start, end)] of its one-holder functions (a minister)."""
    holders_of = defaultdict(list)
    for org, person, start, end in m.role.objects.filter(single_holder=True).values_list(
            "organisation_id", "person_id", "start_date", "end_date"):
        holders_of[org].append((person, start, end))
    return holders_of


class _Context:
    def __init__(self, m):
        self.m = m
        self.organisations = _organisations(m)
        self.roles_of = _roles(m)
        self.holders_of = _holders(m)
        self.theme_of = dict(m.dossier.objects.values_list("pk", "theme_id"))

    def parties_then(self, person, day):
        """The parties `person` belonged to (any role in a party or in a part of it) on `day`."""
        return {self.organisations[org][2] for org, start, end in self.roles_of.get(person, ())
                if _held(start, end, day)
                and self.organisations[org][2]}


def _compute(ctx, contact_ids):
    """[(contact, date, period, kind, key)], [(contact, scope, period)] for these contacts
    (None: all of them)."""
    m = ctx.m
    # The base manager: a migration's historical model has no alive-only manager.
    contacts = m.contact._base_manager.filter(deleted_at__isnull=True).order_by()
    links = {"organisations": defaultdict(list), "persons": defaultdict(list),
             "dossiers": defaultdict(list)}
    for name, column in (("organisations", "organisation_id"), ("persons", "person_id"),
                         ("dossiers", "dossier_id")):
        through = getattr(m.contact, name).through.objects
        if contact_ids is not None:
            through = through.filter(contact_id__in=contact_ids)
        for contact_id, other in through.values_list("contact_id", column):
            links[name][contact_id].append(other)
    if contact_ids is not None:
        contacts = contacts.filter(pk__in=contact_ids)
    reach, scopes = [], []
    for contact_id, day in contacts.values_list("pk", "date"):
        period = quarter_index(day)
        reached = set(links["organisations"].get(contact_id, ()))
        for person in links["persons"].get(contact_id, ()):
            reached.update(org for org, start, end in ctx.roles_of.get(person, ())
                           if _held(start, end, day))
        keys = set()
        # A cabinet counts for the party of whoever held its one-holder function that day.
        for org in links["organisations"].get(contact_id, ()):
            for person, start, end in ctx.holders_of.get(org, ()):
                if _held(start, end, day):
                    keys.update((ReachKind.PARTY.value, str(party))
                                for party in ctx.parties_then(person, day))
        for org in reached:
            kind, level, party = ctx.organisations[org]
            keys.add((ReachKind.ORGANISATION.value, str(org)))
            keys.add((ReachKind.INSTITUTION.value, kind))
            if level:
                keys.add((ReachKind.LEVEL.value, level))
            if party:
                keys.add((ReachKind.PARTY.value, str(party)))
        reach.extend((contact_id, day, period, kind, key) for kind, key in keys)
        dossiers = links["dossiers"].get(contact_id, ())
        names = {ALL} | {f"d{d}" for d in dossiers} | {f"t{ctx.theme_of[d]}" for d in dossiers}
        scopes.extend((contact_id, scope, period) for scope in names)
    return reach, scopes


def _write(model, fields, rows):
    """Insert plain rows. Not bulk_create: building a model instance per row took most of a
    100,000-contact rebuild; a parameterised INSERT is the same on SQLite and PostgreSQL."""
    if not rows:
        return
    connection = connections[router.db_for_write(model)]
    quote = connection.ops.quote_name
    columns = [model._meta.get_field(name.removesuffix("_id")).column for name in fields]
    table, names = quote(model._meta.db_table), ", ".join(map(quote, columns))
    values = ", ".join(["%s"] * len(columns))
    sql = f"INSERT INTO {table} ({names}) VALUES ({values})"  # noqa: S608 - names from the model
    with connection.cursor() as cursor:
        for start in range(0, len(rows), BATCH):
            cursor.executemany(sql, rows[start:start + BATCH])


REACH_FIELDS = ("contact_id", "date", "period", "kind", "key")
SCOPE_FIELDS = ("contact_id", "scope", "period")
COUNT_FIELDS = ("scope", "kind", "key", "period", "contacts", "last")


def _recount(m, scope, periods) -> None:
    """Recount the counts of one scope in these quarters from the reach rows."""
    periods = sorted(periods)
    m.count.objects.filter(scope=scope, period__in=periods).delete()
    reach = m.reach.objects.filter(period__in=periods)
    if scope != ALL:
        reach = reach.filter(contact_id__in=m.scope.objects.filter(
            scope=scope, period__in=periods).values("contact_id"))
    rows = [(scope, r["kind"], r["key"], r["period"], r["n"], r["last"]) for r in
            reach.values("kind", "key", "period").annotate(n=Count("contact_id"),
                                                            last=Max("date")).order_by()]
    rows += [(scope, r["kind"], ANY, r["period"], r["n"], r["last"]) for r in
             reach.exclude(kind=ReachKind.ORGANISATION).values("kind", "period")
             .annotate(n=Count("contact_id", distinct=True), last=Max("date")).order_by()]
    _write(m.count, COUNT_FIELDS, rows)


# Recounting deletes a scope's counts and inserts them again. Two transactions doing that for the
# same scope at once (two colleagues logging contacts) would, on PostgreSQL's READ COMMITTED,
# both insert the same counts, and the second breaks `coveragecount_unique` after its contact
# was saved. So recounts take turns: on PostgreSQL under one transaction-level advisory lock
# (a recount takes milliseconds); SQLite's BEGIN IMMEDIATE already runs one write at a time.
RECOUNT_LOCK = 0x4856_4256  # any fixed number; "HVBV"


def _take_turn(model) -> None:
    connection = connections[router.db_for_write(model)]
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [RECOUNT_LOCK])


@transaction.atomic
def refresh(contact_ids: Iterable[int]) -> None:
    """Recompute these contacts (those in the bin or gone lose their rows) and the counts of
    every scope and quarter they were or are now in."""
    ids = sorted(set(contact_ids))
    if not ids:
        return
    _take_turn(ContactReach)
    m = _Models()
    ctx = _Context(m)
    touched = defaultdict(set)
    for start in range(0, len(ids), CHUNK):
        chunk = ids[start:start + CHUNK]
        old = ContactScope.objects.filter(contact_id__in=chunk).values_list("scope", "period")
        for scope, period in old:
            touched[scope].add(period)
        ContactReach.objects.filter(contact_id__in=chunk).delete()
        ContactScope.objects.filter(contact_id__in=chunk).delete()
        reach, scopes = _compute(ctx, chunk)
        _write(ContactReach, REACH_FIELDS, reach)
        _write(ContactScope, SCOPE_FIELDS, scopes)
        for _contact, scope, period in scopes:
            touched[scope].add(period)
    for scope, periods in touched.items():
        _recount(m, scope, periods)


@transaction.atomic
def rebuild(progress=None, apps=None) -> int:
    """Recompute every contact and every count; returns the number of counts. `apps` is a
    migration's app registry (the initial migration fills the tables this way)."""
    m = _Models(apps)
    _take_turn(m.reach)
    for model in (m.reach, m.scope, m.count):
        model.objects.all().delete()
    reach, scopes = _compute(_Context(m), None)
    scopes_of = defaultdict(list)
    for contact_id, scope, _period in scopes:
        scopes_of[contact_id].append(scope)
    counts, kinds_of = {}, defaultdict(set)
    for contact_id, day, period, kind, key in reach:
        if kind != ReachKind.ORGANISATION:
            kinds_of[(contact_id, day, period)].add(kind)
        for scope in scopes_of[contact_id]:
            _add(counts, (scope, kind, key, period), day)
    for (contact_id, day, period), kinds in kinds_of.items():
        for kind in kinds:
            for scope in scopes_of[contact_id]:
                _add(counts, (scope, kind, ANY, period), day)
    for rows, model, fields in ((reach, m.reach, REACH_FIELDS), (scopes, m.scope, SCOPE_FIELDS)):
        for start in range(0, len(rows), BATCH):
            _write(model, fields, rows[start:start + BATCH])
            if progress:
                progress(model._meta.model_name, min(start + BATCH, len(rows)), len(rows))
    _write(m.count, COUNT_FIELDS, [(*key, n, last) for key, (n, last) in counts.items()])
    return len(counts)


def _add(counts, key, day):
    n, last = counts.get(key, (0, day))
    counts[key] = (n + 1, max(last, day))


# What a write can change: mark the contacts, recompute them once when the transaction commits.

_pending = threading.local()


def mark(contact_ids: Iterable[int]) -> None:
    ids = getattr(_pending, "ids", None)
    if ids is None:
        ids = _pending.ids = set()
    ids.update(contact_ids)
    # One callback per write; the first to run takes all ids, the others find none.
    transaction.on_commit(_flush)


def _flush() -> None:
    ids, _pending.ids = getattr(_pending, "ids", set()), set()
    refresh(ids)


def contacts_of_organisations(org_ids) -> list[int]:
    """Contacts that name these organisations or a person with a role in one of them."""
    return list(Contact.all_objects.filter(
        Q(organisations__in=org_ids) | Q(persons__roles__organisation__in=org_ids)
    ).values_list("pk", flat=True).distinct())


def _contact_saved(sender, instance, raw=False, **kwargs):
    if not raw:
        mark([instance.pk])


def _links_changed(sender, instance, action, reverse, pk_set, **kwargs):
    if action == "pre_clear" and reverse:
        mark(instance.contacts.values_list("pk", flat=True))
    elif action in ("post_add", "post_remove", "post_clear"):
        mark((pk_set or ()) if reverse else [instance.pk])


def contacts_depending_on(person_ids) -> list[int]:
    """Contacts whose counts follow these persons' roles: those naming them, and those naming an
    organisation in which they hold a one-holder function (a cabinet counts for its minister's
    party)."""
    functions = PersonRole.objects.filter(person__in=person_ids, single_holder=True)
    return list(Contact.all_objects.filter(
        Q(persons__in=person_ids) | Q(organisations__in=functions.values("organisation_id"))
    ).values_list("pk", flat=True).distinct())


def _role_before_save(sender, instance, raw=False, **kwargs):
    if instance.pk and not raw:
        old = PersonRole.objects.filter(pk=instance.pk).values_list("person_id", flat=True)
        mark(contacts_depending_on(old))


def _role_changed(sender, instance, raw=False, **kwargs):
    if not raw:
        mark(contacts_depending_on([instance.person_id]))
        if instance.single_holder:  # deleted, or the person's roles no longer name it
            mark(Contact.all_objects.filter(organisations=instance.organisation_id)
                 .values_list("pk", flat=True))


def _organisation_before_save(sender, instance, raw=False, **kwargs):
    if instance.pk and not raw:
        instance._coverage_old = (Organisation.objects.filter(pk=instance.pk)
                                  .values_list("type", "political_level", "parent_id").first())


def _organisation_saved(sender, instance, created, raw=False, **kwargs):
    old = getattr(instance, "_coverage_old", None)
    if raw or created or old is None:
        return
    if old != (instance.type, instance.political_level, instance.parent_id):
        mark(contacts_of_organisations([instance.pk,
                                        *instance.children.values_list("pk", flat=True)]))


def _before_delete(sender, instance, **kwargs):
    # Their links go with them, without m2m signals.
    if isinstance(instance, Organisation):
        mark(contacts_of_organisations([instance.pk]))
    else:
        mark(instance.contacts.values_list("pk", flat=True))


def _persons_merged(sender, contact_ids, **kwargs):
    mark(contact_ids)  # the links moved with a queryset update, without m2m signals


def connect() -> None:
    uid = "coverage-reach"
    persons_merged.connect(_persons_merged, dispatch_uid=uid)
    post_save.connect(_contact_saved, sender=Contact, dispatch_uid=uid)
    for through in (Contact.persons.through, Contact.organisations.through,
                    Contact.dossiers.through):
        m2m_changed.connect(_links_changed, sender=through, dispatch_uid=uid)
    pre_save.connect(_role_before_save, sender=PersonRole, dispatch_uid=uid)
    post_save.connect(_role_changed, sender=PersonRole, dispatch_uid=uid)
    post_delete.connect(_role_changed, sender=PersonRole, dispatch_uid=uid)
    pre_save.connect(_organisation_before_save, sender=Organisation, dispatch_uid=uid)
    post_save.connect(_organisation_saved, sender=Organisation, dispatch_uid=uid)
    for model in (Organisation, Person):
        pre_delete.connect(_before_delete, sender=model, dispatch_uid=uid)
