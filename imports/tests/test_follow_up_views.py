"""The staff import page: what was read of each document in words, and a follow-up's counts
attached to the promise of its year, only by a coordinator of that promise."""

from datetime import date
from typing import Any

from django.urls import reverse

from conftest import Cast, client_for
from imports.models import ImportedDocument
from promises.models import ActivityReport, CitizenPromise
from promises.services.reports import activity_report_create
from promises.vocabularies import PromiseStatus

START, SAVE, ATTACH = (
    "/arbete/inlasning/",
    "/arbete/inlasning/spara/",
    "/arbete/inlasning/bifoga-uppfoljning/",
)

FOLLOW_UP = (
    "Uppföljning av medborgarlöftet 2017 i Eslöv\n"
    "Eslöv 2017-10-02\n"
    "Polisen har genomfört 17 trafikkontroller vid skolorna.\n"
    "Två trygghetsvandringar har hållits i centrum.\n"
    "Kommunen har gjort 12 tillsyner av restauranger.\n"
)
PROMISE = (
    "Medborgarlöften för Eslöv 2022–2024\n"
    "Lokalpolisområde Eslöv och Eslövs kommun lovar:\n"
    "• Trafikkontroller två gånger i månaden vid skolorna.\n"
    "• Minst 6 trygghetsvandringar per år.\n"
)


def _attach_post(review: Any, **changes: Any) -> dict[str, Any]:
    context = review.context
    return {
        "municipality": context["municipality"].pk,
        "index": context["index"],
        "source": context["source"],
        "source_name": context["source_name"],
        "promise": context["promise"].pk,
        **changes,
    }


def test_a_follow_up_shows_where_each_count_goes_and_is_attached(cast: Cast) -> None:
    client = client_for(cast.coordinator)
    review = client.post(START, {"municipality": cast.eslov.pk, "text": FOLLOW_UP})
    page = review.content.decode()
    assert review.status_code == 200
    assert "Follow-up (what was done)" in page and "Eslöv" in page
    assert "Save as draft" not in page and "Attach to the promise" in page
    assert review.context["promise"] == cast.published
    rows = {(m.kind, m.done, m.to_add) for m in review.context["matches"] if m.attached}
    assert rows == {("traffic_control", 17, 17), ("safety_walk", 2, 2)}
    assert "the promise has no activity of the kind Licence inspection" in page
    done = client.post(ATTACH, _attach_post(review))
    assert done["Location"] == reverse("promises:promise_detail", args=[cast.published.pk])
    cast.controls.refresh_from_db()
    assert cast.controls.done_count == 17
    assert ImportedDocument.objects.get(follow_up_of=cast.published).source_name == "pasted text"
    again = client.post(START, {"municipality": cast.eslov.pk, "text": FOLLOW_UP})
    assert "already imported" in again.content.decode()
    assert "Attach to the promise" not in again.content.decode()


def test_a_coordinator_cannot_attach_to_another_organisations_promise(cast: Cast) -> None:
    own = client_for(cast.coordinator).post(
        START, {"municipality": cast.eslov.pk, "text": FOLLOW_UP}
    )
    other = client_for(cast.other_coordinator)
    # Lund's coordinator sends Eslöv's promise, under Lund and under Eslöv.
    for municipality in (cast.lund.pk, cast.eslov.pk):
        response = other.post(ATTACH, _attach_post(own, municipality=municipality))
        assert response.status_code in (302, 404)
    response = other.post(ATTACH, _attach_post(own, municipality=cast.lund.pk))
    assert response.status_code == 404
    assert not ActivityReport.objects.exists() and not ImportedDocument.objects.exists()


