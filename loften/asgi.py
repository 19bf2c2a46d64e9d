"""ASGI entry point, with the same refusals at start-up as the WSGI one."""

import os

from django.core.asgi import get_asgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "loften.settings")
application = get_asgi_application()

from loften.startup import refuse_unsafe_start  # noqa: E402

refuse_unsafe_start()
