"""The API against its own OpenAPI description: whatever schemathesis asks, no server error,
and every answer matches the schema."""

from collections.abc import Iterator
from typing import Any

import pytest
import schemathesis
from django.core import signals
from django.db import close_old_connections
from hypothesis import HealthCheck
from hypothesis import settings as hypothesis_settings

from api.v1 import api
from loften.wsgi import application

from .conftest import OpenData

# The description the API serves at /api/v1/openapi.json, called in-process through WSGI.
schema = schemathesis.openapi.from_dict(api.get_openapi_schema(path_prefix="/api/v1"))
schema.app = application


@pytest.fixture(autouse=True)
def _as_the_test_client_does(settings: Any) -> Iterator[None]:
    """Schemathesis calls the WSGI app as localhost. The app closes the database connection
    at the end of each request, which would end the test's transaction on PostgreSQL; the
    test client keeps it open the same way, by not listening for those signals."""
    settings.ALLOWED_HOSTS = ["testserver", "localhost"]
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    yield
    signals.request_started.connect(close_old_connections)
    signals.request_finished.connect(close_old_connections)


@schema.parametrize()
@hypothesis_settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
def test_the_api_keeps_its_own_description(case: Any, open_data: OpenData) -> None:
    case.call_and_validate()
