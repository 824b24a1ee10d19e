"""Hefboom's URL map: one include per domain app."""

from django.conf import settings
from django.conf.urls.static import static
from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_not_required
from django.templatetags.static import static as static_url
from django.urls import include, path
from django.views.generic import RedirectView
from django.views.i18n import set_language

urlpatterns = [
    path("", include("hefboom.core.urls")),
    path("strategy/", include("hefboom.strategy.urls")),
    path("monitoring/", include("hefboom.monitoring.urls")),
    path("actors/", include("hefboom.actors.urls")),
    path("learning/", include("hefboom.learning.urls")),
    path("search/", include("hefboom.search.urls")),
    path("evaluation/", include("hefboom.evaluation.urls")),
    path("reporting/", include("hefboom.reporting.urls")),
    path("coverage/", include("hefboom.coverage.urls")),
    path("network/", include("hefboom.network.urls")),
    path("privacy/", include("hefboom.privacy.urls")),
    path("plans/", include("hefboom.plans.urls")),
    path("synergy/", include("hefboom.synergy.urls")),
    path("listening/", include("hefboom.listening.urls")),
    path("uptake/", include("hefboom.uptake.urls")),
    path("import/excel/", include("hefboom.imports.excel.urls")),
    path("import/calendar/", include("hefboom.imports.calendar.urls")),
    path("account/", include("hefboom.accounts.urls")),
    path("login/", auth_views.LoginView.as_view(), name="login"),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("i18n/setlang/", login_not_required(set_language), name="set_language"),
    path("admin/", admin.site.urls),
    # Browsers ask for /favicon.ico on pages that name no icon (the admin site's).
    path("favicon.ico", login_not_required(RedirectView.as_view(
        url=static_url("hefboom/favicon.svg"), permanent=True))),
]

if settings.DEBUG:
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
