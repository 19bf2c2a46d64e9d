"""`loften import` stores drafts, all or nothing, and a second run changes nothing."""

from pathlib import Path

import pytest
from django.apps import apps
from django.core.management import CommandError, call_command
from django.urls import reverse

from accounts.models import Organisation, OrganisationKind
from conftest import Cast, client_for
from imports.models import ImportedDocument
from imports.services import municipality_named_elsewhere
from places.models import Municipality
from promises.models import CitizenPromise
from promises.vocabularies import PromiseStatus

HTML = Path(__file__).resolve().parent / "texts" / "seed_page.html"


def _counts() -> dict[str, int]:
    return {
        m._meta.label: m._default_manager.count()
        for m in apps.get_models()
        if m._meta.app_label in ("promises", "imports")
    }


@pytest.fixture
def eslov_without_2017(cast: Cast) -> Cast:
    CitizenPromise.objects.filter(municipality=cast.eslov).delete()
    Organisation.objects.create(name="Räddningstjänsten Syd", kind=OrganisationKind.RESCUE_SERVICE)
    return cast


def test_import_stores_both_years_as_drafts_with_their_parts(
    eslov_without_2017: Cast, capsys: pytest.CaptureFixture[str]
) -> None:
    call_command("import", str(HTML), "--municipality", "eslov", "--by", "coordinator")
    out = capsys.readouterr().out
    assert "Draft created: Medborgarlöften i Eslöv 2017 (2017)" in out
    drafts = CitizenPromise.objects.filter(municipality__slug="eslov").order_by("-year")
    assert [(p.year, p.status) for p in drafts] == [
        (2017, PromiseStatus.DRAFT),
        (2016, PromiseStatus.DRAFT),
    ]
    latest = drafts[0]
    assert [(a.kind, a.target) for a in latest.activities.all()] == [
        ("school_education", 1),
        ("safety_walk", 2),
        ("traffic_operation", 4),
        ("traffic_control", 30),
        ("citizen_dialogue", 2),
    ]
    education = latest.activities.get(position=0)
    assert [o.name for o in education.responsible.all()] == ["Räddningstjänsten Syd"]
    warnings = ImportedDocument.objects.get(promise=latest).warnings
    assert "Partner not found among the organisations: Polisen" in warnings
    assert "The text names no follow-up cadence; quarterly was assumed." in warnings
    assert [s.name for s in latest.signatories.all()] == ["Anna-Karin Boije", "Johan Andersson"]
    assert str(latest.signed_on) == "2017-02-15"
    assert drafts[1].follow_up == "quarterly" and drafts[1].commitments.count() == 3


def test_importing_the_same_file_again_changes_nothing(
    eslov_without_2017: Cast, capsys: pytest.CaptureFixture[str]
) -> None:
    call_command("import", str(HTML), "--municipality", "eslov")
    before = _counts()
    call_command("import", str(HTML), "--municipality", "eslov")
    assert _counts() == before
    assert "Nothing changed: seed_page.html: 2017 already imported" in capsys.readouterr().out


def test_an_existing_promise_is_never_replaced_and_nothing_is_half_imported(
    cast: Cast,
) -> None:
    before = _counts()
    with pytest.raises(CommandError, match="already has a promise for 2017") as caught:
        call_command("import", str(HTML), "--municipality", "eslov")
    assert caught.value.returncode == 2
    assert _counts() == before  # not even the 2016 document


def test_one_bad_file_stops_the_whole_run(eslov_without_2017: Cast, tmp_path: Path) -> None:
    empty = tmp_path / "tom.txt"
    empty.write_text("")
    before = _counts()
    with pytest.raises(CommandError, match="tom.txt: the file is empty"):
        call_command("import", str(HTML), str(empty), "--municipality", "eslov")
    assert _counts() == before


def test_a_misspelt_keyword_of_an_import_is_refused(eslov_without_2017: Cast) -> None:
    from imports.services import import_files

    before = _counts()
    with pytest.raises(TypeError):
        import_files(  # type: ignore[call-arg]
            paths=[HTML], municipalty=eslov_without_2017.eslov, by=None
        )
    assert _counts() == before


def test_unknown_municipality_is_named(db: None) -> None:
    with pytest.raises(CommandError, match="No municipality with the slug 'atlantis'"):
        call_command("import", str(HTML), "--municipality", "atlantis")


def test_the_draft_page_shows_what_the_import_could_not_place(eslov_without_2017: Cast) -> None:
    call_command("import", str(HTML), "--municipality", "eslov")
    promise = CitizenPromise.objects.get(municipality__slug="eslov", year=2017)
    record = ImportedDocument.objects.get(promise=promise)
    page = (
        client_for(eslov_without_2017.coordinator)
        .get(reverse("promises:promise_detail", args=[promise.pk]))
        .content.decode()
    )
    assert "Imported from seed_page.html" in page
    for warning in record.warnings:
        assert warning in page


def _lund_without_promises(cast: Cast) -> Cast:
    CitizenPromise.objects.filter(municipality=cast.lund).delete()
    return cast


def test_a_text_of_another_municipality_is_refused_without_confirmation(cast: Cast) -> None:
    _lund_without_promises(cast)
    before = _counts()
    with pytest.raises(CommandError) as caught:
        call_command("import", str(HTML), "--municipality", "lund")
    message = str(caught.value)
    assert "the text is a promise of Eslöv, not of Lund" in message
    assert "run again with --other-municipality" in message
    assert caught.value.returncode == 2
    assert _counts() == before


def test_the_confirmation_imports_it_under_the_municipality_given(
    cast: Cast, capsys: pytest.CaptureFixture[str]
) -> None:
    _lund_without_promises(cast)
    call_command("import", str(HTML), "--municipality", "lund", "--other-municipality")
    years = CitizenPromise.objects.filter(municipality=cast.lund).values_list("year", flat=True)
    assert sorted(years) == [2016, 2017]


@pytest.mark.parametrize(
    ("municipality", "named", "municipalities", "elsewhere"),
    [
        # A note in brackets after the name is no part of it.
        ("Exempelby (påhittad)", "Exempelby", ["Exempelby"], ""),
        # A text shared by the municipalities of one police area names each of them.
        ("Hörby", "Eslöv", ["Eslöv", "Höör", "Hörby"], ""),
        ("Upplands Väsby", "Väsby", ["Väsby"], ""),
        ("Lund", "Eslöv", ["Eslöv", "Höör"], "Eslöv"),
        ("Lund (påhittad)", "Eslöv", [], "Eslöv"),
    ],
)
def test_the_municipality_a_text_names(
    municipality: str, named: str, municipalities: list[str], elsewhere: str
) -> None:
    document = {"municipality": named, "municipalities": municipalities}
    assert municipality_named_elsewhere(document, Municipality(name=municipality)) == elsewhere
