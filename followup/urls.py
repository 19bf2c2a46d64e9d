from django.urls import path

from followup import views

app_name = "followup"

urlpatterns = [
    path("paminnelser/", views.preferences, name="preferences"),
    path("loften/<key:promise_pk>/period/<key:number>/", views.start, name="start"),
    path("<key:pk>/", views.detail, name="detail"),
    path("<key:pk>/<docformat:fmt>/", views.follow_up_download, name="download"),
    path("<key:pk>/las-om-siffrorna/", views.refresh, name="refresh"),
    path("<key:pk>/godkann/", views.approve, name="approve"),
    path("<key:pk>/kontrasignera/", views.cosign, name="cosign"),
    path("<key:pk>/tillbaka/", views.send_back, name="send_back"),
    path("loften/<key:promise_pk>/utvardering/", views.evaluation_start, name="evaluation_start"),
    path("utvardering/<key:pk>/", views.evaluation, name="evaluation"),
    path(
        "utvardering/<key:pk>/<docformat:fmt>/",
        views.evaluation_download,
        name="evaluation_download",
    ),
    path(
        "utvardering/<key:pk>/las-om-siffrorna/",
        views.evaluation_refresh,
        name="evaluation_refresh",
    ),
    path(
        "utvardering/<key:pk>/forhandsvisning/",
        views.evaluation_preview,
        name="evaluation_preview",
    ),
    path("utvardering/<key:pk>/godkann/", views.evaluation_approve, name="evaluation_approve"),
    path("utvardering/<key:pk>/oppna-igen/", views.evaluation_reopen, name="evaluation_reopen"),
    path(
        "utvardering/<key:pk>/for-over/", views.evaluation_carry_over, name="evaluation_carry_over"
    ),
]
