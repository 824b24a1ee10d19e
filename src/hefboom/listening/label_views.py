"""Labelling pages: the queue (one item at a time, one click per label, HTMX swaps in the next
item) and the trained tier's state with its "train now" button."""

from collections import Counter
from urllib.parse import urlencode

from django.contrib import messages
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from hefboom.core.access import require_record_editor
from hefboom.listening import corpus, labelling, tiers, training
from hefboom.listening.models import TrainedModel
from hefboom.listening.models.labels import Frame, Sentiment


def _queue_context(request, lang, error=""):
    return {
        "item": labelling.next_item(lang),
        "lang": lang if lang in labelling.LANGUAGES else "",
        "languages": labelling.LANGUAGES,
        "counts": labelling.label_counts(),
        "sentiments": Sentiment.choices,
        "frames": Frame.choices,
        "error": error,
    }


def queue(request):
    require_record_editor(request.user)
    return render(request, "listening/label_queue.html",
                  _queue_context(request, request.GET.get("lang", "")))


@require_POST
def label(request):
    require_record_editor(request.user)
    lang = request.POST.get("lang", "")
    sentiment = request.POST.get("sentiment", "")
    frames = request.POST.getlist("frames")
    error = ""
    if sentiment not in {*Sentiment.values, ""} or not set(frames) <= set(Frame.values):
        error = _("That label is not one of negative, neutral, positive and the listed frames.")
    else:
        item = corpus.fetch_item(request.POST.get("item", ""))
        if item is None:
            error = _("That item is no longer in the corpus; here is another one.")
        else:
            labelling.record_label(request.user, item, sentiment, frames)
    if request.htmx:
        return render(request, "listening/_label_panel.html",
                      _queue_context(request, lang, error))
    if error:
        messages.error(request, error)
    target = reverse("listening:label_queue")
    return redirect(f"{target}?{urlencode({'lang': lang})}" if lang else target)


def model_state(request):
    latest = TrainedModel.objects.select_related("trained_by").first()
    active = tiers.active_model()
    onnx = {"dir": tiers.onnx_dir(), "error": ""}
    if onnx["dir"]:
        try:
            tiers.load_onnx(onnx["dir"])
        except tiers.TierError as exc:
            onnx["error"] = str(exc)
    accuracy_rows = []
    if latest is not None:
        for lang, values in (latest.manifest.get("accuracy") or {}).items():
            accuracy_rows.append({"lang": lang, **values})
    return render(request, "listening/label_model.html", {
        "counts": labelling.label_counts(),
        "languages": labelling.LANGUAGES,
        "latest": latest,
        "active": active,
        "accuracy_rows": accuracy_rows,
        "minimum": training.MIN_PER_CLASS,
        "onnx": onnx,
        "tier": tiers.TIERS,
    })


@require_POST
def train(request):
    require_record_editor(request.user)
    from hefboom.listening.tasks import train_sentiment_model

    texts, _langs, labels, _lexicon, _frames = training.labelled_items()
    try:
        training.check_counts(Counter(labels))
    except training.NotEnoughLabels as exc:
        messages.error(request, str(exc))
        return redirect("listening:label_model")
    before = TrainedModel.objects.count()
    result = train_sentiment_model.enqueue(request.user.pk)
    if TrainedModel.objects.count() > before:
        model = TrainedModel.objects.first()
        if model.active:
            messages.success(request, _("The model was trained on %(n)s labelled items and is now "
                                        "the active sentiment tier.") % {"n": len(texts)})
        else:
            messages.warning(request, _(
                "The model was trained on %(n)s labelled items but does not beat the majority "
                "baseline and the lexicon tier on the held-out items, so it is not used. Label "
                "more items and train again.") % {"n": len(texts)})
    elif getattr(result, "status", None) is not None and str(result.status).endswith("FAILED"):
        messages.error(request, _("Training failed; see the task's result in the admin."))
    else:
        messages.success(request, _("Training is queued; this page shows the model when it is "
                                    "done."))
    return redirect("listening:label_model")
