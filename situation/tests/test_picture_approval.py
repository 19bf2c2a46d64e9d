"""A year's situation picture is published by both parties: a coordinator of the municipality
and one of the local police area each approve the figures shown on the preview, and the
second approval of the same figures publishes them. An approval of figures that the evidence
no longer gives does not count, an empty picture is refused, and either party may take the
picture off the public site."""

from datetime import date
from typing import Any

import pytest
from django.core.exceptions import ValidationError

from audit.models import AuditEvent
from conftest import Cast, at_once, client_for, needs_postgres
from situation import services
from situation.models import Complaint, PictureApproval, PublishedPicture
from situation.selectors import figures_fingerprint, year_picture
from situation.tests.factories import complaint, police_coordinator, publish_by_both
from situation.vocabularies import Problem

PREVIEW = "/arbete/lagesbild/eslov/2016/publicera/"
PUBLIC = "/kommun/eslov/lagesbild/2016/"


def _evidence(cast: Cast, months: tuple[int, ...] = (3, 4, 5)) -> None:
    for month in months:
        complaint(cast.eslov, Problem.SPEEDING, date(2016, month, 2))


def _seen(cast: Cast) -> str:
    return figures_fingerprint(year_picture(cast.eslov, 2016))


def _approve(cast: Cast, by: Any, seen: str | None = None) -> PublishedPicture | None:
    return services.picture_approve(
        municipality=cast.eslov, year=2016, by=by, seen_figures=seen or _seen(cast)
    )


@pytest.mark.django_db
def test_one_party_approves_and_the_other_publishes(cast: Cast) -> None:
    _evidence(cast)
    assert _approve(cast, cast.coordinator) is None
    assert not PublishedPicture.objects.exists(), "one party does not publish"
    assert client_for().get(PUBLIC).status_code == 404
    police = police_coordinator(cast.police_org)
    published = _approve(cast, police)
    assert published is not None and published.published_by == police
    assert set(PictureApproval.objects.values_list("party", "approved_by")) == {
        ("municipality", cast.coordinator.pk),
        ("police", police.pk),
    }
    assert ">3<" in client_for().get(PUBLIC).content.decode()


@pytest.mark.django_db
def test_the_same_party_approving_twice_does_not_publish(cast: Cast) -> None:
    _evidence(cast)
    _approve(cast, cast.coordinator)
    with pytest.raises(ValidationError, match="already approved"):
        _approve(cast, cast.coordinator)
    colleague = client_for(cast.coordinator)
    municipality_colleague = cast.viewer
    municipality_colleague.memberships.update(role="coordinator")
    with pytest.raises(ValidationError, match="Your party has already approved"):
        _approve(cast, municipality_colleague)
    assert not PublishedPicture.objects.exists()
    assert PictureApproval.objects.count() == 1
    assert 'name="seen_figures"' in colleague.get(PREVIEW).content.decode()


@pytest.mark.django_db
def test_a_reporter_or_another_municipality_cannot_approve(cast: Cast) -> None:
    _evidence(cast)
    with pytest.raises(ValidationError, match="Only a coordinator"):
        _approve(cast, cast.reporter)
    assert client_for(cast.reporter).post(PREVIEW + "godkann/").status_code == 403
    assert client_for(cast.other_coordinator).post(PREVIEW + "godkann/").status_code == 404
    assert not PictureApproval.objects.exists()


@pytest.mark.django_db
def test_a_change_of_the_figures_voids_the_earlier_approval(cast: Cast) -> None:
    _evidence(cast)
    seen_before = _seen(cast)
    _approve(cast, cast.coordinator)
    complaint(cast.eslov, Problem.SPEEDING, date(2016, 9, 2))
    police = police_coordinator(cast.police_org)
    # What the police saw on a page opened before the change is refused, not published.
    with pytest.raises(ValidationError, match="changed since the preview"):
        _approve(cast, police, seen=seen_before)
    page = client_for(police).get(PREVIEW).content.decode()
    assert "The figures differ from those that were approved" in page
    assert "it no longer counts" in page
    assert _approve(cast, police) is None, "the municipality approved other figures"
    assert not PublishedPicture.objects.exists()
    published = _approve(cast, cast.coordinator)
    assert published is not None
    assert ">4<" in client_for().get(PUBLIC).content.decode()


