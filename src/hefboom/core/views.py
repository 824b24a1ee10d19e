"""The home page: what each role needs first when it opens Hefboom."""

from django.db.models import Count, F
from django.shortcuts import render
from django.utils import timezone

from hefboom.accounts.models import Role
from hefboom.core.access import visible_contacts
from hefboom.evaluation.completeness import completeness_counts
from hefboom.monitoring.models import FollowUp, Outcome, Substantiation
from hefboom.strategy.models import Programme, Theme

HOME_LIST = 10  # records per list on the home page


def home(request):
    user = request.user
    contacts = visible_contacts(user)
    today = timezone.localdate()
    context = {
        "programmes": Programme.objects.all(),
        "themes": Theme.objects.prefetch_related("dossiers").annotate(
            marker_count=Count("boundary_partners__progress_markers", distinct=True)
        ),
        "recent_outcomes": Outcome.objects.order_by("-date", "-pk")[:8],
    }
    if user.role == Role.POLICY_OFFICER and not user.is_administrator:
        template = "core/home_policy.html"
        mine = contacts.filter(our_participants=user)
        context |= {
            "my_contacts": mine[:10],  # core/_contacts.html shows no linked records: no prefetch
            # The user's own open follow-ups, overdue first (oldest due date first), undated last.
            "open_follow_ups": FollowUp.objects.visible_to(user).open().filter(owner=user)
            .select_related("contact")
            .order_by(F("due_date").asc(nulls_last=True), "pk")[:HOME_LIST],
            "today": today,
        }
    elif user.role == Role.VIEWER and not user.is_administrator:
        template = "core/home_viewer.html"
    else:
        template = "core/home_me.html"
        context |= {
            # The first few only: the full list grows with the data (issue 4's completeness page).
            "outcomes_without_evidence": Outcome.objects.filter(evidence__isnull=True)[:HOME_LIST],
            "substantiation_counts": _substantiation_counts(),
            "completeness": completeness_counts(),
            "recent_contacts": contacts[:8],
        }
    return render(request, template, context)


def _substantiation_counts() -> list[tuple[str, int]]:
    """Every substantiation status with its number of outcomes (zero included), in one query."""
    counts = dict(Outcome.objects.values_list("substantiation").annotate(n=Count("pk"))
                  .order_by())
    return [(label, counts.get(value, 0)) for value, label in Substantiation.choices]
