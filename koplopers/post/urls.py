from django.urls import path

from . import views

app_name = "post"

urlpatterns = [
    path("", views.BerichtListView.as_view(), name="berichten"),
    path("<int:pk>/opnieuw/", views.BerichtOpnieuwView.as_view(), name="opnieuw"),
]
