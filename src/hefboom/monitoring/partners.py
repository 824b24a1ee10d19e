"""Member organisations and coalitions named on a contact, activity or output must have been
partners (a membership held) on the record's date. Registered with
`core.actions.register_write_check`, so forms, quick capture, imports, the admin and the demo
all get the same refusal, on the `partners` field."""

from django.core.exceptions import ValidationError
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from hefboom.actors.models import not_partners_on


def check_partners(record, user, *, m2m: dict | None = None) -> None:
    if not any(f.name == "partners" for f in record._meta.many_to_many):
        return
    if getattr(record, "date", None) is None:
        return
    m2m = m2m or {}
    if "partners" in m2m:
        partners = list(m2m["partners"] or [])
    elif record.pk is not None and not record._state.adding:
        partners = list(record.partners.all())
    else:
        return
    outside = not_partners_on(partners, record.date)
    if outside:
        raise ValidationError({"partners": [
            _("%(organisation)s was not a member organisation or a coalition of ours on "
              "%(date)s. Check the date, or record the membership on the organisation's page "
              "first.") % {"organisation": organisation,
                           "date": date_format(record.date, "j F Y")}
            for organisation in outside
        ]})
