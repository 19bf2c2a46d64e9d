"""WSGI entry point for gunicorn: `gunicorn loften.wsgi`."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "loften.settings")
application = get_wsgi_application()

from accounts.demo_guard import refuse_known_demo_passwords  # noqa: E402

refuse_known_demo_passwords()
