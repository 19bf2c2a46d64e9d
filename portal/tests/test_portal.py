"""The public site as a citizen sees it."""

from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from conftest import Cast, client_for, sign_for_both
from places.models import Municipality
from promises import services
from promises.models import CitizenPromise
from promises.vocabularies import ActivityKind, PromiseStatus


def test_start_page_lists_municipalities_with_published_promises(cast: Cast) -> None:
    page = client_for().get("/").content.decode()
    assert 'href="/kommun/eslov/"' in page
    assert "/kommun/lund/" not in page


def test_search_filters_by_name_whatever_the_case(cast: Cast) -> None:
    client = client_for()
    assert "/kommun/eslov/" in client.get("/?q=ESLÖV").content.decode()
    assert "/kommun/eslov/" not in client.get("/?q=malmö").content.decode()


def test_search_finds_the_name_without_its_letters_or_with_kommun(cast: Cast) -> None:
    client = client_for()
    for query in ("eslov", "Eslövs kommun", "eslovs kommun", "ESLOV", "Esl"):
        assert "/kommun/eslov/" in client.get("/", {"q": query}).content.decode(), query
    assert "/kommun/eslov/" not in client.get("/", {"q": "Lunds kommun"}).content.decode()


def test_search_finds_the_county_and_the_municipality_code_the_list_shows(cast: Cast) -> None:
    client = client_for()
    for query in ("Skåne", "skane lan", "1285", "12"):
        assert "/kommun/eslov/" in client.get("/", {"q": query}).content.decode(), query
    for query in ("Norrbotten", "1286", "2"):
        assert "/kommun/eslov/" not in client.get("/", {"q": query}).content.decode(), query


def test_search_as_you_type_returns_only_the_list(cast: Cast) -> None:
    response = client_for().get("/?q=esl", headers={"HX-Request": "true"})
    body = response.content.decode()
    assert body.lstrip().startswith('<div id="municipality-list"')
    assert "<html" not in body


def test_municipality_page_lists_years_newest_first_with_the_agreement(cast: Cast) -> None:
    from promises.models import Agreement

    agreement = Agreement.objects.create(
        municipality=cast.eslov,
        police_area=cast.area,
        title="Överenskommelse 2015–2018",
        start_year=2015,
        end_year=2018,
        signed_on=date(2015, 11, 1),
        signed_month_only=True,
    )
    cast.published.agreement = agreement
    cast.published.save()
    older = services.promise_create(
        by=cast.coordinator,
        municipality=cast.eslov,
        police_area=cast.area,
        year=2016,
        title="Löfte 2016",
        signed_on=date(2016, 4, 7),
    )
    services.activity_create(
        promise=older, by=cast.coordinator, kind=ActivityKind.OTHER, description="x", target=1
    )
    sign_for_both(older)
    services.promise_set_status(promise=older, by=cast.coordinator, status="signed")
    for approver in (cast.coordinator, cast.admin):
        services.promise_approve(promise=older, by=approver)
    page = client_for().get("/kommun/eslov/").content.decode()
    assert page.index("/kommun/eslov/2017/") < page.index("/kommun/eslov/2016/")
    assert "Överenskommelse 2015–2018" in page
    assert "November 2015" in page


def test_promise_page_shows_document_and_progress(cast: Cast) -> None:
    services.activity_report_create(
        activity=cast.controls, by=cast.reporter, date=date(2017, 3, 2), count=3
    )
    page = client_for().get("/kommun/eslov/2017/").content.decode()
    assert "Medborgarlöfte 2017" in page
    assert "Säkrare trafik" in page
    assert "<strong>3</strong> of 30" in page
    assert '<rect class="bar-fill" width="10" height="4"/>' in page
    assert "Last carried out: 2 March 2017" in page
    assert client_for().get("/kommun/eslov/2017/utskrift/").status_code == 200


