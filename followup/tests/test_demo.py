from datetime import date, datetime, timedelta
from html.parser import HTMLParser

import pytest
from django.urls import reverse
from django.utils import timezone

from audit.models import AuditEvent
from conftest import client_for
from followup.demo import load_follow_ups
from followup.models import Evaluation, FollowUp
from followup.selectors import periods_of
from followup.vocabularies import FollowUpStatus
from promises.models import ActivityReport, CitizenPromise


@pytest.mark.usefixtures("demo")
def test_the_demo_publishes_eslovs_follow_ups_and_leaves_exempelbys_latest_as_a_draft() -> None:
    eslov = FollowUp.objects.filter(promise__municipality__slug="eslov")
    assert sorted(eslov.values_list("promise__year", "number")) == [
        (2016, 1),
        (2016, 2),
        (2016, 3),
        (2016, 4),
        (2017, 1),
        (2017, 2),
        (2017, 3),
        (2017, 4),
    ]
    assert set(eslov.values_list("status", flat=True)) == {FollowUpStatus.PUBLISHED}
    assert all("Påhittad" in f.assessment for f in eslov)
    exempelby = FollowUp.objects.filter(promise__municipality__slug="exempelby").order_by("number")
    if exempelby:
        assert exempelby.last().status == FollowUpStatus.DRAFT  # type: ignore[union-attr]
    evaluated = Evaluation.objects.get(promise__municipality__slug="eslov")
    assert (evaluated.promise.year, evaluated.promise.status) == (2016, "evaluated")
    assert evaluated.as_of == date(2016, 12, 31) and "Påhittad" in evaluated.summary
    assert any(line.effects for line in evaluated.commitments.all())
    # Published by both parties' coordinators in the January after the promise year.
    assert evaluated.municipality_approved_by.username == "samordnare.eslov"  # type: ignore[union-attr]
    assert evaluated.police_approved_by.username == "samordnare.polis.eslov"  # type: ignore[union-attr]
    assert evaluated.municipality_approved_at and evaluated.police_approved_at
    approved = (evaluated.municipality_approved_at, evaluated.police_approved_at)
    assert [moment.date() for moment in approved] == [date(2017, 1, 20), date(2017, 1, 24)]
    assert evaluated.published_at == evaluated.police_approved_at
    page = client_for(language="sv").get(reverse("portal:evaluation", args=["eslov", 2016]))
    text = page.content.decode()
    assert "Godkänt för publicering av kommunen den 20 januari 2017" in text, text
    assert "24 januari 2017" in text
    assert load_follow_ups(date.today()) is False, "a second run changes nothing"
    page = client_for().get(reverse("portal:follow_up", args=["eslov", 2017, 2]))
    assert page.status_code == 200
    assert "Påhittad bedömning" in page.content.decode()


def _local_day(moment: datetime | None) -> date | None:
    return None if moment is None else timezone.localdate(moment)


@pytest.mark.usefixtures("demo")
def test_the_demo_stamps_its_past_on_the_days_it_tells_of() -> None:
    # Promises: signed, approved and published on their signing day.
    for promise in CitizenPromise.objects.filter(municipality__slug="eslov"):
        approved = (promise.municipality_approved_at, promise.police_approved_at)
        assert [_local_day(m) for m in approved] == [promise.signed_on] * 2
        assert _local_day(promise.published_at) == promise.signed_on
    assert _local_day(CitizenPromise.objects.get(year=2017).published_at) == date(2017, 2, 15)
    # Follow-ups: published twelve days after the end of their period.
    published = FollowUp.objects.filter(promise__municipality__slug="eslov", promise__year=2017)
    ends = {p.number: p.end for p in periods_of(published.first().promise)}  # type: ignore[union-attr]
    for follow_up in published:
        expected = ends[follow_up.number] + timedelta(days=12)
        assert _local_day(follow_up.published_at) == expected
        assert _local_day(follow_up.approved_at) == expected
    assert _local_day(published.get(number=4).published_at) == date(2018, 1, 12)
    # Reports: logged on their own date, and so is their audit entry.
    reports = ActivityReport.objects.filter(activity__promise__municipality__slug="eslov")
    assert reports.count() > 30
    for report in reports:
        assert _local_day(report.created_at) == report.date
        event = AuditEvent.objects.get(
            model=ActivityReport._meta.label, object_id=str(report.pk), action="create"
        )
        assert _local_day(event.at) == report.date
    eslov = [
        f"citizenpromise:{p.pk}" for p in CitizenPromise.objects.filter(municipality__slug="eslov")
    ]
    assert AuditEvent.objects.filter(trail__in=eslov).count() > 50
    late = AuditEvent.objects.filter(trail__in=eslov, at__year__gte=2019)
    assert list(late.values_list("model", "action")) == [], "nothing in its history is today's"


