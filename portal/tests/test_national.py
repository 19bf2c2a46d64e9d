"""The national overview: every municipality, its promise and standing, totals for Sweden,
and municipalities side by side."""

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext

from conftest import Cast, client_for, sign_for_both
from places.models import Municipality, PoliceArea
from portal.selectors import Filters, compare, national_overview
from promises import services
from promises.models import CitizenPromise
from promises.vocabularies import ActivityKind, PromiseStatus

JULY = date(2017, 7, 1)


def _published(cast: Cast, slug: str, year: int, controls: int, done: int) -> CitizenPromise:
    place = Municipality.objects.get(slug=slug)
    area, _created = PoliceArea.objects.get_or_create(
        slug=f"lpo-test-{slug}", defaults={"name": f"LPO {place.name}", "region": cast.area.region}
    )
    promise = services.promise_create(
        by=cast.admin,
        municipality=place,
        police_area=area,
        year=year,
        title=f"Löfte {place.name} {year}",
        signed_on=date(year, 1, 10),
    )
    activity = services.activity_create(
        promise=promise,
        by=cast.admin,
        kind=ActivityKind.TRAFFIC_CONTROL,
        description="Kontroller",
        target=controls,
    )
    sign_for_both(promise)
    services.promise_set_status(promise=promise, by=cast.admin, status=PromiseStatus.SIGNED)
    # The administrator stands in for both parties' coordinators.
    for _party in range(2):
        services.promise_approve(promise=promise, by=cast.admin)
    if done:
        services.activity_report_create(
            activity=activity, by=cast.admin, date=date(year, 2, 1), count=done
        )
    return promise


@pytest.fixture
def sweden(cast: Cast) -> Cast:
    # Eslöv 2017 (the cast's): 0 of 30 controls, 0 of 2 walks, 0 of 1 education day.
    _published(cast, "lund", 2017, controls=10, done=6)  # on pace in July
    _published(cast, "kiruna", 2017, controls=10, done=1)  # behind
    _published(cast, "kiruna", 2016, controls=4, done=4)
    return cast


def test_every_municipality_is_listed_with_its_latest_promise(sweden: Cast) -> None:
    overview = national_overview(Filters(), JULY)
    assert len(overview.rows) == 290
    by_slug = {r.municipality.slug: r for r in overview.rows}
    assert by_slug["kiruna"].standing.promise.year == 2017  # type: ignore[union-attr]
    assert by_slug["ale"].standing is None
    assert overview.with_promise == 3
    names = [r.municipality.name for r in overview.rows]
    # Swedish order: å, ä, ö come after z.
    assert (
        names.index("Ystad") < names.index("Åre") < names.index("Älvsbyn") < names.index("Örebro")
    )


def test_totals_across_sweden(sweden: Cast) -> None:
    overview = national_overview(Filters(year=2017), JULY)
    controls = next(t for t in overview.kinds if t.kind == ActivityKind.TRAFFIC_CONTROL)
    assert (controls.promises, controls.target, controls.done) == (3, 50, 7)
    # Eslöv is behind on its controls and Kiruna on its; Lund is on pace.
    assert (overview.running, overview.on_track) == (3, 1)


def test_a_withdrawn_promise_is_listed_but_counts_in_no_total(sweden: Cast) -> None:
    """After Eslöv withdrew its 2017 promise, /sverige/ still said two municipalities had a
    published promise and kept Eslöv's 30 controls in the totals."""
    services.promise_withdraw(
        promise=sweden.published, by=sweden.coordinator, reason="Fel kommun angavs."
    )
    overview = national_overview(Filters(year=2017), JULY)
    by_slug = {r.municipality.slug: r for r in overview.rows}
    assert by_slug["eslov"].standing.promise.status == PromiseStatus.WITHDRAWN  # type: ignore[union-attr]
    assert overview.with_promise == 2
    controls = next(t for t in overview.kinds if t.kind == ActivityKind.TRAFFIC_CONTROL)
    assert (controls.promises, controls.target, controls.done) == (2, 20, 7)
    assert overview.running == 2


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        (Filters(year=2016), {"kiruna"}),
        (Filters(year=2017, county="12"), {"eslov", "lund"}),
        (Filters(region="nord"), {"kiruna"}),
        (Filters(year=2017, kind=ActivityKind.SAFETY_WALK), {"eslov"}),
        (Filters(year=2017, standing="on_track"), {"lund"}),
        (Filters(year=2017, standing="behind"), {"eslov", "kiruna"}),
        (Filters(standing="evaluated"), set()),
    ],
)
def test_filters(sweden: Cast, filters: Filters, expected: set[str]) -> None:
    rows = national_overview(filters, JULY).rows
    with_promise = {r.municipality.slug for r in rows if r.standing}
    assert with_promise == expected


