"""Until the plan pages exist (another part of issue 10), the steering tests link plans and
steps through stand-in URLs; once `plans:plan` and `plans:step` resolve, the real ones are used."""

import pytest
from django.http import HttpResponse
from django.urls import NoReverseMatch, include, path, reverse


def _stand_in(request, pk):
    return HttpResponse()


def _urlpatterns():
    from hefboom import urls as project
    from hefboom.plans import steering_urls

    plans = ([path("<int:pk>/", _stand_in, name="plan"),
              path("step/<int:pk>/", _stand_in, name="step")] + steering_urls.urlpatterns,
             "plans")
    return [path("plans/", include(plans))] + [
        p for p in project.urlpatterns if str(p.pattern) != "plans/"]


@pytest.fixture
def plan_urls(settings):
    try:
        reverse("plans:plan", args=[1])
        reverse("plans:step", args=[1])
    except NoReverseMatch:
        settings.ROOT_URLCONF = "hefboom.plans.tests.steering_support"


def __getattr__(name):
    # Django reads `urlpatterns` only when this module is the URL configuration.
    if name == "urlpatterns":
        return _urlpatterns()
    raise AttributeError(name)
