from django.urls import path

from hefboom.actors import views

app_name = "actors"
urlpatterns = [
    path("persons/", views.person_list, name="persons"),
    path("persons/<int:pk>/", views.person_detail, name="person"),
    path("organisations/", views.organisation_list, name="organisations"),
    path("organisations/<int:pk>/", views.organisation_detail, name="organisation"),
    path("options/persons/", views.person_options, name="person_options"),
    path("options/organisations/", views.organisation_options, name="organisation_options"),
    path("new/person/", views.person_create, name="person_create"),
    path("new/organisation/", views.organisation_create, name="organisation_create"),
]
