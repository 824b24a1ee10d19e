# PLACEHOLDER of the tiers helper's branch: the store helper owns listening's 0001_initial
# (IngestRun). The lead replaces this file with theirs; 0003_tiers_labels depends on it.
from django.db import migrations


class Migration(migrations.Migration):
    initial = True
    dependencies: list = []
    operations: list = []
