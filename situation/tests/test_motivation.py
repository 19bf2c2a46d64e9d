from datetime import date

import pytest

from audit.models import AuditEvent
from conftest import Cast, client_for
from promises.models import Commitment
from situation.models import Motivation, PublishedPicture
from situation.selectors import answering_promises, promise_why
from situation.tests.factories import complaint, concern
from situation.vocabularies import Problem

pytestmark = pytest.mark.django_db

SECRET = "Anna på Byvägen 2 säger att bilarna kör för fort."


@pytest.fixture
def commitment(cast: Cast) -> Commitment:
    # The cast's published promise is for 2017, signed in 2017: its evidence is of 2016.
    return cast.published.commitments.get()


def _page_url(cast: Cast) -> str:
    return f"/arbete/lagesbild/motivering/{cast.published.pk}/"


def test_a_coordinator_links_a_commitment_to_problems_then_cites_the_records(
    cast: Cast, commitment: Commitment
) -> None:
    cited = complaint(cast.eslov, Problem.SPEEDING, date(2016, 5, 1), text=SECRET)
    voiced = concern(cast.eslov, Problem.SPEEDING, date(2016, 9, 1), voiced_by=12)
    complaint(cast.eslov, Problem.LITTERING, date(2016, 5, 1))
    client = client_for(cast.coordinator)
    field = f"problems-{commitment.pk}"
    response = client.post(_page_url(cast), {field: [Problem.SPEEDING, Problem.LITTERING]})
    assert response.status_code == 302
    page = client.get(_page_url(cast)).content.decode()
    assert SECRET in page  # the year's speeding complaints are now offered for citing
    response = client.post(
        _page_url(cast),
        {
            field: [Problem.SPEEDING],
            f"complaints-{commitment.pk}": [cited.pk],
            f"concerns-{commitment.pk}": [voiced.pk],
        },
    )
    assert response.status_code == 302
    motivation = Motivation.objects.get(commitment=commitment)
    assert motivation.problem == Problem.SPEEDING
    assert list(motivation.complaints.all()) == [cited]
    assert list(motivation.concerns.all()) == [voiced]
    trail = AuditEvent.objects.filter(trail=f"citizenpromise:{cast.published.pk}")
    assert trail.filter(model="situation.Motivation", action="delete").exists()


def test_a_record_of_another_problem_or_municipality_cannot_be_cited(
    cast: Cast, commitment: Commitment
) -> None:
    from django.core.exceptions import ValidationError

    from situation.services import commitment_motivate

    litter = complaint(cast.eslov, Problem.LITTERING, date(2016, 5, 1))
    lund = complaint(cast.lund, Problem.SPEEDING, date(2016, 5, 1))
    for record in (litter, lund):
        with pytest.raises(ValidationError):
            commitment_motivate(
                commitment=commitment,
                problems=[Problem.SPEEDING],
                complaints=[record],
                concerns=[],
                by=cast.coordinator,
            )
    assert not Motivation.objects.exists()


def test_the_public_sees_why_with_totals_only_once_the_year_is_published(
    cast: Cast, commitment: Commitment
) -> None:
    cited = complaint(cast.eslov, Problem.SPEEDING, date(2016, 5, 1), text=SECRET)
    for day in (2, 3, 4):
        complaint(cast.eslov, Problem.SPEEDING, date(2016, 5, day))
    motivation = Motivation.objects.create(commitment=commitment, problem=Problem.SPEEDING)
    motivation.complaints.add(cited)
    public = client_for()
    page = public.get("/kommun/eslov/2017/").content.decode()
    assert "Why this promise" in page and "Speeding" in page
    assert "4 complaints" not in page
    PublishedPicture.objects.create(municipality=cast.eslov, year=2016)
    page = public.get("/kommun/eslov/2017/").content.decode()
    assert "4 complaints" in page
    assert "Anna" not in page
    staff = client_for(cast.viewer).get(f"/arbete/loften/{cast.published.pk}/").content.decode()
    assert "4 complaints" in staff and SECRET in staff


def test_the_picture_shows_which_problems_a_promise_answers(
    cast: Cast, commitment: Commitment
) -> None:
    complaint(cast.eslov, Problem.SPEEDING, date(2016, 5, 1))
    complaint(cast.eslov, Problem.LITTERING, date(2016, 5, 1))
    Motivation.objects.create(commitment=commitment, problem=Problem.SPEEDING)
    draft_commitment = Commitment.objects.create(promise=cast.draft, text="Utkast")
    Motivation.objects.create(commitment=draft_commitment, problem=Problem.LITTERING)
    staff = answering_promises(cast.eslov, 2016, public=False)
    assert [year for year, _p in staff[Problem.SPEEDING]] == [2017]
    public = answering_promises(cast.eslov, 2016, public=True)
    assert Problem.LITTERING not in public  # only drafts answer it
    page = client_for(cast.coordinator).get("/arbete/lagesbild/eslov/2016/").content.decode()
    assert "promise 2017" in page and "no promise" in page


def test_promises_without_motivations_have_no_why_section(cast: Cast) -> None:
    why = promise_why(cast.published, public=True)
    assert not why.any
    assert "Why this promise" not in client_for().get("/kommun/eslov/2017/").content.decode()


def test_other_staff_cannot_change_the_reasons(cast: Cast, commitment: Commitment) -> None:
    field = f"problems-{commitment.pk}"
    for user, status in ((cast.reporter, 403), (cast.other_coordinator, 404)):
        response = client_for(user).post(_page_url(cast), {field: [Problem.FRAUD]})
        assert response.status_code == status
    assert not Motivation.objects.exists()


def test_the_reasons_behind_a_promise_are_saved_all_together_or_not_at_all(
    cast: Cast, commitment: Commitment
) -> None:
    from django.core.exceptions import ValidationError

    from situation.services import commitments_motivate

    second = Commitment.objects.create(promise=cast.published, text="Tryggare parker", position=1)
    lund = complaint(cast.lund, Problem.LITTERING, date(2016, 5, 1))
    with pytest.raises(ValidationError):
        commitments_motivate(
            reasons=[
                {
                    "commitment": commitment,
                    "problems": [Problem.SPEEDING],
                    "complaints": [],
                    "concerns": [],
                },
                {
                    "commitment": second,
                    "problems": [Problem.LITTERING],
                    "complaints": [lund],
                    "concerns": [],
                },
            ],
            by=cast.coordinator,
        )
    assert not Motivation.objects.exists()
