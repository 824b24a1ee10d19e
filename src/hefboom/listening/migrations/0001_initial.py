# Temporary stand-in for the store helper's 0001_initial (IngestRun): the lead takes theirs.
from django.db import migrations


class Migration(migrations.Migration):
    initial = True
    dependencies = []
    operations = []
