"""Listening's pages: trends per dossier and theme with drill-down to the texts, who mentions the
organisation, alerts for the communication officer, and exports of each."""


from django.core.paginator import Paginator
from django.db.models import Avg, Count, Q, Sum
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from hefboom.core.access import require_record_editor
from hefboom.listening import charts, queries
from hefboom.listening.actions import do_set_alert_status
from hefboom.listening.exports import table_response
from hefboom.listening.forms import AlertFilterForm, AlertStatusForm, MentionFilterForm, TrendForm
from hefboom.listening.models import Alert, DossierWeek, Mention
from hefboom.listening.tiers import tier_summary
from hefboom.strategy.models import Dossier, Theme

TEXTS_PAGE = 25
LIST_PAGE = 50
# The query parameters that describe what a trend page shows, kept on its links.
SCOPE_PARAMS = ("grain", "measure", "by", "date_from", "date_to")


def _subject(kind: str, pk: int):
    if kind == "dossier":
        return get_object_or_404(Dossier.objects.select_related("theme"), pk=pk)
    if kind == "theme":
        return get_object_or_404(Theme.objects.all(), pk=pk)
    raise Http404


def _scope_kwargs(kind, subject):
    return {"dossier": subject} if kind == "dossier" else {"theme": subject}


def _kept(request, *names, **changes) -> str:
    """The current query string with only `names` kept, and `changes` applied (None drops)."""
    query = {name: request.GET[name] for name in names if request.GET.get(name)}
    for name, value in changes.items():
        if value is None:
            query.pop(name, None)
        else:
            query[name] = value.isoformat() if hasattr(value, "isoformat") else value
    return urlencode(query)


def _tier_note(tiers: dict) -> str | None:
    """"sentiment: lexicon tier (accuracy …)" for a trend."""
    if not tiers:
        return None
    return tier_summary(list(tiers.items())).get("text")


def _keywords(scope):
    found = queries.keywords_by_period(scope)
    if not found:
        return found
    return {charts.period_label(day, scope.grain): words for day, words in found.items()}


def home(request):
    """The listening home page: what the corpus holds, dossiers by how much is said about them,
    new alerts and the latest mentions of the organisation."""
    con = queries._connection()
    try:
        total, first, last = con.execute(
            "SELECT count(*), min(published), max(published) FROM items").fetchone()
    finally:
        con.close()
    weeks = {row["dossier"]: row for row in DossierWeek.objects.values("dossier").annotate(
        texts=Sum("items"), scored=Sum("scored"), positive=Sum("positive"), negative=Sum("negative"))}
    themes = Theme.objects.prefetch_related("dossiers")
    rows = []
    for theme in themes:
        for dossier in theme.dossiers.all():
            row = weeks.get(dossier.pk, {})
            rows.append({"theme": theme, "dossier": dossier, "texts": row.get("texts") or 0,
                         "positive": row.get("positive") or 0, "negative": row.get("negative") or 0})
    return render(request, "listening/home.html", {
        "total": total, "first": first, "last": last, "rows": rows, "themes": themes,
        "new_alerts": Alert.objects.filter(status="new").count(),
        "mentions": Mention.objects.select_related("output")[:8],
    })


