from django.urls import path

from documents import views

app_name = "documents"

urlpatterns = [
    path("kommun/<slug:slug>/<int:year>/<docformat:fmt>/", views.public_promise, name="promise"),
    path(
        "kommun/<slug:slug>/<int:year>/uppfoljning/<int:number>/<docformat:fmt>/",
        views.public_follow_up,
        name="follow_up",
    ),
    path(
        "kommun/<slug:slug>/<int:year>/utvardering/<docformat:fmt>/",
        views.public_evaluation,
        name="evaluation",
    ),
    path(
        "kommun/<slug:slug>/lagesbild/<int:year>/<docformat:fmt>/",
        views.public_picture,
        name="picture",
    ),
    path(
        "arbete/dokument/loften/<int:pk>/<docformat:fmt>/",
        views.staff_promise,
        name="staff_promise",
    ),
    path(
        "arbete/dokument/uppfoljning/<int:pk>/<docformat:fmt>/",
        views.staff_follow_up,
        name="staff_follow_up",
    ),
    path(
        "arbete/dokument/utvardering/<int:pk>/<docformat:fmt>/",
        views.staff_evaluation,
        name="staff_evaluation",
    ),
]
