from django.urls import path

from promises import views

app_name = "promises"

urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("loften/nytt/", views.promise_create, name="promise_create"),
    path("loften/<int:pk>/", views.promise_detail, name="promise_detail"),
    path("loften/<int:pk>/<docformat:fmt>/", views.promise_download, name="promise_download"),
    path("loften/<int:pk>/redigera/", views.promise_edit, name="promise_edit"),
    path("loften/<int:pk>/status/", views.promise_status, name="promise_status"),
    path("loften/<int:pk>/aterkalla/", views.promise_withdraw, name="promise_withdraw"),
    path("loften/<int:pk>/kopiera/", views.promise_copy, name="promise_copy"),
    path("loften/<int:pk>/radera/", views.promise_delete, name="promise_delete"),
    path("loften/<int:pk>/forhandsvisning/", views.promise_preview, name="promise_preview"),
    path("loften/<int:pk>/godkann/", views.promise_approve, name="promise_approve"),
    path("loften/<int:pk>/atagande/nytt/", views.commitment_form, name="commitment_create"),
    path(
        "loften/<int:pk>/atagande/<int:commitment_pk>/",
        views.commitment_form,
        name="commitment_edit",
    ),
    path(
        "loften/<int:pk>/atagande/<int:commitment_pk>/ta-bort/",
        views.commitment_delete,
        name="commitment_delete",
    ),
    path(
        "loften/<int:pk>/atagande/<int:commitment_pk>/flytta/",
        views.commitment_move,
        name="commitment_move",
    ),
    path("loften/<int:pk>/aktivitet/ny/", views.activity_form, name="activity_create"),
    path("loften/<int:pk>/aktivitet/<int:activity_pk>/", views.activity_form, name="activity_edit"),
    path(
        "loften/<int:pk>/aktivitet/<int:activity_pk>/ta-bort/",
        views.activity_delete,
        name="activity_delete",
    ),
    path(
        "loften/<int:pk>/aktivitet/<int:activity_pk>/flytta/",
        views.activity_move,
        name="activity_move",
    ),
    path("overenskommelser/ny/", views.agreement_form, name="agreement_create"),
    path("overenskommelser/<int:pk>/", views.agreement_form, name="agreement_edit"),
    path("rapportera/", views.report_choose, name="report_choose"),
    path("rapportera/<int:activity_pk>/", views.report_create, name="report_create"),
    path(
        "rapportera/<int:activity_pk>/tillfalle/ny/",
        views.occasion_form,
        name="occasion_create",
    ),
    path("tillfallen/<int:pk>/", views.occasion_form, name="occasion_edit"),
    path("tillfallen/<int:pk>/ta-bort/", views.occasion_delete, name="occasion_delete"),
    path("rapporter/", views.report_list, name="report_list"),
    path("rapporter/<int:pk>/", views.report_edit, name="report_edit"),
    path("rapporter/<int:pk>/ta-bort/", views.report_remove, name="report_remove"),
    path("rapporter/<int:pk>/aterstall/", views.report_restore, name="report_restore"),
]