def trend_page(request, kind, pk):
    subject = _subject(kind, pk)
    form = TrendForm(request.GET or None)
    scope = form.scope(**_scope_kwargs(kind, subject))
    # The trend page shows everything in range; a point is for the texts page.
    scope = scope.point(None)
    measure = form.value("measure") or "volume"
    trend = queries.trend(scope, measure)
    texts_url = reverse("listening:texts", args=[kind, pk])
    base = _kept(request, *SCOPE_PARAMS, grain=scope.grain)

    def link(period, group=None, frame=None, tone=None):
        extra = {"period": period.isoformat()}
        if scope.by and group is not None:
            extra["group"] = group
        if frame:
            extra["frame"] = frame
        if tone:
            extra["tone"] = tone
        return f"{texts_url}?{base}&{urlencode(extra)}"

    here = request.path
    switches = {
        name: [{"value": value, "label": label,
                "url": f"{here}?{_kept(request, *SCOPE_PARAMS, **{name: value or None})}",
                "current": (form.value(name) or "") == value}
               for value, label in form.fields[name].choices]
        for name in ("grain", "measure", "by")
    }
    exports = {what: f"{reverse('listening:export', args=[kind, pk])}?{base}&what={what}"
               for what in ("trend", "items")}
    context = {
        "subject": subject, "kind": kind, "form": form, "trend": trend, "scope": scope,
        "measure": measure, "chart": charts.build(trend, link), "switches": switches,
        "exports": exports, "tiers": sorted(trend.tiers.items(), key=lambda t: -t[1]),
        "tier_note": _tier_note(trend.tiers),
        "own_mentions": queries.own_mentions(scope),
        "keywords": _keywords(scope) if measure == "volume" else None,
        "texts_url": f"{texts_url}?{base}",
    }
    fragment = request.htmx and not request.htmx.history_restore_request
    return render(request, "listening/trend.html#trend" if fragment else "listening/trend.html", context)


