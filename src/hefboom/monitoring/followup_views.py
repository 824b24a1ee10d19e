"""Follow-ups: add one to a contact, mark done, reopen, change owner or due date; the personal
list of what is overdue, due today and coming up; the user's own settings (the daily digest,
their service)."""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from hefboom.core.access import get_contact_for_user, require_record_editor
from hefboom.core.forms import attempt, run_action
from hefboom.monitoring import followups
from hefboom.monitoring.followup_forms import (
    DigestForm,
    FollowUpForm,
    ReassignForm,
    ServiceSettingForm,
)
from hefboom.monitoring.models import FollowUp

BUCKET_SIZE = 100


def personal_list(request):
    user = request.user
    owner = user
    requested = request.GET.get("owner")
    choices = None
    if user.can_edit_strategy:
        choices = list(followups.owner_choices())
        if requested:
            owner = next((u for u in choices if str(u.pk) == requested), None)
            if owner is None:
                messages.error(request, _("There is no colleague with that number who can own "
                                          "follow-ups; showing your own."))
                owner = user
    elif requested and requested != str(user.pk):
        followups.may_view_others(user)  # refuses (403) with a message
    return render(request, "monitoring/follow_ups.html", {
        "lists": followups.personal_list(user, owner),
        "owner": owner,
        "owner_choices": choices,
        "digest_form": DigestForm(instance=user) if owner == user else None,
        "service_form": ServiceSettingForm(instance=user) if owner == user else None,
        # A bucket shows its first BUCKET_SIZE items (years of forgotten follow-ups would
        # otherwise make a page nobody reads); its heading has the full count.
        "bucket_size": BUCKET_SIZE, "bucket_limit": f":{BUCKET_SIZE}", "bucket_rest": -BUCKET_SIZE,
    })


@require_POST
def digest_setting(request):
    form = DigestForm(request.POST, instance=request.user)
    if form.is_valid():
        form.save()
        if form.instance.wants_digest and not request.user.email:
            messages.warning(request, _("The digest is on, but your account has no e-mail "
                                        "address: ask an administrator to add one."))
        else:
            messages.success(request, _("Your digest setting was saved."))
    else:
        messages.error(request, " ".join(" ".join(e) for e in form.errors.values()))
    return redirect("monitoring:follow_ups")


@require_POST
def service_setting(request):
    form = ServiceSettingForm(request.POST, instance=request.user)
    if form.is_valid():
        form.save()
        messages.success(request, _("Your service was saved."))
    else:
        messages.error(request, " ".join(" ".join(e) for e in form.errors.values()))
    return redirect("monitoring:follow_ups")


def follow_up_create(request, pk):
    require_record_editor(request.user)
    contact = get_contact_for_user(request.user, pk)
    form = FollowUpForm(request.POST or None, instance=FollowUp(contact=contact),
                        user=request.user)
    if (request.method == "POST" and form.is_valid()
            and run_action(form, followups.add_follow_up, request.user, form.instance)):
        messages.success(request, _("Follow-up added."))
        return redirect(contact.get_absolute_url() + "#follow-ups")
    return render(request, "monitoring/record_form.html", {
        "form": form, "title": _("Add a follow-up"), "instance": contact,
        "intro": str(contact)})


def _back(request, follow_up):
    target = request.POST.get("next", "")
    if target and url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        return redirect(target)
    return redirect(follow_up.contact.get_absolute_url() + "#follow-ups")


@require_POST
def follow_up_complete(request, pk):
    require_record_editor(request.user)
    follow_up = followups.get_follow_up_for_user(request.user, pk)
    if attempt(request, followups.complete_follow_up, request.user, follow_up):
        messages.success(request, _("Marked done: %(follow_up)s") % {"follow_up": follow_up})
    return _back(request, follow_up)


@require_POST
def follow_up_reopen(request, pk):
    require_record_editor(request.user)
    follow_up = followups.get_follow_up_for_user(request.user, pk)
    if attempt(request, followups.reopen_follow_up, request.user, follow_up):
        messages.success(request, _("Reopened: %(follow_up)s") % {"follow_up": follow_up})
    return _back(request, follow_up)


def follow_up_reassign(request, pk):
    require_record_editor(request.user)
    follow_up = followups.get_follow_up_for_user(request.user, pk)
    contact = follow_up.contact
    form = ReassignForm(request.POST or None, instance=follow_up)
    if request.method == "POST" and form.is_valid():
        done = run_action(form, followups.reassign_follow_up, request.user, follow_up,
                          owner=form.cleaned_data["owner"],
                          due_date=form.cleaned_data["due_date"],
                          expected_version=form.cleaned_data.get("expected_version"))
        if done:
            messages.success(request, _("Follow-up changed."))
            return redirect(contact.get_absolute_url() + "#follow-ups")
    return render(request, "monitoring/record_form.html", {
        "form": form, "title": _("Change owner or due date"), "instance": contact,
        "intro": str(follow_up)})