def test_the_page_takes_a_fixed_number_of_queries(sweden: Cast) -> None:
    def count() -> int:
        with CaptureQueriesContext(connection) as queries:
            assert client_for().get("/sverige/?ar=2017").status_code == 200
        return len(queries)

    before = count()
    _published(sweden, "malmo", 2017, controls=5, done=1)
    _published(sweden, "ystad", 2017, controls=5, done=1)
    assert count() == before


def test_the_page_shows_the_filters_and_the_totals(sweden: Cast) -> None:
    with time_machine.travel(datetime(2017, 7, 1, 12, tzinfo=ZoneInfo("Europe/Stockholm"))):
        page = client_for(language="sv").get("/sverige/?ar=2017&lan=12").content.decode()
    assert "Eslöv" in page and "Lund" in page and "Kiruna" not in page
    assert "Trafikkontroll" in page
    assert 'name="kommun" value="lund"' in page


def test_a_nonsense_filter_is_ignored_not_an_error(sweden: Cast) -> None:
    response = client_for().get("/sverige/?ar=abc&lan=zz&status=%3Cscript%3E")
    assert response.status_code == 200
    assert "<script>" not in response.content.decode()


def test_municipalities_side_by_side(sweden: Cast) -> None:
    columns, kinds = compare(["lund", "eslov", "nowhere", "lund"], 2017, JULY)
    assert [c.municipality.slug for c in columns] == ["lund", "eslov"]
    assert kinds == [
        ActivityKind.TRAFFIC_CONTROL,
        ActivityKind.SAFETY_WALK,
        ActivityKind.SCHOOL_EDUCATION,
    ]
    lund = columns[0].by_kind[ActivityKind.TRAFFIC_CONTROL]
    assert (lund.done, lund.target) == (6, 10)
    page = client_for(language="sv").get("/sverige/jamfor/?kommun=lund&kommun=eslov&ar=2017")
    text = page.content.decode()
    assert "Löfte Lund 2017" in text and "Medborgarlöfte 2017" in text
    assert "6 av 10" in text


def test_drafts_never_count(sweden: Cast) -> None:
    overview = national_overview(Filters(), JULY)
    titles = {r.standing.promise.title for r in overview.rows if r.standing}
    assert "Lunds utkast" not in titles and "Hemligt utkast 2018" not in titles


def test_the_kept_table_follows_the_data_and_the_language(sweden: Cast) -> None:
    url = "/sverige/?ar=2017&lan=25"
    with time_machine.travel(datetime(2017, 7, 1, 12, tzinfo=ZoneInfo("Europe/Stockholm"))):
        before = client_for(language="sv").get(url).content.decode()
        assert "1 av 1 efter" in before  # Kiruna's controls
        kiruna = CitizenPromise.objects.get(municipality__slug="kiruna", year=2017)
        services.activity_report_create(
            activity=kiruna.activities.get(), by=sweden.admin, date=date(2017, 3, 1), count=5
        )
        after = client_for(language="sv").get(url).content.decode()
        english = client_for(language="en").get(url).content.decode()
    assert "alla 1 i takt" in after
    assert "all 1 on pace" in english


