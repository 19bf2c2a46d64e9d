from django.urls import path

from followup import views

app_name = "followup"

urlpatterns = [
    path("paminnelser/", views.preferences, name="preferences"),
    path("loften/<int:promise_pk>/period/<int:number>/", views.start, name="start"),
    path("<int:pk>/", views.detail, name="detail"),
    path("<int:pk>/las-om-siffrorna/", views.refresh, name="refresh"),
    path("<int:pk>/godkann/", views.approve, name="approve"),
    path("<int:pk>/kontrasignera/", views.cosign, name="cosign"),
    path("<int:pk>/tillbaka/", views.send_back, name="send_back"),
]
