"""Loads the demo case (demo/case.py, taken from the evaluation report) through the normal write path.

The whole case is loaded in one transaction; when the demo programme already exists nothing is
loaded again, so running `hefboom demo` twice never duplicates a record.
"""

import datetime as dt
import re
from dataclasses import dataclass, field
from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from hefboom.accounts.models import Role, User
from hefboom.actors.actions import add_role
from hefboom.actors.models import Government, Membership, Organisation, Person, PersonRole
from hefboom.core.actions import save_record
from hefboom.demo import case
from hefboom.evaluation.actions import tag_record
from hefboom.evaluation.annex2 import load_annex2_matrix
from hefboom.learning.actions import save_narrative
from hefboom.learning.models import Narrative
from hefboom.learning.references import token
from hefboom.monitoring import actions
from hefboom.monitoring.models import (
    Activity,
    ClaimEvidence,
    Contact,
    ContributionClaim,
    ContributionLink,
    Evidence,
    FollowUp,
    Outcome,
    Output,
    ProgressMarkerObservation,
)
from hefboom.plans.models import DossierPlan, Moment, PlanObjective, PlanStep
from hefboom.reporting.actions import save_indicator, set_indicator_period
from hefboom.reporting.indicators import encode_filter
from hefboom.reporting.models import Indicator
from hefboom.strategy.models import (
    Assumption,
    BoundaryPartner,
    ChangeOutcome,
    Dossier,
    Programme,
    ProgressMarker,
    Theme,
    ensure_default_services,
)
from hefboom.uptake.demo import load_policy_documents

DEMO_PASSWORD = "hefboom-demo"

# Staff appear by role only; these are their logins in the demo.
STAFF_ROLES = {"me-officer": Role.ME_OFFICER, "director": Role.VIEWER}
EXTRA_USERS = [
    {"key": "beheerder", "role_title": "Beheerder", "role": Role.ADMINISTRATOR},
    {"key": "evaluator", "role_title": "Externe evaluator", "role": Role.VIEWER},
]


@dataclass
class DemoLogin:
    username: str
    role: str
    title: str


@dataclass
class LoadResult:
    loaded: bool
    counts: dict[str, int] = field(default_factory=dict)


def demo_logins() -> list[DemoLogin]:
    users = User.objects.filter(username__in=_usernames()).order_by("role", "username")
    return [DemoLogin(u.username, u.get_role_display(), u.job_title) for u in users]


def _usernames() -> list[str]:
    return [s["key"] for s in case.STAFF] + [u["key"] for u in EXTRA_USERS]


def _ensure_users() -> dict[str, User]:
    users = {}
    specs = [
        {**s, "role": STAFF_ROLES.get(s["key"], Role.POLICY_OFFICER)} for s in case.STAFF
    ] + EXTRA_USERS
    services = ensure_default_services()
    for spec in specs:
        service = services.get(case.STAFF_SERVICES.get(spec["key"]))
        user, created = User.objects.get_or_create(
            username=spec["key"], defaults={"job_title": spec["role_title"], "role": spec["role"],
                                            "service": service}
        )
        if created:
            user.set_password(DEMO_PASSWORD)
            user.save()
        users[spec["key"]] = user
    return users


def _src(item) -> str:
    source = item["source"]
    return f"{source} (datum bij benadering)" if item.get("date_approximate") else source


@transaction.atomic
def _follow_ups(item, users) -> list[FollowUp]:
    """A demo contact's follow-up, owned by its first participant; done when the report says
    it happened (at its due date, else on the contact's day)."""
    if not item.get("follow_up"):
        return []
    owner = users[item["our_participants"][0]]
    follow_up = FollowUp(description=item["follow_up"], owner=owner,
                         due_date=item.get("follow_up_due"), source_reference=_src(item))
    if item.get("follow_up_done"):
        day = follow_up.due_date or item["date"]
        follow_up.done_at = timezone.make_aware(dt.datetime.combine(day, dt.time(12)))
        follow_up.done_by = owner
    return [follow_up]


def _worked_source(item) -> str:
    """The record's source, plus where the report says which services (and partners) did it."""
    who = case.RECORD_SERVICES.get(item["key"])
    return f"{_src(item)}; diensten: {who['source']}" if who else _src(item)


