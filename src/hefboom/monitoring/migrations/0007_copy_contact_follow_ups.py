"""Copy each contact's follow-up text and due date into a FollowUp record.

The owner is the contact's creator when they took part, else its first participant (every
contact has one). Contacts in the bin keep their text on the contact only.
"""

from django.db import migrations


def copy_follow_ups(apps, schema_editor):
    Contact = apps.get_model("monitoring", "Contact")
    FollowUp = apps.get_model("monitoring", "FollowUp")
    batch = []
    contacts = (Contact.objects.exclude(follow_up="").filter(deleted_at__isnull=True)
                .prefetch_related("our_participants").order_by("pk"))
    for contact in contacts.iterator(chunk_size=2000):
        participants = list(contact.our_participants.all())
        owner_id = contact.created_by_id
        if owner_id not in {p.pk for p in participants}:
            owner_id = participants[0].pk if participants else owner_id
        if owner_id is None:
            continue
        batch.append(FollowUp(contact_id=contact.pk, description=contact.follow_up,
                              due_date=contact.follow_up_due, owner_id=owner_id,
                              created_by_id=contact.created_by_id))
        if len(batch) >= 2000:
            FollowUp.objects.bulk_create(batch)
            batch = []
    FollowUp.objects.bulk_create(batch)


class Migration(migrations.Migration):
    dependencies = [("monitoring", "0006_follow_ups")]
    operations = [migrations.RunPython(copy_follow_ups, migrations.RunPython.noop)]