@pytest.mark.django_db
def test_a_source_without_data_does_not_void_an_approval(cast: Cast) -> None:
    _evidence(cast)
    picture = year_picture(cast.eslov, 2016)
    assert picture.without_data, "some sources have no data in this year"
    again = year_picture(cast.eslov, 2016)
    # A source without data has no figure to compare: only sources with data count.
    for row in again.rows:
        for source in again.without_data:
            row.figures[source] = 99.0
    assert figures_fingerprint(again) == figures_fingerprint(picture)


@pytest.mark.django_db
def test_an_empty_picture_is_refused(cast: Cast) -> None:
    with pytest.raises(ValidationError, match="nothing to publish"):
        _approve(cast, cast.coordinator)
    response = client_for(cast.coordinator).post(
        PREVIEW + "godkann/", {"seen_figures": _seen(cast)}, follow=True
    )
    assert "nothing to publish" in response.content.decode()
    assert not PictureApproval.objects.exists()
    assert 'name="seen_figures"' not in client_for(cast.coordinator).get(PREVIEW).content.decode()


@pytest.mark.django_db
def test_the_preview_shows_the_public_page_and_approves_through_its_button(cast: Cast) -> None:
    _evidence(cast)
    coordinator = client_for(cast.coordinator)
    page = coordinator.get(PREVIEW).content.decode()
    assert "Preview: this is how the public page will show the figures" in page
    assert "Local problems in Eslöv 2016" in page and "Klagomål" not in page
    assert f'value="{_seen(cast)}"' in page
    response = coordinator.post(PREVIEW + "godkann/", {"seen_figures": _seen(cast)}, follow=True)
    assert "Your approval is recorded" in response.content.decode()
    assert "Take back the approval" in response.content.decode()
    viewer_page = client_for(cast.viewer).get(PREVIEW).content.decode()
    assert 'name="seen_figures"' not in viewer_page, "a viewer reads, but does not approve"
    police = client_for(police_coordinator(cast.police_org))
    response = police.post(PREVIEW + "godkann/", {"seen_figures": _seen(cast)}, follow=True)
    assert "Both parties have approved" in response.content.decode()
    assert client_for().get(PUBLIC).status_code == 200


@pytest.mark.django_db
def test_an_approval_can_be_taken_back_before_publication(cast: Cast) -> None:
    _evidence(cast)
    _approve(cast, cast.coordinator)
    with pytest.raises(ValidationError, match="Only a coordinator of that party"):
        services.picture_approval_discard(
            municipality=cast.eslov, year=2016, party="police", by=cast.coordinator
        )
    client_for(cast.coordinator).post(PREVIEW + "ta-tillbaka/", {"party": "municipality"})
    assert not PictureApproval.objects.exists()
    assert AuditEvent.objects.filter(model="situation.PictureApproval", action="delete").exists()
    _approve(cast, police_coordinator(cast.police_org))
    assert not PublishedPicture.objects.exists()


@pytest.mark.django_db
def test_either_party_takes_the_picture_off_and_both_must_approve_again(cast: Cast) -> None:
    _evidence(cast)
    publish_by_both(cast, 2016)
    with pytest.raises(ValidationError, match="already public"):
        _approve(cast, cast.coordinator)
    police = police_coordinator(cast.police_org)
    response = client_for(police).post("/arbete/lagesbild/eslov/2016/avpublicera/")
    assert response.status_code == 302
    assert client_for().get(PUBLIC).status_code == 404
    assert not PublishedPicture.objects.exists() and not PictureApproval.objects.exists()
    assert _approve(cast, cast.coordinator) is None
    assert client_for().get(PUBLIC).status_code == 404


