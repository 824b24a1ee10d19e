from django.urls import path

from hefboom.network import views

app_name = "network"
urlpatterns = [
    path("", views.overview, name="overview"),
    path("person/<int:pk>/briefing/", views.person_briefing, name="person_briefing"),
    path("organisation/<int:pk>/briefing/", views.organisation_briefing,
         name="organisation_briefing"),
    path("dossier/<int:pk>/", views.dossier_network, name="dossier"),
    path("handover/<int:user_pk>/", views.handover_report, name="handover"),
]
