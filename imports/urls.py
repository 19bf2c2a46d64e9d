from django.urls import path

from imports import views

app_name = "imports"

urlpatterns = [
    path("", views.import_start, name="start"),
    path("spara/", views.import_save, name="save"),
    path("bifoga-uppfoljning/", views.import_attach, name="attach"),
]
