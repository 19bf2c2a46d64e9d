from django.urls import path

from followup import views

app_name = "followup"

urlpatterns = [
    path("paminnelser/", views.preferences, name="preferences"),
    path("loften/<int:promise_pk>/period/<int:number>/", views.start, name="start"),
    path("<int:pk>/", views.detail, name="detail"),
    path("<int:pk>/<docformat:fmt>/", views.follow_up_download, name="download"),
    path("<int:pk>/las-om-siffrorna/", views.refresh, name="refresh"),
    path("<int:pk>/godkann/", views.approve, name="approve"),
    path("<int:pk>/kontrasignera/", views.cosign, name="cosign"),
    path("<int:pk>/tillbaka/", views.send_back, name="send_back"),
    path("loften/<int:promise_pk>/utvardering/", views.evaluation_start, name="evaluation_start"),
    path("utvardering/<int:pk>/", views.evaluation, name="evaluation"),
    path(
        "utvardering/<int:pk>/<docformat:fmt>/",
        views.evaluation_download,
        name="evaluation_download",
    ),
    path(
        "utvardering/<int:pk>/las-om-siffrorna/",
        views.evaluation_refresh,
        name="evaluation_refresh",
    ),
    path(
        "utvardering/<int:pk>/forhandsvisning/",
        views.evaluation_preview,
        name="evaluation_preview",
    ),
    path("utvardering/<int:pk>/godkann/", views.evaluation_approve, name="evaluation_approve"),
    path("utvardering/<int:pk>/oppna-igen/", views.evaluation_reopen, name="evaluation_reopen"),
    path(
        "utvardering/<int:pk>/for-over/", views.evaluation_carry_over, name="evaluation_carry_over"
    ),
]
