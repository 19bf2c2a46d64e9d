"""Every typed text has a most number of characters, so a form names the limit instead of
storing megabytes: a 2 MB note sent past the browser is refused with a message, and what
was typed in the other boxes is kept."""

import pytest
from django.apps import apps
from django.db import models
from django.urls import reverse

from conftest import Cast, client_for
from core.fields import NOTE_LIMIT
from promises.models import ActivityReport

# Not typed by anyone: the police's own event record, kept as it came.
NOT_TYPED = {("situation", "policeevent", "raw")}


def test_every_text_field_has_a_limit() -> None:
    unlimited = [
        f"{model._meta.app_label}.{model.__name__}.{field.name}"
        for model in apps.get_models()
        if model._meta.app_label in {"promises", "situation", "imports", "followup", "accounts"}
        for field in model._meta.get_fields()
        if isinstance(field, models.TextField)
        and field.max_length is None
        and (model._meta.app_label, model._meta.model_name, field.name) not in NOT_TYPED
    ]
    assert unlimited == []


@pytest.mark.django_db
def test_a_two_megabyte_note_is_refused_and_the_rest_is_kept(cast: Cast) -> None:
    url = reverse("promises:report_create", args=[cast.controls.pk])
    response = client_for(cast.reporter, language="sv").post(
        url, {"date": "2017-03-01", "count": "2", "place": "Storgatan", "notes": "ord " * 500_000}
    )
    assert response.status_code == 200
    assert f"som mest {NOTE_LIMIT} tecken" in response.content.decode()
    assert 'value="Storgatan"' in response.content.decode()
    assert not ActivityReport.objects.filter(activity=cast.controls).exists()
