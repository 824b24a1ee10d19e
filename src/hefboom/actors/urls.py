from django.urls import path

from hefboom.actors import views

app_name = "actors"
urlpatterns = [
    path("persons/", views.person_list, name="persons"),
    path("persons/<int:pk>/", views.person_detail, name="person"),
    path("persons/<int:pk>/roles/", views.role_add, name="role_add"),
    path("persons/<int:pk>/merge/", views.person_merge, name="person_merge"),
    path("roles/<int:pk>/end/", views.role_end, name="role_end"),
    path("organisations/", views.organisation_list, name="organisations"),
    path("organisations/<int:pk>/", views.organisation_detail, name="organisation"),
    path("organisations/<int:pk>/memberships/", views.membership_add, name="membership_add"),
    path("memberships/<int:pk>/", views.membership_edit, name="membership_edit"),
    path("memberships/<int:pk>/end/", views.membership_end, name="membership_end"),
    path("governments/", views.government_list, name="governments"),
    path("governments/<int:pk>/", views.government_detail, name="government"),
    path("options/persons/", views.person_options, name="person_options"),
    path("options/organisations/", views.organisation_options, name="organisation_options"),
    path("options/partners/", views.partner_options, name="partner_options"),
    path("new/person/", views.person_create, name="person_create"),
    path("new/organisation/", views.organisation_create, name="organisation_create"),
]
