"""Plans pages (`views.py`), the steering-group page and political moments
(`steering_urls.py`)."""

from django.urls import path

from hefboom.plans import steering_urls, views

app_name = "plans"
urlpatterns: list = [
    path("", views.index, name="index"),
    path("dossier/<int:pk>/", views.dossier_plans, name="dossier"),
    path("dossier/<int:pk>/new/", views.plan_create, name="plan_create"),
    path("<int:pk>/", views.plan_detail, name="plan"),
    path("<int:pk>/edit/", views.plan_edit, name="plan_edit"),
    path("<int:pk>/copy/", views.plan_copy, name="plan_copy"),
    path("<int:pk>/history/", views.history, name="history"),
    path("<int:pk>/objectives/new/", views.objective_create, name="objective_create"),
    path("objective/<int:pk>/edit/", views.objective_edit, name="objective_edit"),
    path("<int:pk>/steps/new/", views.step_create, name="step_create"),
    path("step/<int:pk>/", views.step_detail, name="step"),
    path("step/<int:pk>/edit/", views.step_edit, name="step_edit"),
    path("step/<int:pk>/delete/", views.step_delete, name="step_delete"),
    path("step/<int:pk>/link/", views.step_link, name="step_link"),
    path("step/<int:pk>/unlink/", views.step_unlink, name="step_unlink"),
] + steering_urls.urlpatterns
