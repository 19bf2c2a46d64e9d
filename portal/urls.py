from django.urls import path
from django.views.decorators.http import require_safe

from core.pagecache import cached_page
from portal import feeds, views

app_name = "portal"

urlpatterns = [
    path("", views.home, name="home"),
    path("favicon.ico", views.favicon, name="favicon"),
    path("integritet/", views.privacy, name="privacy"),
    path("tillganglighet/", views.accessibility, name="accessibility"),
    path("sverige/", views.national, name="national"),
    path("sverige/jamfor/", views.compare, name="compare"),
    path("flode/", require_safe(cached_page(feeds.NationalFeed())), name="feed"),
    path("kalender.ics", feeds.national_calendar, name="national_calendar"),
    path("oppna-data/", views.open_data, name="open_data"),
    path("oppna-data/<str:name>.csv", views.open_data_csv, name="open_data_csv"),
    path(
        "kommun/<slug:slug>/flode/",
        require_safe(cached_page(feeds.MunicipalityFeed())),
        name="municipality_feed",
    ),
    path("kommun/<slug:slug>/kalender.ics", feeds.calendar, name="calendar"),
    path("kommun/<slug:slug>/", views.municipality, name="municipality"),
    path("kommun/<slug:slug>/<year:year>/", views.promise, name="promise"),
    path("kommun/<slug:slug>/lagesbild/<year:year>/", views.situation, name="situation"),
    path("kommun/<slug:slug>/<year:year>/utskrift/", views.promise_print, name="promise_print"),
    path("kommun/<slug:slug>/<year:year>/utvardering/", views.evaluation, name="evaluation"),
    path(
        "kommun/<slug:slug>/<year:year>/uppfoljning/<key:number>/",
        views.follow_up,
        name="follow_up",
    ),
    path(
        "kommun/<slug:slug>/<year:year>/<docformat:fmt>/",
        views.promise_download,
        name="promise_download",
    ),
    path(
        "kommun/<slug:slug>/<year:year>/uppfoljning/<key:number>/<docformat:fmt>/",
        views.follow_up_download,
        name="follow_up_download",
    ),
    path(
        "kommun/<slug:slug>/<year:year>/utvardering/<docformat:fmt>/",
        views.evaluation_download,
        name="evaluation_download",
    ),
    path(
        "kommun/<slug:slug>/lagesbild/<year:year>/<docformat:fmt>/",
        views.situation_download,
        name="situation_download",
    ),
]
