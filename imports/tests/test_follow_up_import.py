"""`loften import` attaches a follow-up's achieved counts to the promise of its year, as
reports that bring each activity up to the figure; all or nothing, and only once."""

from datetime import date
from pathlib import Path

import pytest
from django.core.exceptions import ValidationError
from django.core.management import CommandError, call_command
from django.utils import translation
from django.utils.translation import gettext as _

from audit.models import AuditEvent
from conftest import Cast, at_once, needs_postgres
from imports.follow_ups import matches_for, report_day
from imports.models import ImportedDocument
from imports.reading import parse_text
from imports.services import ImportRefused, follow_up_attach, follow_up_source_key
from promises import services
from promises.models import ActivityReport, CitizenPromise
from promises.services.reports import activity_report_create
from promises.vocabularies import ActivityKind

FOLLOW_UP = (
    "Uppföljning av medborgarlöftet 2017 i Eslöv\n"
    "Eslöv 2017-10-02\n"
    "Polisen har genomfört 17 trafikkontroller vid skolorna.\n"
    "Tre trygghetsvandringar har hållits i centrum.\n"
    "Kommunen har gjort 12 tillsyner av restauranger.\n"
)


def _write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def _import(*paths: Path) -> None:
    call_command("import", *map(str, paths), "--municipality", "eslov", "--by", "coordinator")