def _add_activities_with_reports(cast: Cast, activities: int, reports: int) -> None:
    # Activities are added while a promise is a draft; reports once it is signed.
    CitizenPromise.objects.filter(pk=cast.published.pk).update(status=PromiseStatus.DRAFT)
    cast.published.refresh_from_db()
    added = [
        services.activity_create(
            promise=cast.published,
            by=cast.coordinator,
            kind=ActivityKind.MEETING,
            description=f"Möte {n}",
            target=5,
            responsible=[cast.police_org, cast.rescue_org],
        )
        for n in range(activities)
    ]
    CitizenPromise.objects.filter(pk=cast.published.pk).update(status=PromiseStatus.PUBLISHED)
    for activity in added:
        activity.promise.refresh_from_db()
        for m in range(reports):
            # Past the target on purpose: confirmed, as a reporter would.
            services.activity_report_create(
                activity=activity, by=cast.reporter, date=date(2017, 1 + m % 12, 1), confirmed=True
            )


def _queries_for_promise_page() -> int:
    client = client_for()
    with CaptureQueriesContext(connection) as queries:
        assert client.get("/kommun/eslov/2017/").status_code == 200
    return len(queries)


@pytest.mark.parametrize(("activities", "reports"), [(0, 0), (5, 3), (25, 12)])
def test_promise_page_uses_a_fixed_number_of_queries(
    cast: Cast, activities: int, reports: int
) -> None:
    _add_activities_with_reports(cast, activities, reports)
    # The promise with its parts (5), the motivations of its commitments (1), its published
    # follow-ups (1), whether its evaluation is published (1) and its coming occasions (1).
    assert _queries_for_promise_page() == 9


@pytest.mark.parametrize("problems", [1, 3])
def test_why_this_promise_adds_a_fixed_number_of_queries(cast: Cast, problems: int) -> None:
    from situation.models import Motivation, PublishedPicture

    PublishedPicture.objects.create(municipality=cast.eslov, year=2016)
    commitment = cast.published.commitments.get()
    for problem in ["speeding", "littering", "fraud"][:problems]:
        Motivation.objects.create(commitment=commitment, problem=problem)
    # And then whether the picture of the year before is published (1) and the picture (7,
    # two of them asking which sources have any record at all, then and the year before).
    assert _queries_for_promise_page() == 17


def _data_queries(queries: CaptureQueriesContext) -> list[str]:
    # The rate limiter's counters live in the cache table (written in a savepoint); they
    # are not page data.
    return [
        q["sql"]
        for q in queries.captured_queries
        if "loften_cache" not in q["sql"] and "SAVEPOINT" not in q["sql"]
    ]


def test_start_and_municipality_pages_use_few_queries(cast: Cast) -> None:
    client = client_for()
    with CaptureQueriesContext(connection) as queries:
        client.get("/")
    assert len(_data_queries(queries)) == 1
    with CaptureQueriesContext(connection) as queries:
        client.get("/kommun/eslov/")
    # The municipality, its promises (with agreements) and its published situation pictures.
    assert len(queries) == 3


def test_interface_is_swedish_unless_english_was_chosen(cast: Cast) -> None:
    swedish = client_for(language="sv").get("/kommun/eslov/2017/")
    assert swedish["Content-Language"] == "sv"
    assert '<html lang="sv"' in swedish.content.decode()
    assert "Aktiviteter" in swedish.content.decode()
    assert "15 februari 2017" in swedish.content.decode()
    browser_says_english = client_for(language="").get(
        "/kommun/eslov/2017/", headers={"Accept-Language": "en"}
    )
    assert browser_says_english["Content-Language"] == "sv"
    english = client_for(language="en").get("/kommun/eslov/2017/")
    assert '<html lang="en"' in english.content.decode()
    assert "Activities" in english.content.decode()


def test_language_switch_sets_the_choice(cast: Cast) -> None:
    client = client_for(language="sv")
    response = client.post("/sprak/", {"language": "en", "next": "/kommun/eslov/2017/"})
    assert response.status_code == 302
    assert client.cookies["django_language"].value == "en"


