"""The records that exist before any other app registers its own: monitoring and actors."""

from django.utils.translation import gettext_lazy as _

from hefboom.search.registry import register


def _evidence_url(evidence) -> str:
    return f"{evidence.outcome.get_absolute_url()}#evidence-{evidence.pk}"


def register_core_records() -> None:
    from hefboom.actors.models import Organisation, Person
    from hefboom.monitoring.models import Activity, Contact, Evidence, Outcome, Output

    register(Contact, kind="contact", label=_("Contact"),
             fields=("summary", "arguments", "their_position", "follow_up"),
             confidential_contact=lambda contact: contact.pk if contact.is_confidential else None,
             queryset=lambda: Contact.objects.all())
    register(Activity, kind="activity", label=_("Activity"), fields=("description",))
    register(Output, kind="output", label=_("Output"),
             fields=("description", "full_text"))
    register(Outcome, kind="outcome", label=_("Outcome"),
             fields=("description", "significance", "contribution"), title="title",
             dependents=("evidence",))
    register(Evidence, kind="evidence", label=_("Evidence"), fields=("reference", "quote"),
             url=_evidence_url,
             # Evidence of an outcome in the bin is not found either.
             alive=lambda evidence: evidence.outcome.deleted_at is None,
             queryset=lambda: Evidence.objects.select_related("outcome"))
    register(Person, kind="person", label=_("Person"), fields=(), date=None)
    register(Organisation, kind="organisation", label=_("Organisation"),
             fields=("name", "short_name"), date=None)