def load_demo_case() -> LoadResult:
    users = _ensure_users()
    if Programme.objects.filter(code=case.PROGRAMME["key"]).exists():
        return LoadResult(loaded=False)
    recorder = users.get("me-officer")

    def save(record, item, **m2m):
        record.source_reference = _src(item)
        return save_record(record, recorder, m2m=m2m)

    def pick(table, keys):
        return [table[k] for k in keys or []]

    p = case.PROGRAMME
    programme = save(Programme(code=p["key"], name=p["name"], funder=p["funder"],
                               start_date=p["start_date"], end_date=p["end_date"],
                               description=p["description"]), p)
    themes = {
        t["key"]: save(Theme(programme=programme, code=t["key"], name=t["name"],
                             description=t["description"], order=i), t)
        for i, t in enumerate(case.THEMES)
    }
    dossiers = {
        d["key"]: save(Dossier(theme=themes[d["theme"]], code=d["key"], name=d["name"],
                               description=d["description"]), d)
        for d in case.DOSSIERS
    }
    for c in case.TOC_OUTCOMES:
        save(ChangeOutcome(theme=themes[c["theme"]], number=c["number"],
                           statement=c["statement"]), c)
    for a in case.ASSUMPTIONS:
        save(Assumption(theme=themes[a["theme"]], statement=a["statement"]), a)
    organisations = {
        o["key"]: save(Organisation(name=o["name"], short_name=o.get("short_name") or "",
                                    type=o["type"],
                                    political_level=o.get("political_level") or "",
                                    spectrum_position=o.get("spectrum_position")), o)
        for o in case.ORGANISATIONS
    }
    partners = {
        b["key"]: save(BoundaryPartner(theme=themes[b["theme"]], name=b["name"],
                                       description=b["description"]), b,
                       organisations=pick(organisations, b.get("organisations")))
        for b in case.BOUNDARY_PARTNERS
    }
    markers = {
        m["key"]: save(ProgressMarker(
            boundary_partner=partners[m["boundary_partner"]],
            dossier=dossiers[m["dossier"]] if m.get("dossier") else None,
            level=m["level"], order=m["order"], statement=m["statement"]), m)
        for m in case.PROGRESS_MARKERS
    }
    governments = {
        g["key"]: save(Government(name=g["name"], political_level=g["political_level"],
                                  start_date=g["start_date"], end_date=g.get("end_date")), g,
                       parties=pick(organisations, g["parties"]))
        for g in case.GOVERNMENTS
    }
    persons = {}
    for person in case.PERSONS:
        # Everyone in the case holds or held a public office named in the report.
        persons[person["key"]] = save(
            Person(first_name=person["first_name"], last_name=person["last_name"],
                   is_public_figure=True), person
        )
        for role in person.get("roles", []):
            # Through the same action as the person page, so overlapping roles are refused.
            add_role(recorder, PersonRole(
                person=persons[person["key"]], organisation=organisations[role["organisation"]],
                title=role["title"], start_date=role.get("start_date"),
                end_date=role.get("end_date"), date_approximate=role.get("date_approximate", False),
                single_holder=role.get("single_holder", False),
                government=governments.get(role.get("government")),
                source_reference=_src(person)))

    services = ensure_default_services()
    for m in case.MEMBERSHIPS:
        save(Membership(organisation=organisations[m["organisation"]], kind=m["kind"],
                        start_date=m.get("start_date"), end_date=m.get("end_date"),
                        notes=m["notes"]), m)

    def worked(item) -> dict:
        """The services and partners of a contact, activity or output (case.RECORD_SERVICES)."""
        who = case.RECORD_SERVICES.get(item["key"], {})
        return {"services": pick(services, who.get("services")),
                "partners": pick(organisations, who.get("partners"))}

    contacts = {}
    for c in case.CONTACTS:
        contact = Contact(date=c["date"], channel=c["channel"], is_formal=c["formal"],
                          summary=c["summary"], arguments=c.get("arguments", ""),
                          their_position=c.get("their_position", ""),
                          confidentiality=c.get("confidentiality", "normal"),
                          source_reference=_worked_source(c))
        contacts[c["key"]] = actions.record_contact(
            recorder, contact, follow_ups=_follow_ups(c, users),
            our_participants=pick(users, c["our_participants"]),
            dossiers=pick(dossiers, c["dossiers"]),
            persons=pick(persons, c.get("persons")),
            organisations=pick(organisations, c.get("organisations")),
            **worked(c),
        )
    activities = {}
    for a in case.ACTIVITIES:
        activity = Activity(title=a["title"], type=a["type"], date=a["date"],
                            end_date=a.get("end_date"), description=a["description"],
                            source_reference=_worked_source(a))
        activities[a["key"]] = actions.record_activity(
            recorder, activity, dossiers=pick(dossiers, a["dossiers"]),
            organisations=pick(organisations, a.get("organisations")), **worked(a))
    outputs = {}
    for o in case.OUTPUTS:
        output = Output(title=o["title"], type=o["type"], date=o["date"], url=o.get("url", ""),
                        description=o["description"], full_text=o.get("full_text", ""),
                        source_reference=_worked_source(o))
        outputs[o["key"]] = actions.record_output(
            recorder, output, dossiers=pick(dossiers, o["dossiers"]), **worked(o))
    outcomes = {}
    for o in case.OUTCOMES:
        outcome = Outcome(
            title=o["title"], description=o["description"], date=o["date"],
            political_level=o.get("political_level") or "", change_type=o["change_type"],
            is_intended=o["intended"], is_positive=o["positive"], significance=o["significance"],
            contribution=o["contribution"], substantiation=o["substantiation"],
            source_reference=_src(o),
        )
        outcomes[o["key"]] = actions.record_outcome(
            recorder, outcome, dossiers=pick(dossiers, o["dossiers"]),
            social_actor_organisations=pick(organisations, o.get("social_actor_organisations")),
            social_actor_persons=pick(persons, o.get("social_actor_persons")),
        )
    evidence = {}
    for e in case.EVIDENCE:
        evidence[e["key"]] = actions.add_evidence(recorder, Evidence(
            outcome=outcomes[e["outcome"]], source_type=e["source_type"],
            reference=e.get("reference", ""), url=e.get("url", ""), quote=e.get("quote", ""),
            date=e.get("date"), reliability=e["reliability"], source_reference=_src(e)))
    sources = {"contact": contacts, "output": outputs, "activity": activities,
               "organisation": organisations}
    for c in case.CONTRIBUTIONS:
        link = ContributionLink(outcome=outcomes[c["outcome"]], narrative=c["narrative"],
                                source_reference=_src(c))
        for name, table in sources.items():
            if c.get(name):
                setattr(link, name, table[c[name]])
        actions.link_contribution(recorder, link)
    for o in case.OBSERVATIONS:
        save(ProgressMarkerObservation(
            progress_marker=markers[o["progress_marker"]], period_start=o["period_start"],
            period_end=o["period_end"], rating=o["rating"], narrative=o["narrative"]), o,
            outcomes=pick(outcomes, o.get("outcomes")), contacts=pick(contacts, o.get("contacts")))

    for c in case.CLAIMS:
        outcome = outcomes[c["outcome"]]
        # The claim rests on every contribution link of its outcome in the demo.
        claim = actions.record_claim(recorder, ContributionClaim(
            outcome=outcome, statement=c["statement"], story=c["story"],
            alternatives=c["alternatives"], prior=Decimal(c["prior"]), source_reference=_src(c)),
            links=list(outcome.contributions.all()))
        for item in c["evidence"]:
            actions.assess_evidence(recorder, ClaimEvidence(
                claim=claim, evidence=evidence[item["evidence"]], test_type=item["test_type"],
                reasoning=item["reasoning"], source_reference=_src(c)))

    tables = {"activity": activities, "outcome": outcomes, "output": outputs, "contact": contacts,
              "person": persons, "organisation": organisations}
    for n in case.NARRATIVES:
        text = re.sub(r"\{(\w+):([\w-]+)\}",
                      lambda m: token(m[1], tables[m[1]][m[2]].pk), n["text"])
        save_narrative(recorder, Narrative(
            dossier=dossiers[n["dossier"]], period_start=n["period_start"],
            period_end=n["period_end"], title=n["title"], text=text, source_reference=_src(n)))

    # The evaluation matrix of Annex 2; the demo claim and its outcome answer EV.1.4 (contribution).
    evaluation = load_annex2_matrix(recorder, programme)
    contribution_question = evaluation.questions.get(code="EV.1.4")
    for claim in ContributionClaim.objects.filter(outcome__in=outcomes.values()):
        tag_record(recorder, contribution_question, claim.outcome)
        tag_record(recorder, contribution_question, claim)

    for i in case.INDICATORS:
        load_indicator(recorder, programme, themes, i, _src(i))

    toc = {(c.theme.code, c.number): c for c in ChangeOutcome.objects.select_related("theme")}
    records = {"contacts": contacts, "activities": activities, "outputs": outputs}
    plans = [load_plan(recorder, p, dossiers=dossiers, services=services, toc=toc,
                       markers=markers, records=records) for p in case.PLANS]
    for m in case.MOMENTS:
        save(Moment(title=m["title"], kind=m["kind"], political_level=m["level"], date=m["date"],
                    end_date=m["end_date"]), m, dossiers=pick(dossiers, m["dossiers"]))

    # The policy corpus and the reuse of our outputs' words in it (issue 8).
    uptake_counts = load_policy_documents(recorder, case.POLICY_DOCUMENTS)

    counts = {
        "dossiers": len(dossiers), "progress markers": len(markers), "governments": len(governments),
        "contacts": len(contacts),
        "activities": len(activities), "outputs": len(outputs), "outcomes": len(outcomes),
        "dossier plans": len(plans), "political moments": len(case.MOMENTS),
        **uptake_counts,
    }
    return LoadResult(loaded=True, counts=counts)