def texts_page(request, kind, pk):
    """The texts behind a chart point (or the whole trend), newest first, a page at a time."""
    subject = _subject(kind, pk)
    form = TrendForm(request.GET or None)
    scope = form.scope(**_scope_kwargs(kind, subject))
    page = request.GET.get("page", "1")
    page = int(page) if page.isdigit() and int(page) > 0 else 1
    rows, total = queries.items_at(scope, page=page, page_size=TEXTS_PAGE)
    pages = max(1, -(-total // TEXTS_PAGE))
    keep = ("grain", "measure", "by", "date_from", "date_to", "period", "group", "frame", "tone")
    point = []
    if scope.period:
        point.append(charts.period_label(scope.period, scope.grain))
    if scope.by and scope.group is not None:
        point.append(f"{form.fields['by'].choices and dict(form.fields['by'].choices)[scope.by]}: "
                     f"{charts.group_label(scope.group, 'volume')}")
    if scope.frame:
        point.append(_("frame: %(frame)s") % {"frame": charts.group_label(scope.frame, "frames")})
    if scope.tone:
        point.append(_("tone: %(tone)s") % {"tone": dict(charts.TONES)[scope.tone]})
    return render(request, "listening/texts.html", {
        "subject": subject, "kind": kind, "rows": rows, "total": total, "page": page,
        "pages": pages, "point": point,
        "previous": f"?{_kept(request, *keep, page=page - 1)}" if page > 1 else None,
        "next": f"?{_kept(request, *keep, page=page + 1)}" if page < pages else None,
        "back": f"{reverse('listening:trend', args=[kind, subject.pk])}?{_kept(request, *SCOPE_PARAMS)}",
        "export": (f"{reverse('listening:export', args=[kind, subject.pk])}?"
                   f"{_kept(request, *keep)}&what=items"),
    })


def _mentions(request):
    form = MentionFilterForm(request.GET or None)
    mentions = Mention.objects.select_related("output", "dossier")
    if form.is_valid():
        data = form.cleaned_data
        if data["target"]:
            mentions = mentions.filter(target_kind=data["target"])
        if data["tone"]:
            mentions = mentions.filter(sentiment_label=data["tone"])
        if data["dossier"]:
            mentions = mentions.filter(dossier=data["dossier"])
        if data["q"]:
            mentions = mentions.filter(Q(author__icontains=data["q"]) | Q(party__icontains=data["q"])
                                       | Q(source__icontains=data["q"]) | Q(channel__icontains=data["q"]))
    return form, mentions


def mentions_page(request):
    """Who mentions the organisation or its reports, where and with what tone."""
    form, mentions = _mentions(request)
    who = (mentions.values("author", "party", "source").annotate(n=Count("item_id", distinct=True),
                                                                  tone=Avg("sentiment"))
           .order_by("-n", "author")[:10])
    return render(request, "listening/mentions.html", {
        "form": form, "who": who, "page": Paginator(mentions, LIST_PAGE).get_page(request.GET.get("page")),
        "query": _kept(request, "target", "tone", "dossier", "q"),
    })


def _alerts(request):
    form = AlertFilterForm(request.GET or None)
    alerts = Alert.objects.select_related("dossier", "output", "status_by")
    status = "open"
    if form.is_valid():
        data = form.cleaned_data
        status = data["status"] or "open"
        if data["kind"]:
            alerts = alerts.filter(kind=data["kind"])
        if data["dossier"]:
            alerts = alerts.filter(dossier=data["dossier"])
    if status == "open":
        alerts = alerts.exclude(status="dismissed")
    elif status != "all":
        alerts = alerts.filter(status=status)
    return form, alerts


def alerts_page(request):
    form, alerts = _alerts(request)
    return render(request, "listening/alerts.html", {
        "form": form, "page": Paginator(alerts, LIST_PAGE).get_page(request.GET.get("page")),
        "query": _kept(request, "status", "kind", "dossier"),
    })


@require_POST
def alert_status(request):
    require_record_editor(request.user)
    form = AlertStatusForm(request.POST)
    if not form.is_valid():
        return render(request, "listening/_alert_error.html", {"form": form}, status=400)
    alert = get_object_or_404(Alert.objects.all(), pk=form.cleaned_data["alert"])
    do_set_alert_status(request.user, alert, form.cleaned_data["status"])
    if request.htmx:
        return render(request, "listening/alerts.html#alert", {"alert": alert})
    back = request.POST.get("next", "")
    if url_has_allowed_host_and_scheme(back, allowed_hosts={request.get_host()},
                                       require_https=request.is_secure()):
        return redirect(back)
    return redirect("listening:alerts")


def export(request, kind, pk):
    """A trend table or the texts behind it (`what=trend|items`) as CSV or Excel."""
    what = request.GET.get("what", "items")
    fmt = request.GET.get("format", "csv")
    if kind in ("dossier", "theme"):
        subject = _subject(kind, pk)
        form = TrendForm(request.GET or None)
        scope = form.scope(**_scope_kwargs(kind, subject))
        name = f"{kind}-{subject.pk}"
        if what == "trend":
            trend = queries.trend(scope.point(None), form.value("measure") or "volume")
            headers = [_("Period start"), _("Slice or frame"), _("Texts"), _("With sentiment"),
                       _("Mean sentiment"), _("Negative"), _("Neutral"), _("Positive")]
            rows = [(p.period, p.group, p.items, p.scored, p.mean_sentiment, p.negative, p.neutral,
                     p.positive) for p in trend.points]
            return table_response(f"{name}-trend", headers, rows, fmt)
        columns, rows = queries.items_for_export(scope)
        return table_response(f"{name}-texts", columns, rows, fmt)
    if kind == "mentions":
        _form, mentions = _mentions(request)
        headers = [_("Published"), _("Mentions"), _("Reference"), _("Words"), _("Source"),
                   _("Kind of text"), _("Channel"), _("Author"), _("Party"), _("Language"),
                   _("Tone"), _("Sentiment"), _("Sentiment tier"), _("Title"), _("Snippet"),
                   _("Output"), _("Dossier"), _("Link")]
        rows = ((m.published, m.get_target_kind_display(), m.ref, m.matched, m.source, m.kind,
                 m.channel, m.author, m.party, m.lang, m.get_sentiment_label_display(), m.sentiment,
                 m.sentiment_tier, m.title, m.snippet, str(m.output or ""), str(m.dossier or ""),
                 m.url) for m in mentions.iterator(chunk_size=2000))
        return table_response("mentions", headers, rows, fmt)
    if kind == "alerts":
        _form, alerts = _alerts(request)
        headers = [_("Published"), _("Kind"), _("Status"), _("Dossier"), _("Output"), _("Title"),
                   _("Author"), _("Party"), _("Source"), _("Snippet"), _("Link")]
        rows = ((a.published, a.get_kind_display(), a.get_status_display(), str(a.dossier or ""),
                 str(a.output or ""), a.title, a.author, a.party, a.source, a.snippet, a.url)
                for a in alerts)
        return table_response("alerts", headers, rows, fmt)
    raise Http404
