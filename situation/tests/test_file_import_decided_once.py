"""A checked file is stored once, however many times "Store all" is sent at the same moment
(a double click, two tabs): the other requests are told it was dealt with."""

from typing import Any

import pytest
from django.core.exceptions import ValidationError

from conftest import Cast, at_once, needs_postgres
from imports.models import FileImport, FileImportStatus
from places.models import Municipality
from situation.models import CrimeStatistic
from situation.services.files import file_import_decide, file_import_start


def _checked_file(user: Any, rows: int) -> FileImport:
    eslov = Municipality.objects.get(slug="eslov")
    lines = ["kommun;år;brottskategori;antal"] + [
        f"{eslov.code};{2000 + n % 20};Kategori {n // 20};{n}" for n in range(rows)
    ]
    run = file_import_start(
        municipality=eslov,
        kind="crime_statistics",
        file_name="brott.csv",
        data="\n".join(lines).encode(),
        by=user,
    )
    assert run.status == FileImportStatus.CHECKED, run.errors[:3]
    return run


@needs_postgres
@pytest.mark.django_db(transaction=True)
def test_store_all_sent_three_times_at_once_stores_the_file_once(
    reference_data: None, cast: Cast
) -> None:
    user = cast.coordinator
    run = _checked_file(user, 300)
    # Each request read the import before any decided, as three open pages do.
    copies = [FileImport.objects.get(pk=run.pk) for _ in range(3)]
    errors = at_once(
        *(
            lambda copy=copy: file_import_decide(run=copy, action="store_all", by=user)
            for copy in copies
        )
    )
    assert CrimeStatistic.objects.count() == 300
    # The two late requests are told so in words (the threads speak Swedish, the default).
    assert [type(e) for e in errors] == [ValidationError, ValidationError]
    assert FileImport.objects.get(pk=run.pk).status == FileImportStatus.STORED


@pytest.mark.django_db
def test_a_file_once_stored_cannot_be_cancelled_or_stored_again_by_a_stale_page(
    cast: Cast,
) -> None:
    user = cast.coordinator
    run = _checked_file(user, 5)
    stale = FileImport.objects.get(pk=run.pk)
    file_import_decide(run=run, action="store_all", by=user)
    for action in ("store_all", "cancel"):
        with pytest.raises(ValidationError, match="already been dealt with"):
            file_import_decide(run=FileImport.objects.get(pk=stale.pk), action=action, by=user)
    assert CrimeStatistic.objects.count() == 5
