from django.urls import path

from . import views

app_name = "gemeenten"

urlpatterns = [
    path("", views.KoploperListView.as_view(), name="lijst"),
    path("<slug:slug>/", views.KoploperDetailView.as_view(), name="profiel"),
]
