from django.conf import settings
from django.contrib import admin
from django.urls import include, path
from django.views.decorators.csrf import csrf_exempt
from django.views.i18n import set_language
from django_ratelimit.decorators import ratelimit

from api.v1 import api as api_v1
from loften.views import healthz, readyz

# A form past DATA_UPLOAD_MAX_MEMORY_SIZE is told its limit (loften/views.py).
handler400 = "loften.views.bad_request"

urlpatterns = [
    path("api/v1/", api_v1.urls),
    path("", include("portal.urls")),
    path("arbete/inlasning/", include("imports.urls")),
    path("arbete/lagesbild/", include("situation.urls")),
    path("arbete/uppfoljning/", include("followup.urls")),
    path("arbete/", include("promises.urls")),
    path("konto/", include("accounts.urls")),
    path(
        "sprak/",
        # CSRF-exempt: the language form is on pages served alike to every visitor from
        # the cache, so it cannot carry one visitor's token; the view only sets the
        # language cookie, and redirects only to this site's own addresses.
        csrf_exempt(ratelimit(key="ip", rate=settings.SEARCH_RATE, method="POST")(set_language)),
        name="set_language",
    ),
    path("admin/", admin.site.urls),
    path("healthz", healthz, name="healthz"),
    path("readyz", readyz, name="readyz"),
]
