from django.urls import path

from situation import evidence_views, views

app_name = "situation"

# Fixed words first: "motivering/12/" would otherwise read as municipality and year.
urlpatterns = [
    path("", views.picture_choose, name="choose"),
    path("motivering/<key:promise_pk>/", views.motivation_edit, name="motivation"),
    path("inlasning/vagledning/", evidence_views.file_guide, name="file_guide"),
    path("inlasning/<key:pk>/", evidence_views.file_import, name="file_import"),
    path("inlasning/<key:pk>/angra/", evidence_views.file_import_undo, name="file_import_undo"),
    path("post/<str:kind>/<key:pk>/andra/", evidence_views.record_correct, name="record_correct"),
    path(
        "post/<str:kind>/<key:pk>/ta-tillbaka/",
        evidence_views.record_withdraw,
        name="record_withdraw",
    ),
    path(
        "rattning/<str:kind>/<key:pk>/",
        views.classification_correct,
        name="classification_correct",
    ),
    path("<slug:slug>/", views.picture_latest, name="latest"),
    path("<slug:slug>/klagomal/nytt/", evidence_views.complaint_create, name="complaint_create"),
    path("<slug:slug>/dialog/ny/", evidence_views.dialogue_create, name="dialogue_create"),
    path("<slug:slug>/inlasning/", evidence_views.file_upload, name="file_upload"),
    path("<slug:slug>/<year:year>/", views.picture, name="picture"),
    path("<slug:slug>/<year:year>/csv/", views.picture_csv, name="picture_csv"),
    path("<slug:slug>/<year:year>/<docformat:fmt>/", views.picture_download, name="download"),
    path("<slug:slug>/<year:year>/karta/", views.picture_map, name="map"),
    path("<slug:slug>/<year:year>/karta.json", views.picture_map_data, name="map_data"),
    path(
        "<slug:slug>/<year:year>/poster/<str:source>/<str:problem>/",
        views.picture_records,
        name="records",
    ),
    path("<slug:slug>/<year:year>/publicera/", views.publish_preview, name="publish_preview"),
    path("<slug:slug>/<year:year>/publicera/godkann/", views.picture_approve, name="approve"),
    path(
        "<slug:slug>/<year:year>/publicera/ta-tillbaka/",
        views.picture_approval_discard,
        name="approval_discard",
    ),
    path("<slug:slug>/<year:year>/avpublicera/", views.picture_unpublish, name="unpublish"),
]
