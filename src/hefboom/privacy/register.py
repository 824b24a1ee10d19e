"""The processing register (GDPR art. 30): what Hefboom stores about whom, why, on which legal
basis, who sees it and how long it is kept. The field lists are read from the models, so the
register cannot drift from what is really stored."""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

# Bookkeeping columns every record has; they are named once, not per category.
BOOKKEEPING = {"id", "created_at", "created_by", "updated_at", "updated_by", "version",
               "deleted_at", "deleted_by"}


@dataclass
class Category:
    title: str
    persons: str
    model: type
    purpose: str
    basis: str
    access: str

    @property
    def fields(self) -> list[str]:
        return [str(field.verbose_name) for field in self.model._meta.get_fields()
                if getattr(field, "verbose_name", None) and field.name not in BOOKKEEPING
                and not field.auto_created and field.concrete]


def categories() -> list[Category]:
    from hefboom.accounts.models import User
    from hefboom.actors.models import Person, PersonRole
    from hefboom.monitoring.models import Contact, FollowUp, Outcome
    from hefboom.privacy.models import AccessEvent

    interest = _("Legitimate interest (GDPR art. 6(1)(f)): the organisation's advocacy and its "
                 "accountability to its funder.")
    public_role = _("Legitimate interest; for office holders, their public role (what a "
                    "minister, MP or party chair does in office is public).")
    everyone = _("Every user reads; policy officers, M&E officers and administrators change.")
    return [
        Category(_("Persons"), _("Politicians, civil servants, cabinet staff, journalists and "
                                 "other people the organisation works with"),
                 Person, _("Know whom we talk to, in which role, and how to reach them."),
                 public_role, everyone),
        Category(_("Roles"), _("The same persons"), PersonRole,
                 _("Who held which function when, so that past contacts stay with the role "
                   "of the day."), public_role, everyone),
        Category(_("Contacts"), _("The persons met and our staff who took part"), Contact,
                 _("The history of our political contacts: what was said and agreed, as "
                   "evidence of contribution and for hand-over between staff."), interest,
                 _("Every user reads normal contacts; confidential ones only their participants "
                   "and administrators.")),
        Category(_("Follow-ups"), _("Our staff (owners) and, through the contact, the persons "
                                    "met"), FollowUp,
                 _("What was promised after a contact, by whom and by when."), interest,
                 _("As the contact they belong to.")),
        Category(_("Outcomes"), _("Persons whose behaviour, discourse or policy changed "
                                  "(social actors)"), Outcome,
                 _("Outcome Harvesting: the changes we observe and report to the funder."),
                 public_role, everyone),
        Category(_("Users"), _("Staff of the organisation and external evaluators"), User,
                 _("Log in, roles and the trail of who changed what."),
                 _("Contract (GDPR art. 6(1)(b)) and legitimate interest."),
                 _("Administrators.")),
        Category(_("Audit of access"), _("Users who viewed confidential contacts or exported "
                                         "or erased personal data"), AccessEvent,
                 _("Accountability for access to confidential and personal data."),
                 _("Legal obligation (GDPR art. 5(2), 32)."), _("Administrators.")),
    ]