class _Tables(HTMLParser):
    """The tables of a page as rows of (cell text, data-label) pairs, header rows included,
    as a screen reader reads them: what is hidden from it (aria-hidden) is left out."""

    def __init__(self, page: bytes) -> None:
        super().__init__()
        self.tables: list[list[list[tuple[str, str]]]] = []
        self._cell: list[str] | None = None
        self._label = ""
        self._hidden = 0
        self.feed(page.decode())

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self._hidden or dict(attrs).get("aria-hidden") == "true":
            self._hidden += tag == "span"
            return
        if tag == "table":
            self.tables.append([])
        elif tag == "tr" and self.tables:
            self.tables[-1].append([])
        elif tag in ("th", "td") and self.tables:
            self._cell, self._label = [], dict(attrs).get("data-label") or ""
        elif tag == "br" and self._cell is not None:
            self._cell.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if self._hidden:
            self._hidden -= tag == "span"
            return
        if tag in ("th", "td") and self._cell is not None:
            text = "".join(self._cell).split("\n")[0]
            self.tables[-1][-1].append((" ".join(text.split()), self._label))
            self._cell = None

    def handle_data(self, data: str) -> None:
        if self._cell is not None and not self._hidden:
            self._cell.append(data)


def _picture_cells(year: int) -> dict[tuple[str, str], str]:
    """The public situation picture of Eslöv's year, as {(problem, source): cell text}."""
    page = client_for(language="sv").get(reverse("portal:situation", args=["eslov", year]))
    (ranking,) = [t for t in _Tables(page.content).tables if t[0][0][0] == "Plats"]
    return {(row[1][0], label): text for row in ranking[1:] for text, label in row[2:8]}


@pytest.mark.usefixtures("demo")
def test_the_evaluation_of_2016_shows_each_effect_as_the_situation_pictures_show_it() -> None:
    """Every figure of the effect table is the one the public picture of the same year and
    source shows: a source without records says "inga uppgifter för perioden" in both, and
    a real zero (citizen dialogues were held in 2016, none raised reckless driving) is 0 in
    both, never a 0 beside a dash that reads as no data."""
    page = client_for(language="sv").get(reverse("portal:evaluation", args=["eslov", 2016]))
    effects = [
        [text for text, _label in row]
        for table in _Tables(page.content).tables
        if table[0][0][0] == "Problem"
        for row in table[1:]
    ]
    assert effects, "the demo's evaluation shows effects"
    before, during = _picture_cells(2015), _picture_cells(2016)
    for problem, source, then, now in effects:
        assert (then, now) == (before[(problem, source)], during[(problem, source)])
    shown = {(problem, source): (then, now) for problem, source, then, now in effects}
    no_data = "inga uppgifter för perioden"
    assert shown[("Vårdslös körning och buskörning", "Medborgardialoger")] == ("8", "0")
    assert shown[("Vårdslös körning och buskörning", "Medarbetardialoger")] == (no_data, "7")
    assert shown[("Vårdslös körning och buskörning", "Trygghetsmätningar")] == ("38", no_data)
    # The open data says the same: a real 0, and null marked as no data.
    (evaluation,) = client_for().get("/api/v1/evaluations?municipality=eslov").json()["results"]
    api = {
        (e["problem"], e["source"]): e
        for line in evaluation["commitments"]
        for e in line["effects"]
    }
    dialogues = api[("reckless_driving", "citizen_dialogues")]
    assert (dialogues["before"], dialogues["after"], dialogues["no_data_after"]) == (8, 0, False)
    employees = api[("reckless_driving", "employee_dialogues")]
    assert (employees["before"], employees["no_data_before"]) == (None, True)