def test_promise_page_shows_reach_when_the_audience_size_is_known(cast: Cast) -> None:
    type(cast.education).objects.filter(pk=cast.education.pk).update(
        audience="Alla elever i årskurs 4", audience_size=400
    )
    services.activity_report_create(
        activity=cast.education, by=cast.partner, date=date(2017, 5, 11), pupils_reached=318
    )
    page = client_for().get("/kommun/eslov/2017/").content.decode()
    assert "reached 318 of 400 (80 %)" in page


def test_every_municipality_has_a_page_that_says_when_nothing_is_published(cast: Cast) -> None:
    assert Municipality.objects.count() == 290
    client = client_for(language="sv")
    malmo = client.get("/kommun/malmo/")
    assert malmo.status_code == 200
    assert "Inget medborgarlöfte för Malmö är publicerat i Löften ännu." in malmo.content.decode()
    slugs = list(Municipality.objects.values_list("slug", flat=True))
    assert all(client.get(f"/kommun/{slug}/").status_code == 200 for slug in slugs[::29])
    assert client.get("/kommun/ingenstans/").status_code == 404


def test_promise_page_opens_with_status_targets_reached_and_latest_follow_up(
    cast: Cast,
) -> None:
    from followup.services import follow_up_draft

    for day in (1, 2):
        services.activity_report_create(
            activity=cast.walks, by=cast.coordinator, date=date(2017, 3, day)
        )
    page = client_for(language="sv").get("/kommun/eslov/2017/").content.decode()
    glance = page.split('class="at-a-glance"')[1].split("</section>")[0]
    assert "Avslutat" in glance  # the 2017 promise, read after its year has ended
    # Walks reached their target of 2; education (1) and controls (30) did not.
    assert "<strong>1 av 3</strong>" in glance
    assert "Ingen publicerad ännu" in glance
    # A draft follow-up is not the latest one the public sees.
    follow_up_draft(promise=cast.published, number=1, by=cast.coordinator)
    page = client_for(language="sv").get("/kommun/eslov/2017/").content.decode()
    assert "Ingen publicerad ännu" in page.split('class="at-a-glance"')[1]


def test_a_search_that_finds_no_published_promise_links_the_municipality_page(cast: Cast) -> None:
    text = client_for(language="sv").get("/", {"q": "Hörby"}).content.decode()
    assert "Ingen kommun med publicerade medborgarlöften matchar" in text
    assert (
        'Hörby har inga publicerade medborgarlöften ännu – <a href="/kommun/horby/">'
        "se kommunens sida</a>." in text
    )
    assert client_for().get("/kommun/horby/").status_code == 200


def test_a_search_lists_matching_municipalities_with_nothing_published_beside_the_rest(
    cast: Cast,
) -> None:
    page = client_for(language="sv").get("/", {"q": "es"}, headers={"HX-Request": "true"})
    text = page.content.decode()
    assert 'href="/kommun/eslov/"' in text, "Eslöv has published promises"
    assert "Kommuner som inte har publicerat några medborgarlöften ännu" in text
    others = page.context["others"]
    assert "eslov" not in {m.slug for m in others}
    assert len(others) == 10 and page.context["others_more"] > 0
    assert "Skriv mer av namnet." in text
    assert client_for().get("/").context["others"] == [], "no search, no other list"


def test_favicon_ico_is_a_real_icon_drawn_from_the_svg(cast: Cast) -> None:
    import io

    from PIL import Image

    response = client_for().get("/favicon.ico")
    assert response.status_code == 200
    assert response["Content-Type"] == "image/vnd.microsoft.icon"
    icon = Image.open(io.BytesIO(response.content))
    assert icon.format == "ICO"
    assert {(16, 16), (32, 32), (48, 48)} <= set(icon.info["sizes"])
    # The SVG's blue square, near a rounded corner of the largest size.
    pixels = icon.convert("RGBA")
    red, green, blue, _alpha = pixels.getpixel((4, pixels.height - 4))  # type: ignore[misc]
    assert (red, green, blue) == pytest.approx((0x0B, 0x4F, 0x8A), abs=8)
    assert client_for().head("/favicon.ico").status_code == 200
    page = client_for().get("/").content.decode()
    assert '<link rel="icon" href="/favicon.ico"' in page