def test_choosing_too_many_to_compare_is_refused_and_the_choice_kept(sweden: Cast) -> None:
    five = ["lund", "eslov", "kiruna", "malmo", "horby"]
    query = "&".join(f"kommun={slug}" for slug in five)
    page = client_for(language="sv").get(f"/sverige/jamfor/?{query}&ar=2017")
    assert page.status_code == 200
    text = page.content.decode()
    assert "Du valde 5 kommuner, men högst 4 kan jämföras sida vid sida." in text
    for slug in five:
        assert f'name="kommun" value="{slug}" checked' in text, slug
    assert page.context["columns"] == [], "nothing is compared until the choice fits"
    assert "Välj 2–4 kommuner" not in text
    four = client_for(language="sv").get("/sverige/jamfor/?" + query.rsplit("&", 1)[0])
    assert len(four.context["columns"]) == 4


def test_the_invitation_to_compare_reads_naturally(sweden: Cast) -> None:
    text = client_for(language="sv").get("/sverige/jamfor/").content.decode()
    assert "Välj 2–4 kommuner" in text and "två till 4" not in text


def _compare_page(query: str, on: date) -> str:
    moment = datetime(on.year, on.month, on.day, 12, tzinfo=ZoneInfo("Europe/Stockholm"))
    with time_machine.travel(moment):
        return client_for(language="sv").get(f"/sverige/jamfor/?{query}").content.decode()


def test_an_ended_promise_is_compared_by_its_result_not_its_pace(sweden: Cast) -> None:
    _published(sweden, "horby", 2016, controls=2, done=1)  # Hörby's latest year is over
    text = _compare_page("kommun=kiruna&kommun=horby", JULY)
    assert "Aktiviteter efter takten i år" in text
    assert 'data-label="Kiruna">1 av 1<' in text, "Kiruna's controls are behind this year"
    assert 'data-label="Hörby"><span class="muted">ingen takt, året är slut' in text
    assert "0 av 1 vid årets slut (31 december 2016)" in text
    assert "0 av 1 hittills" in text
    # Once 2017 is over too, no column has a pace and the row is gone.
    later = _compare_page("kommun=kiruna&kommun=horby", date(2018, 3, 1))
    assert "efter takten" not in later.lower()
    assert "0 av 1 vid årets slut (31 december 2017)" in later
    assert "Efter takten" not in later and "Målet inte nått" in later


def test_the_add_list_offers_only_municipalities_with_a_promise_of_the_year(sweden: Cast) -> None:
    page = client_for().get("/sverige/jamfor/?kommun=eslov&ar=2016")
    assert [m.slug for m in page.context["choices"]] == ["kiruna"]
    page = client_for().get("/sverige/jamfor/?kommun=eslov&kommun=lund")
    assert [m.slug for m in page.context["choices"]] == ["kiruna"], "none already chosen"
    text = client_for(language="sv").get("/sverige/jamfor/?kommun=eslov&kommun=kiruna&ar=2016")
    assert "Ingen annan kommun har ett publicerat medborgarlöfte för 2016 att lägga till." in (
        text.content.decode()
    )
    assert 'id="add-municipality"' not in text.content.decode(), "no empty drop-down"


def test_an_unknown_or_repeated_municipality_is_said_so(sweden: Cast) -> None:
    page = client_for(language="sv").get(
        "/sverige/jamfor/?kommun=eslov&kommun=eslov&kommun=nowhere&kommun=lund"
    )
    text = page.content.decode()
    assert "”nowhere” är inte namnet på någon kommun" in text
    assert "Eslöv valdes mer än en gång och visas en gång." in text
    assert [c.municipality.slug for c in page.context["columns"]] == ["eslov", "lund"]
    assert text.count('type="hidden" name="kommun" value="eslov"') == 1


def test_an_unknown_municipality_does_not_count_towards_the_most(sweden: Cast) -> None:
    four = "&".join(f"kommun={s}" for s in ["lund", "eslov", "kiruna", "malmo", "nowhere"])
    page = client_for().get(f"/sverige/jamfor/?{four}")
    assert len(page.context["columns"]) == 4 and page.context["too_many"] == []
    assert page.context["unknown"] == ["nowhere"]


def test_the_overview_links_every_municipality_page(sweden: Cast) -> None:
    text = client_for().get("/sverige/").content.decode()
    assert '<a href="/kommun/malmo/">Malmö</a>' in text, "nothing published, but it has a page"