@pytest.mark.django_db
def test_the_public_site_shows_only_published_years(cast: Cast) -> None:
    _evidence(cast)
    complaint(cast.eslov, Problem.BURGLARY, date(2015, 3, 2))
    publish_by_both(cast, 2016)
    public = client_for()
    assert public.get(PUBLIC).status_code == 200
    assert public.get("/kommun/eslov/lagesbild/2015/").status_code == 404
    assert "/kommun/eslov/lagesbild/2015/" not in public.get("/kommun/eslov/").content.decode()


@pytest.mark.django_db
def test_the_staff_year_list_keeps_a_published_year_without_evidence(cast: Cast) -> None:
    _evidence(cast)
    publish_by_both(cast, 2016)
    for record in Complaint.objects.filter(municipality=cast.eslov):
        services.evidence_withdraw(record=record, reason="Fel kommun.", by=cast.coordinator)
    page = client_for(cast.coordinator).get("/arbete/lagesbild/eslov/2016/").content.decode()
    assert 'aria-current="page">2016<' in page
    assert "Take off the public site" in page


# Two coordinators at the same moment, from two connections.


@needs_postgres
@pytest.mark.django_db(transaction=True)
def test_two_parties_approving_a_picture_at_once_publish_it_once(
    reference_data: None, cast: Cast
) -> None:
    _evidence(cast)
    police = police_coordinator(cast.police_org)
    seen = _seen(cast)
    results: list[PublishedPicture | None] = []
    errors = at_once(
        lambda: results.append(_approve(cast, cast.coordinator, seen)),
        lambda: results.append(_approve(cast, police, seen)),
    )
    assert errors == []
    assert len([r for r in results if r is not None]) == 1, "exactly one publication"
    assert PublishedPicture.objects.count() == 1
    assert PictureApproval.objects.count() == 2
    assert (
        AuditEvent.objects.filter(model="situation.PublishedPicture", action="create").count() == 1
    )


@pytest.mark.django_db
def test_a_year_no_evidence_can_be_for_is_not_found(cast: Cast) -> None:
    coordinator = client_for(cast.coordinator)
    for year in (1800, 9999):
        assert coordinator.get(f"/arbete/lagesbild/eslov/{year}/").status_code == 404
        assert coordinator.get(f"/arbete/lagesbild/eslov/{year}/publicera/").status_code == 404
        response = coordinator.post(f"/arbete/lagesbild/eslov/{year}/publicera/godkann/")
        assert response.status_code == 404
    assert not PictureApproval.objects.exists()


@pytest.mark.django_db
def test_only_coordinators_of_the_municipality_or_its_police_area_are_parties(cast: Cast) -> None:
    from accounts.models import Membership, Organisation, Role
    from accounts.permissions import picture_approval_parties
    from places.models import PoliceArea

    police = police_coordinator(cast.police_org)
    assert picture_approval_parties(cast.coordinator, cast.eslov) == ["municipality"]
    assert picture_approval_parties(police, cast.eslov) == ["police"]
    assert picture_approval_parties(police, cast.lund) == []
    assert picture_approval_parties(cast.reporter, cast.eslov) == []
    assert picture_approval_parties(cast.other_coordinator, cast.eslov) == []
    assert picture_approval_parties(cast.admin, cast.eslov) == ["municipality", "police"]
    lund_police = Organisation.objects.create(
        name="LPO Lund", kind="police_area", police_area=PoliceArea.objects.get(slug="lpo-lund")
    )
    Membership.objects.create(
        user=cast.other_coordinator, organisation=lund_police, role=Role.COORDINATOR
    )
    # Read afresh: a user's memberships are cached on the object.
    other = type(cast.other_coordinator).objects.get(pk=cast.other_coordinator.pk)
    assert picture_approval_parties(other, cast.lund) == ["municipality", "police"]
    assert picture_approval_parties(other, cast.eslov) == []
