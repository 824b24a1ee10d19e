"""URL patterns of labelling (under /listening/labels/, in the listening namespace)."""

from django.urls import path

from hefboom.listening import label_views

urlpatterns = [
    path("", label_views.queue, name="label_queue"),
    path("label/", label_views.label, name="label_item"),
    path("model/", label_views.model_state, name="label_model"),
    path("model/train/", label_views.train, name="label_train"),
]
