from django.urls import path

from hefboom.reporting import indicator_views as views

urlpatterns = [
    path("<int:programme_id>/indicators/", views.indicator_list, name="indicators"),
    path("indicators/new/", views.indicator_create, name="indicator_create"),
    path("indicators/<int:pk>/", views.indicator_detail, name="indicator"),
    path("indicators/<int:pk>/edit/", views.indicator_edit, name="indicator_edit"),
    path("indicators/<int:pk>/<int:year>/", views.indicator_values, name="indicator_values"),
]
