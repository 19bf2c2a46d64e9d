"""The API against its own OpenAPI description: whatever schemathesis asks, no server error,
and every answer matches the schema."""

from typing import Any

import pytest
import schemathesis
from hypothesis import HealthCheck
from hypothesis import settings as hypothesis_settings

from api.v1 import api
from loften.wsgi import application

from .conftest import OpenData

# The description the API serves at /api/v1/openapi.json, called in-process through WSGI.
schema = schemathesis.openapi.from_dict(api.get_openapi_schema(path_prefix="/api/v1"))
schema.app = application


@pytest.fixture(autouse=True)
def _localhost(settings: Any) -> None:
    """Schemathesis calls the app as localhost."""
    settings.ALLOWED_HOSTS = ["testserver", "localhost"]


@schema.parametrize()
@hypothesis_settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
def test_the_api_keeps_its_own_description(case: Any, open_data: OpenData) -> None:
    case.call_and_validate()
