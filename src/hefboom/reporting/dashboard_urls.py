from django.urls import path

from hefboom.reporting import dashboard_views as views

urlpatterns = [
    path("", views.dashboard_home, name="dashboard_home"),
    path("<int:programme_id>/<int:year>/", views.dashboard, name="dashboard"),
    path("<int:programme_id>/<int:year>/download/<str:fmt>/", views.download, name="download"),
]
