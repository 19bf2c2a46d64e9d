"""Counts beyond their plausible bound (situation/vocabularies.py) are typing errors: refused
in forms, corrections and imports, naming the field, or the file, row and column."""

import pytest
from django.core.management import CommandError, call_command

from conftest import Cast, client_for
from situation.models import CrimeStatistic, Dialogue
from situation.services.files import file_import
from situation.vocabularies import MOST_PARTICIPANTS, MOST_REPORTED_CRIMES

pytestmark = pytest.mark.django_db


def _dialogue(participants: str, voiced_by: str) -> dict[str, str]:
    return {
        "kind": "citizen",
        "held_on": "2016-09-17",
        "form": "street_stand",
        "title": "Dialog vid torget",
        "participants": participants,
        "concern-TOTAL_FORMS": "5",
        "concern-INITIAL_FORMS": "0",
        "concern-0-text": "Buskörning med mopeder i centrum.",
        "concern-0-voiced_by": voiced_by,
    }


def test_fifty_thousand_at_one_dialogue_is_refused_on_its_field_and_kept_in_the_form(
    cast: Cast,
) -> None:
    url = "/arbete/lagesbild/eslov/dialog/ny/"
    response = client_for(cast.reporter).post(url, _dialogue("50000", "50000"))
    page = response.content.decode()
    assert response.status_code == 200
    assert page.count("50000 is more than 10000, which is not plausible here.") == 2
    assert 'value="Dialog vid torget"' in page
    assert not Dialogue.objects.exists()


def test_a_concern_voiced_by_more_than_took_part_is_refused(cast: Cast) -> None:
    url = "/arbete/lagesbild/eslov/dialog/ny/"
    page = client_for(cast.reporter).post(url, _dialogue("40", "400")).content.decode()
    assert "400 people voiced this concern, but only 40 took part in the dialogue." in page
    assert not Dialogue.objects.exists()
    # Without a number of participants, any plausible count goes.
    response = client_for(cast.reporter).post(url, _dialogue("", "400"))
    assert response.status_code == 302


def test_a_correction_to_an_implausible_count_is_refused(cast: Cast) -> None:
    statistic = CrimeStatistic.objects.create(
        municipality=cast.eslov, year=2016, category="Cykelstöld", reported=120
    )
    response = client_for(cast.coordinator).post(
        f"/arbete/lagesbild/post/crime_statistic/{statistic.pk}/andra/",
        {"reported": "1000000", "per_100k": "", "problem": "theft", "reason": "Fel i filen."},
    )
    assert "1000000 is more than 150000" in response.content.decode()
    statistic.refresh_from_db()
    assert statistic.reported == 120


def test_an_import_names_file_row_and_column_of_an_implausible_count(
    cast: Cast, tmp_path: object, capsys: pytest.CaptureFixture[str]
) -> None:
    data = (
        "kommun;år;brottskategori;antal;per_100000\n"
        "Eslöv;2016;Cykelstöld;120;356,1\n"
        "Eslöv;2016;Misshandel;1000000;12,0\n"
        "Eslöv;2016;Rån;12;250000\n"
    ).encode()
    report = file_import(kind="crime_statistics", file_name="brott.csv", data=data)
    assert [str(e) for e in report.errors] == [
        f"row 3, column antal: '1000000' is more than {MOST_REPORTED_CRIMES}, which is not "
        "plausible here. Check the number for a typing error.",
        "row 4, column per_100000: '250000' is more than 100000, which is not plausible here. "
        "Check the number for a typing error.",
    ]
    assert not report.stored and not CrimeStatistic.objects.exists()
    path = tmp_path / "brott.csv"  # type: ignore[operator]
    path.write_bytes(data)
    with pytest.raises(CommandError):
        call_command("evidence", "import", "crime_statistics", str(path))
    assert "brott.csv: row 3, column antal: '1000000' is more than" in capsys.readouterr().err


def test_the_bounds_hold_the_largest_real_figures() -> None:
    # Stockholm's largest category is below 100,000 a year; a big web dialogue a few thousand.
    assert MOST_REPORTED_CRIMES >= 100_000
    assert 5_000 <= MOST_PARTICIPANTS < 50_000