def test_a_follow_up_is_never_saved_as_a_promise(cast: Cast) -> None:
    client = client_for(cast.coordinator)
    before = CitizenPromise.objects.count()
    response = client.post(
        SAVE,
        {
            "municipality": cast.eslov.pk,
            "index": 0,
            "source": FOLLOW_UP.replace("2017", "2019"),
            "source_name": "x.txt",
            "year": 2019,
            "title": "Uppföljning",
        },
    )
    assert response.status_code == 302 and CitizenPromise.objects.count() == before


def test_a_follow_up_of_a_year_without_a_promise_says_so_and_offers_nothing(cast: Cast) -> None:
    review = client_for(cast.coordinator).post(
        START, {"municipality": cast.eslov.pk, "text": FOLLOW_UP.replace("2017", "2019")}
    )
    page = review.content.decode()
    assert "Eslöv has no promise for 2019 to attach the follow-up to" in page
    assert "Attach to the promise" not in page and "Save as draft" not in page


def test_a_promise_shows_its_period_and_rates_in_words(cast: Cast) -> None:
    review = client_for(cast.coordinator).post(
        START, {"municipality": cast.eslov.pk, "text": PROMISE}
    )
    page = review.content.decode()
    assert "Promise" in page and "2022–2024" in page and "Lokalpolisområde Eslöv" in page
    assert "2 times a month, 24 a year" in page
    assert "at least 6" in page


def test_the_page_speaks_swedish(cast: Cast) -> None:
    client = client_for(cast.coordinator, language="sv")
    page = client.post(START, {"municipality": cast.eslov.pk, "text": PROMISE}).content.decode()
    assert "2 gånger i månaden, 24 per år" in page and "minst 6" in page
    page = client.post(START, {"municipality": cast.eslov.pk, "text": FOLLOW_UP}).content.decode()
    assert "Uppföljning (det som gjorts)" in page and "Fäst vid löftet" in page


def test_one_report_added_is_said_in_the_singular(cast: Cast) -> None:
    for language, said in (("en", "1 report added."), ("sv", "1 rapport lades till.")):
        ActivityReport.objects.all().delete()
        ImportedDocument.objects.all().delete()
        client = client_for(cast.coordinator, language=language)
        text = FOLLOW_UP.replace("Två trygghetsvandringar har hållits i centrum.\n", "")
        review = client.post(START, {"municipality": cast.eslov.pk, "text": text})
        done = client.post(ATTACH, _attach_post(review), follow=True)
        assert said in done.content.decode()


def test_a_follow_up_that_adds_nothing_offers_nothing_to_attach(cast: Cast) -> None:
    # What was logged already reaches every figure of the text: attaching would add no report.
    day = date(2017, 9, 1)
    activity_report_create(activity=cast.controls, by=cast.reporter, date=day, count=20)
    activity_report_create(activity=cast.walks, by=cast.reporter, date=day, count=2)
    review = client_for(cast.coordinator).post(
        START, {"municipality": cast.eslov.pk, "text": FOLLOW_UP}
    )
    page = review.content.decode()
    assert page.count("none: already recorded") == 2
    assert "Attach to the promise" not in page


def test_a_follow_up_of_an_evaluated_promise_says_the_log_is_closed_before_attaching(
    cast: Cast,
) -> None:
    CitizenPromise.objects.filter(pk=cast.published.pk).update(status=PromiseStatus.EVALUATED)
    review = client_for(cast.coordinator).post(
        START, {"municipality": cast.eslov.pk, "text": FOLLOW_UP}
    )
    page = review.content.decode()
    assert "its activity log is closed" in page
    assert "Attach to the promise" not in page


def test_an_index_from_the_end_is_not_taken(cast: Cast) -> None:
    client = client_for(cast.coordinator)
    review = client.post(START, {"municipality": cast.eslov.pk, "text": FOLLOW_UP})
    for index in (-1, "9" * 5000, " 0"):
        response = client.post(ATTACH, _attach_post(review, index=index))
        assert response.status_code == 302 and response["Location"] == START
    assert not ActivityReport.objects.exists() and not ImportedDocument.objects.exists()
