from django.urls import path

from hefboom.strategy import views

app_name = "strategy"
urlpatterns = [
    path("dossiers/", views.dossier_list, name="dossiers"),
    path("dossiers/<int:pk>/", views.dossier_detail, name="dossier"),
    path("options/dossiers/", views.dossier_options, name="dossier_options"),
    path("progress-markers/<int:pk>/", views.progress_marker_detail, name="progress_marker"),
]
