"""Create the four services of the integrated approach (policy, communication, movement,
international); organisations add, rename or deactivate services afterwards."""

from django.db import migrations

DEFAULTS = (
    ("policy", "Policy"),
    ("communication", "Communication"),
    ("movement", "Movement"),
    ("international", "International"),
)


def create(apps, schema_editor):
    Service = apps.get_model("strategy", "Service")
    for order, (code, name) in enumerate(DEFAULTS, start=1):
        Service.objects.get_or_create(code=code, defaults={"name": name, "order": order})


class Migration(migrations.Migration):
    dependencies = [("strategy", "0003_services")]

    operations = [migrations.RunPython(create, migrations.RunPython.noop)]
