"""Plans in the admin: the M&E officer reads and changes them; a step's records are not offered
there (confidential contacts are linked on the step's page only)."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_mia_opens_plans_and_steps_in_the_admin_without_the_work_links(client, mia, plan,
                                                                     objective, step,
                                                                     confidential_contact):
    client.force_login(mia)
    for name, pk in (("dossierplan", plan.pk), ("planstep", step.pk)):
        assert client.get(reverse(f"admin:plans_{name}_changelist")).status_code == 200
        response = client.get(reverse(f"admin:plans_{name}_change", args=[pk]))
        assert response.status_code == 200
        assert "contacts" not in response.context["adminform"].form.fields
        assert "Vertrouwelijk overleg" not in response.content.decode()
    assert "Quotum in de begroting" in client.get(
        reverse("admin:plans_dossierplan_change", args=[plan.pk])).content.decode()
