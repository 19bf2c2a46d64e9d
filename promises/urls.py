from django.urls import path

from promises import views

app_name = "promises"

urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("loften/nytt/", views.promise_create, name="promise_create"),
    path("loften/<key:pk>/", views.promise_detail, name="promise_detail"),
    path("loften/<key:pk>/<docformat:fmt>/", views.promise_download, name="promise_download"),
    path("loften/<key:pk>/redigera/", views.promise_edit, name="promise_edit"),
    path("loften/<key:pk>/status/", views.promise_status, name="promise_status"),
    path("loften/<key:pk>/aterkalla/", views.promise_withdraw, name="promise_withdraw"),
    path("loften/<key:pk>/kopiera/", views.promise_copy, name="promise_copy"),
    path("loften/<key:pk>/radera/", views.promise_delete, name="promise_delete"),
    path("loften/<key:pk>/forhandsvisning/", views.promise_preview, name="promise_preview"),
    path("loften/<key:pk>/godkann/", views.promise_approve, name="promise_approve"),
    path("loften/<key:pk>/atagande/nytt/", views.commitment_form, name="commitment_create"),
    path(
        "loften/<key:pk>/atagande/<key:commitment_pk>/",
        views.commitment_form,
        name="commitment_edit",
    ),
    path(
        "loften/<key:pk>/atagande/<key:commitment_pk>/ta-bort/",
        views.commitment_delete,
        name="commitment_delete",
    ),
    path(
        "loften/<key:pk>/atagande/<key:commitment_pk>/flytta/",
        views.commitment_move,
        name="commitment_move",
    ),
    path("loften/<key:pk>/aktivitet/ny/", views.activity_form, name="activity_create"),
    path("loften/<key:pk>/aktivitet/<key:activity_pk>/", views.activity_form, name="activity_edit"),
    path(
        "loften/<key:pk>/aktivitet/<key:activity_pk>/ta-bort/",
        views.activity_delete,
        name="activity_delete",
    ),
    path(
        "loften/<key:pk>/aktivitet/<key:activity_pk>/flytta/",
        views.activity_move,
        name="activity_move",
    ),
    path("overenskommelser/ny/", views.agreement_form, name="agreement_create"),
    path("overenskommelser/<key:pk>/", views.agreement_form, name="agreement_edit"),
    path("rapportera/", views.report_choose, name="report_choose"),
    path("rapportera/<key:activity_pk>/", views.report_create, name="report_create"),
    path(
        "rapportera/<key:activity_pk>/tillfalle/ny/",
        views.occasion_form,
        name="occasion_create",
    ),
    path("tillfallen/<key:pk>/", views.occasion_form, name="occasion_edit"),
    path("tillfallen/<key:pk>/ta-bort/", views.occasion_delete, name="occasion_delete"),
    path("rapporter/", views.report_list, name="report_list"),
    path("rapporter/<key:pk>/", views.report_edit, name="report_edit"),
    path("rapporter/<key:pk>/ta-bort/", views.report_remove, name="report_remove"),
    path("rapporter/<key:pk>/aterstall/", views.report_restore, name="report_restore"),
]
