from django.urls import path

from situation import views

app_name = "situation"

urlpatterns = [
    path("", views.picture_choose, name="choose"),
    path("<slug:slug>/", views.picture_latest, name="latest"),
    path("<slug:slug>/<int:year>/", views.picture, name="picture"),
    path("<slug:slug>/<int:year>/csv/", views.picture_csv, name="picture_csv"),
    path(
        "<slug:slug>/<int:year>/poster/<str:source>/<str:problem>/",
        views.picture_records,
        name="records",
    ),
    path("<slug:slug>/<int:year>/publicera/", views.picture_publish, name="publish"),
    path(
        "rattning/<str:kind>/<int:pk>/",
        views.classification_correct,
        name="classification_correct",
    ),
]
