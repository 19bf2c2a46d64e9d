"""Public pages come from the page cache, and never stale: after every kind of write, every
cached page reads as a freshly rendered one, at once. The demo is committed (a transactional
test), so the commit hooks that invalidate run as they do in production. The cache is Redis
when REDIS_URL is set (as in CI), else the process's memory."""

import os
import time
import uuid
from collections.abc import Callable, Iterator
from datetime import date, timedelta
from typing import Any

import pytest
from django.conf import settings
from django.test import Client, override_settings
from django.urls import reverse
from django.utils import timezone

from accounts.models import User
from conftest import client_for, sign_for_both
from core.pagecache import CLOCK_SECONDS, HEADER
from followup import services as followup_services
from followup.models import Evaluation, FollowUp
from followup.vocabularies import FollowUpStatus
from promises import services as promise_services
from promises.models import ActivityReport, CitizenPromise
from promises.vocabularies import PromiseStatus
from situation.models import Complaint, CrimeStatistic
from situation.services.corrections import evidence_correct, evidence_withdraw
from situation.services.files import file_import

pytestmark = pytest.mark.usefixtures("demo")


def _pages_cache() -> dict[str, Any]:
    prefix = f"test-{uuid.uuid4().hex}"  # nothing of another test, or another run
    if os.environ.get("REDIS_URL"):
        return {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": os.environ["REDIS_URL"],
            "KEY_PREFIX": prefix,
        }
    return {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": prefix}


@pytest.fixture(autouse=True)
def page_cache(time_machine: Any) -> Iterator[None]:
    # The clock at the start of a five-minute slot, so that no test sees its pages' keys
    # change half-way (they hold the slot).
    now = time.time()
    time_machine.move_to(now - now % CLOCK_SECONDS + 1, tick=True)
    with override_settings(CACHES={**settings.CACHES, "pages": _pages_cache()}):
        yield


def _fresh(url: str, language: str = "en") -> bytes:
    """The page rendered now, past the cache: a request with a session cookie (of no
    session) is never served from it, and reads as any anonymous visitor's."""
    client = client_for(language=language)
    client.cookies[settings.SESSION_COOKIE_NAME] = "no-such-session"
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content


def _public_urls() -> list[str]:
    """Every cached page of the demo's two municipalities and the national ones."""
    urls = [
        reverse("portal:home"),
        reverse("portal:national"),
        reverse("portal:compare") + "?kommun=eslov&kommun=exempelby",
        reverse("portal:feed"),
        reverse("portal:national_calendar"),
        reverse("portal:open_data"),
        reverse("portal:open_data_csv", args=["aktiviteter"]),
        "/api/v1/promises",
        "/api/v1/follow-ups",
        "/api/v1/evaluations",
        "/api/v1/situation-pictures",
    ]
    for promise in CitizenPromise.objects.exclude(status=PromiseStatus.DRAFT):
        slug, year = promise.municipality.slug, promise.year
        urls += [
            reverse("portal:municipality", args=[slug]),
            reverse("portal:municipality_feed", args=[slug]),
            reverse("portal:calendar", args=[slug]),
            reverse("portal:promise", args=[slug, year]),
            reverse("portal:promise_print", args=[slug, year]),
            f"/api/v1/promises/{promise.pk}",
        ]
        for follow_up in promise.follow_ups.filter(status=FollowUpStatus.PUBLISHED):
            urls.append(reverse("portal:follow_up", args=[slug, year, follow_up.number]))
    urls.append(reverse("portal:evaluation", args=["eslov", 2016]))
    urls += [reverse("portal:situation", args=["eslov", year]) for year in (2015, 2016)]
    return list(dict.fromkeys(urls))


def _warm(urls: list[str]) -> dict[str, bytes]:
    """Each page read twice, the second time from the cache."""
    client, shown = client_for(), {}
    for url in urls:
        first = client.get(url)
        assert first.status_code == 200, url
        again = client.get(url)
        assert again[HEADER] == "hit", url
        shown[url] = again.content
    return shown


def _all_fresh(urls: list[str]) -> None:
    client = client_for()
    stale = [url for url in urls if client.get(url).content != _fresh(url)]
    assert not stale, f"stale after the write: {stale}"


def _user(name: str) -> User:
    return User.objects.get(username=name)


def _exempelby() -> CitizenPromise:
    return CitizenPromise.objects.get(municipality__slug="exempelby", year=2026)


def _report() -> None:
    activity = _exempelby().activities.order_by("pk").first()
    assert activity is not None
    promise_services.activity_report_create(
        activity=activity, by=_user("polis.exempelby"), date=timezone.localdate(), count=3
    )


def _report_removed() -> None:
    report = ActivityReport.objects.filter(activity__promise=_exempelby(), removed_at=None).first()
    assert report is not None
    promise_services.activity_report_remove(report=report, by=_user("samordnare.exempelby"))


def _published() -> None:
    draft = CitizenPromise.objects.get(municipality__slug="exempelby", year=2027)
    draft = promise_services.promise_update(
        promise=draft, by=None, expected_version=draft.version, signed_on=date(2026, 11, 30)
    )
    if not draft.activities.exists():
        promise_services.activity_create(
            promise=draft, by=None, kind="other", description="Trygghetsvandring i centrum"
        )
    sign_for_both(draft)
    draft = promise_services.promise_set_status(
        promise=draft, by=_user("admin"), status=PromiseStatus.SIGNED
    )
    # An administrator may approve for both parties; the second approval publishes.
    for _party in ("municipality", "police"):
        draft = promise_services.promise_approve(promise=draft, by=_user("admin"))
    assert draft.status == PromiseStatus.PUBLISHED


def _withdrawn() -> None:
    promise_services.promise_withdraw(
        promise=_exempelby(),
        by=_user("samordnare.exempelby"),
        reason="Löftet ersätts av ett nytt efter omorganisationen.",
        confirmed=True,
    )


def _follow_up_published() -> None:
    draft = FollowUp.objects.get(promise=_exempelby(), number=3)
    draft.assessment = "Arbetet går enligt plan."
    draft.save()
    published = followup_services.follow_up_approve(follow_up=draft, by=_user("admin"))
    if published.status == FollowUpStatus.APPROVED:
        followup_services.follow_up_cosign(follow_up=published, by=_user("admin"))


def _evaluation_reopened() -> None:
    evaluation = Evaluation.objects.get(promise__municipality__slug="eslov", promise__year=2016)
    followup_services.evaluation_reopen(
        evaluation=evaluation, by=_user("admin"), reason="Loggen rättas."
    )


def _evidence_corrected() -> None:
    record = CrimeStatistic.objects.filter(municipality__slug="eslov").order_by("pk").first()
    assert record is not None
    evidence_correct(
        record=record,
        changes={"reported": record.reported + 50},
        reason="Fel siffra i filen",
        by=_user("samordnare.eslov"),
    )


def _evidence_withdrawn() -> None:
    record = Complaint.objects.filter(municipality__slug="eslov").order_by("pk").first()
    assert record is not None
    evidence_withdraw(record=record, reason="Dubblett", by=_user("samordnare.eslov"))


def _evidence_imported() -> None:
    text = "kommun;år;brottskategori;antal\nEslöv;2015;Skadegörelse;999\n"
    report = file_import(
        kind="crime_statistics",
        file_name="brott.csv",
        data=text.encode(),
        by=_user("samordnare.eslov"),
    )
    assert report.stored, report.errors


WRITES: dict[str, Callable[[], None]] = {
    "a report": _report,
    "a report removed": _report_removed,
    "a publish": _published,
    "a withdrawal": _withdrawn,
    "a follow-up": _follow_up_published,
    "an evaluation reopened": _evaluation_reopened,
    "an evidence correction": _evidence_corrected,
    "an evidence withdrawal": _evidence_withdrawn,
    "an evidence import": _evidence_imported,
}


@pytest.mark.parametrize("write", WRITES.values(), ids=WRITES.keys())
def test_every_cached_page_reads_fresh_right_after_the_write(write: Callable[[], None]) -> None:
    urls = _public_urls()
    before = _warm(urls)
    write()
    client = client_for()
    after = {url: client.get(url).content for url in urls}
    # The write showed somewhere (else this test could not fail) ...
    assert any(after[url] != before[url] for url in urls)
    # ... and nowhere is the page as it was cached before it.
    _all_fresh(urls)


def test_a_report_shows_on_the_promise_page_at_once() -> None:
    url = reverse("portal:promise", args=["exempelby", 2026])
    client = client_for()
    client.get(url)
    assert client.get(url)[HEADER] == "hit"
    done = _exempelby().activities.order_by("pk").first().done_count  # type: ignore[union-attr]
    _report()
    response = client.get(url)
    assert response[HEADER] == "miss"
    assert (
        f"{done + 3} of" in response.content.decode() or str(done + 3) in response.content.decode()
    )
    assert client.get(url)[HEADER] == "hit"


def test_a_write_leaves_other_municipalities_pages_cached() -> None:
    eslov = reverse("portal:promise", args=["eslov", 2017])
    national = reverse("portal:national")
    client = client_for()
    client.get(eslov), client.get(national)
    _report()  # in Exempelby
    assert client.get(eslov)[HEADER] == "hit"
    assert client.get(national)[HEADER] == "miss"


def test_a_hit_and_a_304_touch_no_database(django_assert_num_queries: Any) -> None:
    url = reverse("portal:promise", args=["eslov", 2017])
    client = client_for()
    first = client.get(url)
    assert first[HEADER] == "miss" and first["ETag"]
    with django_assert_num_queries(0):
        hit = client.get(url)
        not_modified = client.get(url, headers={"if-none-match": first["ETag"]})
    assert hit[HEADER] == "hit" and hit.content == first.content
    assert not_modified.status_code == 304 and not_modified.content == b""
    assert not_modified["ETag"] == first["ETag"]
    assert "public" in hit["Cache-Control"] and "max-age=0" in hit["Cache-Control"]


def test_the_api_answers_304_from_the_cache(django_assert_num_queries: Any) -> None:
    client = client_for()
    first = client.get("/api/v1/promises")
    assert first.status_code == 200 and first["ETag"]
    with django_assert_num_queries(0):
        again = client.get("/api/v1/promises", headers={"if-none-match": first["ETag"]})
    assert again.status_code == 304
    assert again["Access-Control-Allow-Origin"] == "*"


def test_a_changed_page_has_a_new_etag() -> None:
    url = reverse("portal:promise", args=["exempelby", 2026])
    client = client_for()
    etag = client.get(url)["ETag"]
    _report()
    response = client.get(url, headers={"if-none-match": etag})
    assert response.status_code == 200 and response["ETag"] != etag


def test_each_language_is_kept_apart() -> None:
    url = reverse("portal:promise", args=["eslov", 2017])
    english, swedish = client_for(language="en"), client_for(language="sv")
    for client in (english, swedish, english, swedish):
        client.get(url)
    assert english.get(url)[HEADER] == "hit" and swedish.get(url)[HEADER] == "hit"
    assert 'lang="en"' in english.get(url).content.decode()
    assert 'lang="sv"' in swedish.get(url).content.decode()


def test_a_logged_in_user_never_gets_a_cached_page_nor_leaves_one() -> None:
    url = reverse("portal:promise", args=["eslov", 2017])
    anonymous = client_for()
    anonymous.get(url)
    coordinator = client_for(_user("samordnare.eslov"))
    page = coordinator.get(url)
    assert HEADER not in page
    assert "Log out" in page.content.decode()
    # The coordinator's page, with their menu and CSRF token, was not stored for others.
    shown = anonymous.get(url)
    assert shown[HEADER] == "hit"
    assert "Log out" not in shown.content.decode() and "csrfmiddlewaretoken" not in (
        shown.content.decode()
    )


def test_a_visitor_with_a_message_waiting_is_answered_afresh() -> None:
    url = reverse("portal:promise", args=["eslov", 2017])
    client = client_for()
    client.get(url)
    assert client.get(url)[HEADER] == "hit"
    client.cookies["messages"] = "waiting"
    assert HEADER not in client.get(url)


def test_public_pages_set_no_cookie_and_the_language_form_still_works() -> None:
    client = Client()
    page = client.get(reverse("portal:promise", args=["eslov", 2017]))
    assert page.status_code == 200 and not page.cookies
    chosen = client.post(reverse("set_language"), {"language": "en", "next": "/"})
    assert chosen.status_code == 302
    assert client.get("/")["Content-Language"] == "en"


def test_staff_pages_are_never_cached() -> None:
    client = client_for(_user("samordnare.eslov"))
    url = reverse("promises:dashboard")
    assert HEADER not in client.get(url) and HEADER not in client.get(url)


def test_a_page_not_found_is_not_stored() -> None:
    client = client_for()
    url = reverse("portal:promise", args=["eslov", 2031])
    assert client.get(url).status_code == 404
    assert client.get(url).status_code == 404
    assert HEADER not in client.get(url)


def test_the_day_is_part_of_the_key(time_machine: Any) -> None:
    url = reverse("portal:promise", args=["eslov", 2017])
    client = client_for()
    client.get(url)
    assert client.get(url)[HEADER] == "hit"
    time_machine.move_to(timezone.now() + timedelta(days=1))
    assert client.get(url)[HEADER] == "miss"


def test_a_page_is_rendered_again_after_its_five_minutes(time_machine: Any) -> None:
    url = reverse("portal:promise", args=["eslov", 2017])
    client = client_for()
    client.get(url)
    assert client.get(url)[HEADER] == "hit"
    time_machine.shift(CLOCK_SECONDS)
    assert client.get(url)[HEADER] == "miss"


def test_a_lost_version_makes_every_stored_page_stale() -> None:
    from django.core.cache import caches

    url = reverse("portal:promise", args=["eslov", 2017])
    client = client_for()
    client.get(url)
    caches["pages"].delete("pv:m:eslov")
    assert client.get(url)[HEADER] == "miss"
    assert client.get(url)[HEADER] == "hit"


def test_a_rolled_back_write_leaves_the_cache_alone() -> None:
    from django.db import transaction

    url = reverse("portal:promise", args=["exempelby", 2026])
    client = client_for()
    client.get(url)
    with pytest.raises(RuntimeError), transaction.atomic():
        _report()
        raise RuntimeError("the write fails after the report")
    assert client.get(url)[HEADER] == "hit"
    assert client.get(url).content == _fresh(url)


def _stale_key(url: str) -> tuple[str, list[Any]]:
    """The page's key and its municipality's versions, once a write made it stale."""
    from django.core.cache import caches
    from django.test import RequestFactory

    from core.pagecache import PageCacheMiddleware, changed

    client_for().get(url)
    changed("eslov")  # outside a transaction: at once
    request = RequestFactory().get(url)
    request.LANGUAGE_CODE = "en"
    versions = caches["pages"].get_many(["pv:any", "pv:m:eslov"])
    return PageCacheMiddleware._key(request), [versions["pv:any"], versions["pv:m:eslov"]]


def test_a_request_waits_for_the_one_already_rendering_the_page(
    django_assert_num_queries: Any,
) -> None:
    import threading

    from django.core.cache import caches

    url = reverse("portal:promise", args=["eslov", 2017])
    key, versions = _stale_key(url)
    pages = caches["pages"]
    pages.add(f"{key}:rendering:{versions[0]}-{versions[1]}", 1, 3)
    rendered = {
        "versions": versions,
        "status": 200,
        "headers": [("Content-Type", "text/html"), ("ETag", '"x"')],
        "content": b"rendered by the other request",
    }
    other = threading.Timer(0.2, lambda: pages.set(key, rendered, 60))
    other.start()
    with django_assert_num_queries(0):
        response = client_for().get(url)
    other.join()
    assert response.content == b"rendered by the other request"


def test_a_request_renders_itself_when_the_other_gives_up() -> None:
    import threading

    from django.core.cache import caches

    url = reverse("portal:promise", args=["eslov", 2017])
    key, versions = _stale_key(url)
    marker = f"{key}:rendering:{versions[0]}-{versions[1]}"
    caches["pages"].add(marker, 1, 3)
    gave_up = threading.Timer(0.2, lambda: caches["pages"].delete(marker))
    gave_up.start()
    response = client_for().get(url)
    gave_up.join()
    assert response[HEADER] == "miss" and response.content == _fresh(url)
