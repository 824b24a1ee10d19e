# PLACEHOLDER written by helper nlp so that 0002_nlp_terms has a parent: the store helper owns
# listening's real 0001_initial. At merge keep theirs and drop this file.
from django.db import migrations


class Migration(migrations.Migration):
    initial = True
    dependencies: list = []
    operations: list = []
