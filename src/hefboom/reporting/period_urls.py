from django.urls import path

from hefboom.reporting import period_views

urlpatterns = [
    path("<int:programme_id>/<int:year>/period/", period_views.period_detail, name="period"),
    path("<int:programme_id>/<int:year>/period/<str:action>/", period_views.period_step,
         name="period_step"),
]
