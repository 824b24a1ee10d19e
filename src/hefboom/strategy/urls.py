from django.urls import path

from hefboom.strategy import views

app_name = "strategy"
urlpatterns = [
    path("dossiers/", views.dossier_list, name="dossiers"),
    path("dossiers/<int:pk>/", views.dossier_detail, name="dossier"),
    path("dossiers/<int:pk>/timeline/", views.dossier_timeline, name="dossier_timeline"),
    path("themes/<int:pk>/", views.theme_detail, name="theme"),
    path("themes/<int:pk>/timeline/", views.theme_timeline, name="theme_timeline"),
    path("boundary-partners/<int:pk>/", views.boundary_partner_detail, name="boundary_partner"),
    path("boundary-partners/<int:pk>/timeline/", views.boundary_partner_timeline,
         name="boundary_partner_timeline"),
    path("options/dossiers/", views.dossier_options, name="dossier_options"),
    path("progress-markers/<int:pk>/", views.progress_marker_detail, name="progress_marker"),
]
