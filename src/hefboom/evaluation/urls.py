from django.urls import path

from hefboom.evaluation import views

app_name = "evaluation"
urlpatterns = [
    path("", views.evaluation_list, name="evaluations"),
    path("completeness/", views.completeness_view, name="completeness"),
    path("<int:pk>/", views.matrix, name="matrix"),
    path("<int:pk>/evidence-pack.zip", views.evidence_pack, name="evidence_pack"),
    path("tag/<str:kind>/<int:pk>/", views.tag, name="tag"),
    path("tags/<int:pk>/remove/", views.untag, name="untag"),
]
