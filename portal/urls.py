from django.urls import path

from portal import views

app_name = "portal"

urlpatterns = [
    path("", views.home, name="home"),
    path("integritet/", views.privacy, name="privacy"),
    path("kommun/<slug:slug>/", views.municipality, name="municipality"),
    path("kommun/<slug:slug>/<int:year>/", views.promise, name="promise"),
    path("kommun/<slug:slug>/lagesbild/<int:year>/", views.situation, name="situation"),
    path("kommun/<slug:slug>/<int:year>/utskrift/", views.promise_print, name="promise_print"),
    path("kommun/<slug:slug>/<int:year>/utvardering/", views.evaluation, name="evaluation"),
    path(
        "kommun/<slug:slug>/<int:year>/uppfoljning/<int:number>/",
        views.follow_up,
        name="follow_up",
    ),
]
