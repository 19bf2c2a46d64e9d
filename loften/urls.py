from django.contrib import admin
from django.urls import include, path
from django.views.i18n import set_language

urlpatterns = [
    path("", include("portal.urls")),
    path("arbete/", include("promises.urls")),
    path("konto/", include("accounts.urls")),
    path("sprak/", set_language, name="set_language"),
    path("admin/", admin.site.urls),
]
