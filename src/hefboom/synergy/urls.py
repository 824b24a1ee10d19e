from django.urls import path

from hefboom.synergy import views

app_name = "synergy"
urlpatterns = [
    path("", views.overview, name="overview"),
    path("members/", views.members, name="members"),
    path("members/export.xlsx", views.member_export, name="member_export"),
    path("members/<int:pk>/", views.member, name="member"),
]
