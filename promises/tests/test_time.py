"""Time is part of the truth: a promise whose year is over shows its result as of the
year's end, pace only while it runs, and drafts show none."""

from collections.abc import Iterator
from datetime import date

import pytest
import time_machine
from django.urls import reverse

from api.outputs import promises_out
from conftest import Cast, client_for
from documents.model import Table
from lib.pace import Pace, Phase, progress
from portal.selectors import Filters, national_overview
from promises import selectors, services
from promises.printing import promise_document
from promises.vocabularies import PromiseStatus

pytestmark = pytest.mark.django_db
LATER = date(2026, 11, 30)


@pytest.fixture
def later() -> Iterator[None]:
    with time_machine.travel(LATER, tick=False):
        yield


def _log(cast: Cast, count: int) -> None:
    with time_machine.travel(date(2017, 10, 2), tick=False):
        services.activity_report_create(
            activity=cast.controls, by=cast.reporter, date=date(2017, 10, 2), count=count
        )


def test_pace_is_only_for_a_running_year() -> None:
    assert progress(3, 30, 1.0, Phase.ENDED).pace == Pace.NOT_REACHED
    assert progress(30, 30, 1.0, Phase.ENDED).pace == Pace.REACHED
    assert progress(0, 30, 0.0, Phase.PLANNED).pace == Pace.NOT_STARTED
    assert progress(3, 30, 0.5, Phase.RUNNING).pace == Pace.BEHIND


def test_a_promise_whose_year_is_over_has_ended(cast: Cast) -> None:
    assert selectors.promise_phase(cast.published, date(2017, 6, 1)) == Phase.RUNNING
    assert selectors.promise_phase(cast.published, LATER) == Phase.ENDED
    assert selectors.progress_as_of(cast.published, LATER) == date(2017, 12, 31)
    assert selectors.promise_phase(cast.draft, date(2018, 6, 1)) == Phase.PLANNED
    assert not selectors.in_force(cast.published, LATER)
    assert selectors.in_force(cast.published, date(2017, 3, 1))


def test_the_public_page_of_an_ended_year_shows_its_result_as_of_the_years_end(
    cast: Cast, later: None
) -> None:
    _log(cast, 3)
    page = client_for(language="sv").get("/kommun/eslov/2017/").content.decode()
    assert "Avslutat" in page and "Publicerat" not in page
    assert "Läget den 31 december 2017." in page
    assert "Läget den 30 november 2026" not in page
    assert "Efter takten" not in page and "Målet inte nått" in page


def test_an_evaluated_promise_says_so(cast: Cast, later: None) -> None:
    services.promise_set_status(
        promise=cast.published, by=cast.coordinator, status=PromiseStatus.EVALUATED
    )
    page = client_for(language="sv").get("/kommun/eslov/2017/").content.decode()
    assert "Utvärderat" in page and "Avslutat" not in page


def test_the_staff_page_and_document_of_an_ended_year_agree(cast: Cast, later: None) -> None:
    _log(cast, 3)
    page = client_for(cast.coordinator).get(
        reverse("promises:promise_detail", args=[cast.published.pk])
    )
    text = page.content.decode()
    assert "Ended" in text and "Behind pace" not in text
    document = promise_document(cast.published, LATER)
    assert "Ended" in document.subtitle
    table = next(b for b in document.blocks if isinstance(b, Table) and b.caption)
    assert "31 December 2017" in table.caption
    assert "Result" in table.header


def test_a_draft_shows_no_pace(cast: Cast) -> None:
    services.activity_create(
        promise=cast.draft, by=cast.coordinator, kind="other", description="x", target=4
    )
    with time_machine.travel(date(2018, 6, 1), tick=False):
        page = client_for(cast.coordinator).get(
            reverse("promises:promise_detail", args=[cast.draft.pk])
        )
    text = page.content.decode()
    assert "Behind pace" not in text and "On pace" not in text


def test_the_api_tells_an_ended_promise_as_of_its_years_end(cast: Cast, later: None) -> None:
    _log(cast, 3)
    out = promises_out(lambda *args: "", [cast.published])[0]
    assert out["phase"] == "ended"
    assert out["progress_as_of"] == date(2017, 12, 31)
    assert {a["pace"] for a in out["activities"]} == {"not_reached"}


def test_only_promises_in_force_this_year_count_as_running_in_sweden(cast: Cast) -> None:
    assert national_overview(Filters(), date(2017, 7, 1)).running == 1
    with time_machine.travel(date(2017, 7, 1), tick=False):
        running = client_for().get("/sverige/").content.decode()
    assert "Running promises with every activity on pace: 0 of 1." in running
    assert national_overview(Filters(), LATER).running == 0
    with time_machine.travel(LATER, tick=False):
        page = client_for().get("/sverige/").content.decode()
    assert "every activity on pace: 0 of 1" not in page


def test_a_carried_over_promise_names_its_new_year_and_warns_of_other_years(
    cast: Cast,
) -> None:
    cast.draft.delete()
    promise = cast.published
    type(promise).objects.filter(pk=promise.pk).update(
        evaluation_plan="En utvärdering presenteras före utgången av 2017.",
        situation="Trygghetsmätningen 2016 visade att trafiken oroar.",
    )
    response = client_for(cast.coordinator).post(
        reverse("promises:promise_copy", args=[promise.pk]), follow=True
    )
    copy = type(promise).objects.get(year=2018)
    assert copy.evaluation_plan == "En utvärdering presenteras före utgången av 2018."
    assert copy.situation == "Trygghetsmätningen 2016 visade att trafiken oroar."
    warnings = [str(m) for m in response.context["messages"] if m.level_tag == "warning"]
    assert len(warnings) == 1 and "Situation and background (2016)" in warnings[0]
    assert selectors.year_references(copy)[0].years == [2016]


def test_the_running_filter_of_sweden_keeps_only_promises_in_force(cast: Cast) -> None:
    def shown(standing: str, today: date) -> set[str]:
        overview = national_overview(Filters(standing=standing), today)
        return {row.municipality.slug for row in overview.rows}

    assert shown("published", date(2017, 7, 1)) == {"eslov"}
    assert shown("published", LATER) == set()
    assert shown("ended", LATER) == {"eslov"}


def test_a_report_form_for_a_year_that_is_over_guesses_no_date(cast: Cast, later: None) -> None:
    """A form that filled in the year's last day would let one tap log a made-up date."""
    client = client_for(cast.reporter)
    url = reverse("promises:report_create", args=[cast.controls.pk])
    form = client.get(url).context["form"]
    assert form["date"].value() is None
    page = client.get(url).content.decode()
    assert "The year 2017 is over" in page
    refused = client.post(url, {"count": "1", "organisations": [cast.police_org.pk]})
    assert refused.status_code == 200 and refused.context["form"].errors["date"]
    assert not cast.controls.reports.exists()
    choose = client.get(reverse("promises:report_choose")).content.decode()
    assert "(the year is over)" in choose


def test_a_report_form_while_the_year_runs_offers_today(cast: Cast) -> None:
    with time_machine.travel(date(2017, 10, 2), tick=False):
        client = client_for(cast.reporter)
        url = reverse("promises:report_create", args=[cast.controls.pk])
        assert client.get(url).context["form"]["date"].value() == date(2017, 10, 2)
        assert "is over" not in client.get(url).content.decode()
