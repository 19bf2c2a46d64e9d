"""Coordinators record their collaboration agreement; nobody else changes it."""

from django.urls import reverse

from conftest import Cast, client_for
from promises import services
from promises.models import Agreement


def _form(**extra: object) -> dict[str, object]:
    return {
        "title": "Överenskommelse 2015–2018",
        "start_year": 2015,
        "end_year": 2018,
        "signed_on": "2015-11-20",
        "sig-TOTAL_FORMS": 2,
        "sig-INITIAL_FORMS": 0,
        "sig-MIN_NUM_FORMS": 2,
        "sig-MAX_NUM_FORMS": 6,
        **extra,
    }


def _agreement(cast: Cast) -> Agreement:
    return services.agreement_create(
        by=cast.coordinator,
        municipality=cast.eslov,
        police_area=cast.area,
        title="Överenskommelse",
        start_year=2015,
        end_year=2018,
        parties=[cast.municipality_org, cast.police_org],
    )


def test_coordinator_records_an_agreement_with_parties_and_signatories(cast: Cast) -> None:
    response = client_for(cast.coordinator).post(
        reverse("promises:agreement_create"),
        _form(
            municipality=cast.eslov.pk,
            police_area=cast.area.pk,
            parties=[cast.municipality_org.pk, cast.police_org.pk],
            **{"sig-0-name": "Anna Andersson", "sig-0-title": "Lokalpolisområdeschef"},
        ),
    )
    assert response.status_code == 302
    agreement = Agreement.objects.get()
    assert (agreement.municipality, agreement.start_year, agreement.end_year) == (
        cast.eslov,
        2015,
        2018,
    )
    assert set(agreement.parties.all()) == {cast.municipality_org, cast.police_org}
    assert [s.name for s in agreement.signatories.all()] == ["Anna Andersson"]
    assert (
        "Överenskommelse 2015–2018"
        in client_for(cast.coordinator).get(reverse("promises:dashboard")).content.decode()
    )


def test_last_year_before_first_is_refused_on_the_field(cast: Cast) -> None:
    response = client_for(cast.coordinator).post(
        reverse("promises:agreement_create"),
        _form(municipality=cast.eslov.pk, police_area=cast.area.pk, start_year=2018, end_year=2015),
    )
    assert "cannot come before" in str(response.context["form"].errors["end_year"])
    assert not Agreement.objects.exists()


def test_agreement_for_another_municipality_cannot_be_recorded(cast: Cast) -> None:
    response = client_for(cast.coordinator).post(
        reverse("promises:agreement_create"),
        _form(municipality=cast.lund.pk, police_area=cast.area.pk),
    )
    assert "municipality" in response.context["form"].errors
    assert not Agreement.objects.exists()


def test_others_cannot_change_the_agreement(cast: Cast) -> None:
    agreement = _agreement(cast)
    url = reverse("promises:agreement_edit", args=[agreement.pk])
    assert (
        client_for(cast.other_coordinator).post(url, _form(title="Kapad", version=1)).status_code
        == 404
    )
    assert client_for(cast.reporter).post(url, _form(title="Kapad", version=1)).status_code == 403
    assert client_for(None).post(url, _form(title="Kapad", version=1)).status_code == 302
    assert client_for(cast.reporter).get(reverse("promises:agreement_create")).status_code == 403
    assert Agreement.objects.get().title == "Överenskommelse"


def test_stale_agreement_save_is_refused(cast: Cast) -> None:
    agreement = _agreement(cast)
    url = reverse("promises:agreement_edit", args=[agreement.pk])
    parties = [cast.municipality_org.pk, cast.police_org.pk]
    first = client_for(cast.coordinator).post(
        url, _form(title="Första", version=1, parties=parties)
    )
    assert first.status_code == 302
    response = client_for(cast.admin).post(url, _form(title="Andra", version=1, parties=parties))
    assert "Someone else saved changes here" in response.content.decode()
    assert Agreement.objects.get().title == "Första"


def test_only_own_municipality_and_its_partners_are_offered(cast: Cast) -> None:
    page = client_for(cast.coordinator).get(reverse("promises:agreement_create")).content
    text = page.decode()
    assert "Eslövs kommun" in text and "Räddningstjänsten" in text
    assert "Lunds kommun" not in text


def test_agreement_page_shows_its_history(cast: Cast) -> None:
    agreement = _agreement(cast)
    services.agreement_update(
        agreement=agreement, by=cast.coordinator, expected_version=1, title="Ny titel"
    )
    page = (
        client_for(cast.coordinator)
        .get(reverse("promises:agreement_edit", args=[agreement.pk]))
        .content.decode()
    )
    assert "History" in page and "Överenskommelse" in page and "Ny titel" in page
