"""The people a change history names (who approved, co-signed, published, reopened,
created) are labelled in Swedish, not by their English field names."""

import pytest
from django.db.models import Field, Model
from django.utils import translation

from followup.models import Evaluation, FollowUp
from promises.models import Occasion


@pytest.mark.parametrize(
    ("model", "name", "swedish"),
    [
        (FollowUp, "approved_by", "godkänd av"),
        (FollowUp, "cosigned_by", "kontrasignerad av"),
        (Evaluation, "published_by", "publicerad av"),
        (Evaluation, "reopened_by", "öppnad igen av"),
        (Occasion, "created_by", "skapad av"),
    ],
)
def test_people_in_the_history_are_named_in_swedish(
    model: type[Model], name: str, swedish: str
) -> None:
    with translation.override("sv"):
        field = model._meta.get_field(name)
        assert isinstance(field, Field)
        assert str(field.verbose_name) == swedish