def load_indicator(recorder, programme, themes, item, source):
    indicator = save_indicator(recorder, Indicator(
        programme=programme, theme=themes.get(item.get("theme")), code=item["key"],
        order=item["order"], title=item["title"], title_fr=item.get("title_fr", ""),
        title_en=item.get("title_en", ""), result_level=item["result_level"], kind=item["kind"],
        record_kind=item.get("record_kind", ""), filter_query=encode_filter(item.get("filter", {})),
        unit=item.get("unit", ""), baseline_year=item.get("baseline_year"),
        baseline_value=item.get("baseline_value"),
        baseline_comment=item.get("baseline_comment", ""), source_reference=source))
    years = set(item.get("targets", {})) | set(item.get("actuals", {})) | set(item.get("ratings", {}))
    for year in sorted(years):
        values = {"source_reference": source, "comment": item.get("comment", {}).get(year, "")}
        if year in item.get("targets", {}):
            values["target"] = Decimal(item["targets"][year])
        if year in item.get("actuals", {}):
            values["actual"] = Decimal(item["actuals"][year])
        if year in item.get("ratings", {}):
            values["rating"], values["text"], values["text_fr"], values["text_en"] = \
                item["ratings"][year]
        set_indicator_period(recorder, indicator, year, **values)


def load_plan(recorder, item, *, dossiers, services, toc, markers, records) -> DossierPlan:
    """A dossier plan with one objective per service and its steps, linked to the demo's
    records, theory-of-change outcomes and progress markers."""
    source = _src(item)

    def pick(table, keys):
        return [table[k] for k in keys or []]

    plan = save_record(DossierPlan(
        dossier=dossiers[item["dossier"]], period_start=item["period_start"],
        period_end=item["period_end"], status=item["status"],
        problem_analysis=item["problem_analysis"], lobby_goals=item["lobby_goals"],
        source_reference=source), recorder, m2m={
            "change_outcomes": pick(toc, item.get("toc")),
            "progress_markers": pick(markers, item.get("progress_markers"))})
    for code, (objectives, expected) in item["objectives"].items():
        save_record(PlanObjective(plan=plan, service=services[code], objectives=objectives,
                                  expected_results=expected, source_reference=source), recorder)
    for order, step in enumerate(item["steps"], start=1):
        save_record(PlanStep(
            plan=plan, order=order, title=step["title"],
            responsible_service=services[step["responsible"]], status=step["status"],
            due_date=step.get("due"), source_reference=source), recorder, m2m={
                "supporting_services": pick(services, step.get("supporting")),
                "change_outcomes": pick(toc, step.get("toc")),
                "progress_markers": pick(markers, step.get("progress_markers")),
                **{kind: pick(records[kind], step.get(kind))
                   for kind in ("contacts", "activities", "outputs")}})
    return plan
