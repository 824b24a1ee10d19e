"""The shared world of the access tests: the demo case, the named users of conftest.py and a few
records the demo lacks (a deleted contact, an Excel import, a retention review, a journal).

Alice and Bob are policy officers, Mia the M&E officer, Carol the administrator and Victor an
external evaluator (viewer). Alice took part in a confidential meeting that carries MARKER in
every text field it has; Bob, Mia and Victor did not take part. All names are invented.
"""

import datetime as dt
from types import SimpleNamespace

from django.contrib.contenttypes.models import ContentType
from django.core.files.base import ContentFile

from conftest import make_user
from hefboom.accounts.models import Role
from hefboom.actors.models import Membership, Organisation, Person, PersonRole
from hefboom.core.actions import delete_record, save_record
from hefboom.evaluation.models import Evaluation, EvaluationQuestion, EvaluationTag
from hefboom.imports.excel.models import ExcelImport, ImportStatus
from hefboom.learning.models import Narrative
from hefboom.monitoring import actions
from hefboom.monitoring.models import (
    Activity,
    Channel,
    ClaimEvidence,
    Confidentiality,
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
from hefboom.reporting.models import Indicator
from hefboom.strategy.models import (
    Assumption,
    BoundaryPartner,
    ChangeOutcome,
    Dossier,
    Programme,
    ProgressMarker,
    Service,
    Theme,
)
from hefboom.uptake.models import PolicyDocument, ReuseMatch

# A word that appears nowhere else: wherever it shows up, the confidential meeting leaked.
MARKER = "Zwartwoud7391"
ROLES = ("anonymous", "victor", "alice", "bob", "mia", "carol")


def build_world():
    """The demo case must be loaded already (conftest's `demo_module`)."""
    users = {
        "alice": make_user("alice", Role.POLICY_OFFICER),
        "bob": make_user("bob", Role.POLICY_OFFICER),
        "mia": make_user("mia", Role.ME_OFFICER),
        "carol": make_user("carol", Role.ADMINISTRATOR),
        "victor": make_user("victor", Role.VIEWER),
    }
    alice = users["alice"]
    programme = Programme.objects.get()
    dossier = Dossier.objects.order_by("pk").first()
    organisation = Organisation.objects.filter(contacts__isnull=False).order_by("pk").first()

    # A person met only in the confidential meeting (people are not confidential; that she was
    # met there is).
    secret_person = save_record(Person(first_name="Ilse", last_name="Onbekend"), alice)
    secret = actions.record_contact(
        alice,
        Contact(date=dt.date(2024, 2, 20), channel=Channel.MEETING,
                confidentiality=Confidentiality.CONFIDENTIAL,
                summary=f"{MARKER} meeting about the new structure",
                their_position=f"{MARKER} position", arguments=f"{MARKER} arguments"),
        our_participants=[alice], dossiers=[dossier], organisations=[organisation],
        persons=[secret_person])
    secret_follow_up = save_record(
        FollowUp(contact=secret, description=f"{MARKER} follow-up", owner=alice,
                 due_date=dt.date(2024, 3, 1)), alice)
    open_contact = actions.record_contact(
        alice, Contact(date=dt.date(2024, 2, 21), channel=Channel.CALL,
                       summary="Open call about quotas"),
        our_participants=[alice], dossiers=[dossier], organisations=[organisation])
    follow_up = save_record(FollowUp(contact=open_contact, description="Send the note",
                                     owner=alice, due_date=dt.date(2024, 3, 1)), alice)
    outcome = Outcome.objects.filter(contributions__isnull=False).order_by("pk").first()
    secret_link = actions.link_contribution(
        alice, ContributionLink(outcome=outcome, contact=secret, narrative=f"{MARKER} link"))
    # The confidential meeting joins a plan step too.
    step = PlanStep.objects.order_by("pk").first()
    step.contacts.add(secret)

    evidence = Evidence.objects.filter(outcome__deleted_at__isnull=True).order_by("pk").first()
    evidence.file.save("artikel.pdf", ContentFile(b"%PDF-1.4 artikel"), save=True)
    binned = actions.record_contact(
        alice, Contact(date=dt.date(2024, 1, 5), channel=Channel.CALL, summary="Binned call"),
        our_participants=[alice], dossiers=[dossier])
    delete_record(binned, alice)
    partner = BoundaryPartner.objects.order_by("pk").first()
    question = EvaluationQuestion.objects.order_by("pk").first()
    tag = EvaluationTag.objects.create(
        question=question, content_type=ContentType.objects.get_for_model(Contact),
        object_id=open_contact.pk)
    person = Person.objects.filter(contacts__isnull=False).order_by("pk").first()
    claim = ContributionClaim.objects.order_by("pk").first()
    return SimpleNamespace(
        users=users,
        marker=MARKER,
        programme=programme,
        year=2024,
        theme=Theme.objects.order_by("pk").first(),
        dossier=dossier,
        boundary_partner=partner,
        progress_marker=ProgressMarker.objects.order_by("pk").first(),
        contact=open_contact,
        secret=secret,
        secret_person=secret_person,
        secret_follow_up=secret_follow_up,
        secret_link=secret_link,
        binned=binned,
        activity=Activity.objects.order_by("pk").first(),
        output=Output.objects.order_by("pk").first(),
        outcome=outcome,
        evidence=evidence,
        contribution=ContributionLink.objects.filter(contact__isnull=False).exclude(
            pk=secret_link.pk).order_by("pk").first(),
        claim=claim,
        claim_item=ClaimEvidence.objects.filter(claim=claim).order_by("pk").first(),
        follow_up=follow_up,
        person=person,
        person_role=PersonRole.objects.order_by("pk").first(),
        organisation=organisation,
        membership=Membership.objects.order_by("pk").first(),
        government=PersonRole.objects.filter(government__isnull=False).first().government,
        journal_start=dt.date(2024, 1, 1),
        journal_end=dt.date(2024, 12, 31),
        narrative=Narrative.objects.order_by("pk").first(),
        evaluation=Evaluation.objects.get(),
        evaluation_question=question,
        tag=tag,
        indicator=Indicator.objects.order_by("pk").first(),
        plan=DossierPlan.objects.order_by("pk").first(),
        objective=PlanObjective.objects.order_by("pk").first(),
        step=step,
        moment=Moment.objects.order_by("pk").first(),
        change_outcome=ChangeOutcome.objects.order_by("pk").first(),
        assumption=Assumption.objects.order_by("pk").first(),
        service=Service.objects.order_by("pk").first(),
        observation=ProgressMarkerObservation.objects.order_by("pk").first(),
        member=Membership.objects.order_by("pk").first().organisation,
        excel_import=ExcelImport.objects.create(filename="monitoring.xlsx", created_by=alice,
                                                status=ImportStatus.IMPORTED),
        user=alice,
        policy_document=PolicyDocument.objects.order_by("pk").first(),
        reuse_match=ReuseMatch.objects.order_by("pk").first(),
        contact_type=ContentType.objects.get_for_model(Contact),
    )
