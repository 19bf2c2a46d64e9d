"""A misspelt field given to a write is refused, never dropped: `promise_create(...,
introdution="x")` used to succeed and lose the text. mypy refuses these calls too, hence
the `type: ignore` on each."""

from collections.abc import Callable
from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest

from audit.models import AuditEvent
from conftest import Cast
from promises import services
from promises.models import CitizenPromise, Commitment, Occasion

EVENING = datetime(2017, 9, 12, 18, tzinfo=ZoneInfo("Europe/Stockholm"))


def _commitment(cast: Cast) -> Commitment:
    return services.commitment_create(promise=cast.draft, by=cast.coordinator, text="Trygghet")


def _occasion(cast: Cast) -> Occasion:
    return services.occasion_create(
        activity=cast.walks, by=cast.coordinator, starts_at=EVENING, place="Torget"
    )


MISSPELT: dict[str, Callable[[Cast], object]] = {
    "promise_create": lambda cast: services.promise_create(
        by=cast.coordinator,
        municipality=cast.eslov,
        police_area=cast.area,
        year=2019,
        title="Medborgarlöfte 2019",
        introdution="x",  # type: ignore[call-arg]
    ),
    "promise_update": lambda cast: services.promise_update(
        promise=cast.draft,
        by=cast.coordinator,
        expected_version=cast.draft.version,
        introdution="x",  # type: ignore[call-arg]
    ),
    "agreement_create": lambda cast: services.agreement_create(
        by=cast.coordinator,
        municipality=cast.eslov,
        police_area=cast.area,
        title="Överenskommelse",
        start_year=2015,
        end_year=2018,
        sumary="x",  # type: ignore[call-arg]
    ),
    "signatory_set": lambda cast: services.signatory_set(
        promise=cast.draft,
        by=cast.coordinator,
        people=[{"name": "Anna Andersson", "titel": "Polischef"}],  # type: ignore[typeddict-item, typeddict-unknown-key]
    ),
    "commitment_update": lambda cast: services.commitment_update(
        commitment=_commitment(cast),
        by=cast.coordinator,
        expected_version=1,
        text="Trygghet",
        positon=2,  # type: ignore[call-arg]
    ),
    "activity_create": lambda cast: services.activity_create(
        promise=cast.draft,
        by=cast.coordinator,
        kind="safety_walk",
        description="Trygghetsvandring",
        targt=4,  # type: ignore[call-arg]
    ),
    "activity_update": lambda cast: services.activity_update(
        activity=cast.walks,
        by=cast.coordinator,
        expected_version=cast.walks.version,
        audience_sise=40,  # type: ignore[call-arg]
    ),
    "occasion_create": lambda cast: services.occasion_create(
        activity=cast.walks,
        by=cast.coordinator,
        starts_at=EVENING,
        place="Torget",
        descripton="x",  # type: ignore[call-arg]
    ),
    "occasion_update": lambda cast: services.occasion_update(
        occasion=_occasion(cast),
        by=cast.coordinator,
        expected_version=1,
        publik=False,  # type: ignore[call-arg]
    ),
    "activity_report_create": lambda cast: services.activity_report_create(
        activity=cast.controls,
        by=cast.reporter,
        date=date(2017, 3, 1),
        breath_test=3,  # type: ignore[call-arg]
    ),
}


@pytest.mark.parametrize("service", MISSPELT)
def test_a_misspelt_field_is_refused_and_nothing_is_written(cast: Cast, service: str) -> None:
    before = AuditEvent.objects.count()
    with pytest.raises(TypeError):
        MISSPELT[service](cast)
    # Only what the test set up first (a commitment, an occasion) is on record.
    assert AuditEvent.objects.count() - before <= 1


def test_a_misspelt_field_of_a_report_correction_is_refused(cast: Cast) -> None:
    report = services.activity_report_create(
        activity=cast.controls, by=cast.reporter, date=date(2017, 3, 1)
    )
    with pytest.raises(TypeError):
        services.activity_report_update(
            report=report,
            by=cast.reporter,
            expected_version=report.version,
            cont=2,  # type: ignore[call-arg]
        )
    report.refresh_from_db()
    assert report.version == 1


def test_an_update_leaves_what_it_is_not_given(cast: Cast) -> None:
    services.promise_update(
        promise=cast.draft, by=cast.coordinator, expected_version=1, introduction="Inledning"
    )
    services.promise_update(
        promise=cast.draft, by=cast.coordinator, expected_version=2, title="Nytt namn"
    )
    cast.draft.refresh_from_db()
    assert (cast.draft.title, cast.draft.introduction) == ("Nytt namn", "Inledning")


def test_a_promise_and_its_signatories_are_saved_together_or_not_at_all(cast: Cast) -> None:
    services.promise_update(
        promise=cast.draft,
        by=cast.coordinator,
        expected_version=1,
        title="Med underskrifter",
        people=[{"name": "Anna Andersson", "title": "Polischef"}],
    )
    assert [s.name for s in cast.draft.signatories.all()] == ["Anna Andersson"]
    with pytest.raises(TypeError):
        services.promise_update(
            promise=CitizenPromise.objects.get(pk=cast.draft.pk),
            by=cast.coordinator,
            expected_version=2,
            title="Halvt sparad",
            people=[{"name": "Bo Berg", "titel": "Kommunchef"}],  # type: ignore[typeddict-item, typeddict-unknown-key]
        )
    cast.draft.refresh_from_db()
    assert cast.draft.title == "Med underskrifter"
    assert [s.name for s in cast.draft.signatories.all()] == ["Anna Andersson"]