def test_a_follow_up_adds_reports_up_to_its_figures_and_says_what_it_did(
    cast: Cast, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    activity_report_create(
        activity=cast.controls, by=cast.reporter, date=date(2017, 3, 1), count=10
    )
    _import(_write(tmp_path, "uppfoljning.txt", FOLLOW_UP))
    out = capsys.readouterr().out
    cast.controls.refresh_from_db()
    cast.walks.refresh_from_db()
    assert (cast.controls.done_count, cast.walks.done_count) == (17, 3)
    added = ActivityReport.objects.get(activity=cast.controls, count=7)
    assert added.date == date(2017, 10, 2)
    assert "uppfoljning.txt" in added.notes and added.reported_by == cast.coordinator
    assert AuditEvent.objects.filter(object_id=str(added.pk)).exists()
    assert "Follow-up attached: uppfoljning.txt → Medborgarlöfte 2017 (2017)" in out
    assert "→ Trafikkontroller: 10 recorded before, report of 7 added" in out
    assert "not attached: Licence inspection 12" in out
    assert "the promise has no activity of the kind" in out
    record = ImportedDocument.objects.get(follow_up_of=cast.published)
    assert record.promise is None
    assert [(a["kind"], a["added"]) for a in record.attached] == [
        ("traffic_control", 7),
        ("safety_walk", 3),
        ("licence_inspection", 0),
    ]


def test_a_figure_already_recorded_adds_nothing_and_says_so(
    cast: Cast, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for day in (date(2017, 5, 1), date(2017, 9, 1)):
        activity_report_create(activity=cast.walks, by=cast.reporter, date=day, count=2)
    _import(_write(tmp_path, "uppfoljning.txt", FOLLOW_UP))
    cast.walks.refresh_from_db()
    assert cast.walks.done_count == 4
    assert "→ Trygghetsvandringar: 4 already recorded, nothing added" in capsys.readouterr().out


def test_a_figure_more_than_one_execution_may_count_is_attached_as_a_summary(
    cast: Cast, tmp_path: Path
) -> None:
    """Seven walks are more than one report of a walk may count; told in a follow-up, they
    are the year's total to date, kept as a summary of the period."""
    _import(_write(tmp_path, "uppfoljning.txt", FOLLOW_UP.replace("Tre", "Sju")))
    cast.walks.refresh_from_db()
    assert cast.walks.done_count == 7
    report = ActivityReport.objects.get(activity=cast.walks)
    assert (report.count, report.summary) == (7, True)
    with pytest.raises(ValidationError) as refused:
        activity_report_create(
            activity=cast.walks, by=cast.reporter, date=date(2017, 5, 1), count=7
        )
    assert "count" in refused.value.message_dict


def test_a_figure_more_than_a_year_can_hold_is_listed_and_the_rest_attached(
    cast: Cast, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _import(_write(tmp_path, "uppfoljning.txt", FOLLOW_UP.replace("Tre", "12000")))
    cast.walks.refresh_from_db()
    cast.controls.refresh_from_db()
    assert (cast.walks.done_count, cast.controls.done_count) == (0, 17)
    out = capsys.readouterr().out
    assert "not attached: Safety walk 12000 " in out
    assert "A summary of a period can count at most 10000 times" in out


def test_the_same_follow_up_imported_again_changes_nothing(
    cast: Cast, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _write(tmp_path, "uppfoljning.txt", FOLLOW_UP)
    _import(path)
    reports = ActivityReport.objects.count()
    _import(path)
    assert ActivityReport.objects.count() == reports
    assert "Nothing changed: uppfoljning.txt: 2017 already imported" in capsys.readouterr().out
    assert ImportedDocument.objects.filter(follow_up_of=cast.published).count() == 1


def test_a_follow_up_of_a_year_without_a_promise_refuses_the_whole_run(
    cast: Cast, tmp_path: Path
) -> None:
    good = _write(tmp_path, "uppfoljning.txt", FOLLOW_UP)
    other_year = _write(tmp_path, "2019.txt", FOLLOW_UP.replace("2017", "2019"))
    with pytest.raises(CommandError) as refused:
        _import(good, other_year)
    assert "2019.txt" in str(refused.value)
    assert "Eslöv has no promise for 2019" in str(refused.value)
    assert refused.value.returncode == 2
    assert not ActivityReport.objects.exists() and not ImportedDocument.objects.exists()


def test_of_activities_sharing_a_kind_the_words_decide_and_a_tie_is_not_attached(
    cast: Cast,
) -> None:
    for position, description in enumerate(
        ["Trafikkontroller på landsvägen", "Trafikkontroller vid skolorna på morgonen"]
    ):
        schools = services.activity_create(
            promise=cast.draft,
            by=cast.coordinator,
            kind=ActivityKind.TRAFFIC_CONTROL,
            target=10,
            description=description,
            position=position,
        )
    achieved = [
        {"kind": "traffic_control", "done": 8, "text": "8 trafikkontroller vid skolorna."},
        {"kind": "traffic_control", "done": 5, "text": "5 trafikkontroller i år."},
    ]
    first, second = matches_for(cast.draft, achieved)
    assert first.activity == schools and first.to_add == 8
    assert second.activity is None and "does not say which one" in second.reason


def test_two_counts_for_one_activity_attach_neither(cast: Cast) -> None:
    achieved = [
        {"kind": "safety_walk", "done": 2, "text": "2 trygghetsvandringar i centrum."},
        {"kind": "safety_walk", "done": 3, "text": "3 trygghetsvandringar i hamnen."},
    ]
    matches = matches_for(cast.published, achieved)
    assert [m.activity for m in matches] == [None, None]
    assert all("same activity" in m.reason for m in matches)


@pytest.mark.parametrize(
    ("dated", "expected"),
    [
        ("2017-06-30", date(2017, 6, 30)),
        ("2018-02-01", date(2017, 12, 31)),
        (None, date(2017, 12, 31)),
        ("2016-12-01", date(2017, 12, 31)),
    ],
)
def test_the_report_is_dated_by_the_follow_up_within_the_promise_year(
    dated: str | None, expected: date
) -> None:
    assert report_day(dated, 2017, date(2024, 5, 1)) == expected


def test_a_follow_up_of_this_year_is_not_dated_after_today() -> None:
    assert report_day(None, 2024, date(2024, 5, 1)) == date(2024, 5, 1)
    assert report_day("2024-09-01", 2024, date(2024, 5, 1)) == date(2024, 5, 1)


def test_a_follow_up_of_a_draft_promise_is_refused_naming_the_file(
    cast: Cast, tmp_path: Path
) -> None:
    services.activity_create(
        promise=cast.draft,
        by=cast.coordinator,
        kind=ActivityKind.TRAFFIC_CONTROL,
        target=10,
        description="Trafikkontroller",
    )
    with pytest.raises(CommandError, match="2018.txt: Activities can be logged once") as refused:
        _import(_write(tmp_path, "2018.txt", FOLLOW_UP.replace("2017", "2018")))
    assert refused.value.returncode == 2
    assert not ActivityReport.objects.exists() and not ImportedDocument.objects.exists()


@needs_postgres
@pytest.mark.django_db(transaction=True)
def test_two_people_attaching_the_same_follow_up_at_once_attach_it_once(
    reference_data: None, cast: Cast
) -> None:
    """Both pages were opened before either was sent: one attaches it, the other is told it
    already was, and no count is added twice."""
    document = parse_text(FOLLOW_UP)["documents"][0]
    key = follow_up_source_key(FOLLOW_UP, document["year"])
    errors = at_once(
        *(
            lambda by=by: follow_up_attach(
                document=document,
                promise=CitizenPromise.objects.get(pk=cast.published.pk),
                source_key=key,
                source_name="uppfoljning.txt",
                by=by,
            )
            for by in (cast.coordinator, cast.moderator, cast.coordinator)
        )
    )
    assert [type(e) for e in errors] == [ImportRefused] * 2
    # Said in the site's language, which the threads speak.
    with translation.override("sv"):
        told = _("%(file)s: %(year)s already imported") % {"file": "uppfoljning.txt", "year": 2017}
    assert [e.problems for e in errors if isinstance(e, ImportRefused)] == [[told]] * 2
    cast.controls.refresh_from_db()
    cast.walks.refresh_from_db()
    assert (cast.controls.done_count, cast.walks.done_count) == (17, 3)
    assert ImportedDocument.objects.filter(follow_up_of=cast.published).count() == 1
