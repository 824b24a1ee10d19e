"""URLs: follow-ups of contacts and the personal list (joined into the monitoring namespace)."""

from django.urls import path

from hefboom.monitoring import followup_views

urlpatterns = [
    path("follow-ups/", followup_views.personal_list, name="follow_ups"),
    path("follow-ups/digest/", followup_views.digest_setting, name="follow_up_digest"),
    path("follow-ups/service/", followup_views.service_setting, name="my_service"),
    path("contacts/<int:pk>/follow-ups/new/", followup_views.follow_up_create,
         name="follow_up_create"),
    path("follow-ups/<int:pk>/done/", followup_views.follow_up_complete, name="follow_up_done"),
    path("follow-ups/<int:pk>/reopen/", followup_views.follow_up_reopen,
         name="follow_up_reopen"),
    path("follow-ups/<int:pk>/change/", followup_views.follow_up_reassign,
         name="follow_up_change"),
]
