import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from conftest import Cast, client_for
from imports.models import FileImport
from situation.models import CrimeStatistic

pytestmark = pytest.mark.django_db

GOOD_AND_BAD = (
    "kommun;år;brottskategori;antal\n"
    "Eslöv;2016;Rån;3\n"
    "Eslöv;2016;Stöld;tolv\n"
    "Lund;2016;Rån;30\n"
    "Eslöv;2016;Bedrägeri;40\n"
).encode()


def _upload(client: object, data: bytes, name: str = "brott.csv") -> FileImport:
    response = client.post(  # type: ignore[attr-defined]
        "/arbete/lagesbild/eslov/inlasning/",
        {"kind": "crime_statistics", "file": SimpleUploadedFile(name, data)},
    )
    assert response.status_code == 302, response.content.decode()[:500]
    return FileImport.objects.get()


def test_an_uploaded_file_is_checked_and_nothing_stored_until_the_user_decides(
    cast: Cast,
) -> None:
    client = client_for(cast.reporter)
    run = _upload(client, GOOD_AND_BAD)
    assert run.status == "checked" and run.total_rows == 4
    assert run.errors == [
        [3, "antal", "'tolv' is not a whole number"],
        [4, "kommun", "you may not import evidence for Lund"],
    ]
    page = client.get(f"/arbete/lagesbild/inlasning/{run.pk}/").content.decode()
    assert "2 of 4 rows have errors. Nothing has been stored." in page
    assert "&#x27;tolv&#x27; is not a whole number" in page
    assert CrimeStatistic.objects.count() == 0
    response = client.post(f"/arbete/lagesbild/inlasning/{run.pk}/", {"action": "store_all"})
    assert response.status_code == 302 and CrimeStatistic.objects.count() == 0
    client.post(f"/arbete/lagesbild/inlasning/{run.pk}/", {"action": "keep_valid"})
    run.refresh_from_db()
    assert run.status == "stored" and run.data is None
    assert "4 rows were read. 2 rows were stored." in run.summary
    assert sorted(CrimeStatistic.objects.values_list("category", flat=True)) == ["Bedrägeri", "Rån"]
    client.post(f"/arbete/lagesbild/inlasning/{run.pk}/", {"action": "keep_valid"})
    assert CrimeStatistic.objects.count() == 2  # a decided file cannot be stored twice


def test_a_cancelled_file_stores_nothing_and_is_forgotten(cast: Cast) -> None:
    client = client_for(cast.coordinator)
    run = _upload(
        client, b"kommun;\xc3\xa5r;brottskategori;antal\nEsl\xc3\xb6v;2016;R\xc3\xa5n;3\n"
    )
    assert run.errors == []
    client.post(f"/arbete/lagesbild/inlasning/{run.pk}/", {"action": "cancel"})
    run.refresh_from_db()
    assert run.status == "cancelled" and run.data is None
    assert CrimeStatistic.objects.count() == 0


def test_an_unreadable_file_says_why(cast: Cast) -> None:
    run = _upload(client_for(cast.coordinator), b"%PDF-1.4", name="brott.pdf")
    assert run.status == "failed" and "Only .csv and .xlsx" in run.summary


def test_a_large_file_goes_through_the_background_worker(
    cast: Cast, monkeypatch: pytest.MonkeyPatch
) -> None:
    from situation.services import files

    monkeypatch.setattr(files, "INLINE_LIMIT_BYTES", 10)
    client = client_for(cast.coordinator)
    # The tests' task backend runs work at once, so the file is checked when the page opens.
    run = _upload(client, GOOD_AND_BAD)
    assert run.status == "checked" and run.checked_rows == 4
    client.post(f"/arbete/lagesbild/inlasning/{run.pk}/", {"action": "keep_valid"})
    run.refresh_from_db()
    assert run.status == "stored" and CrimeStatistic.objects.count() == 2


def test_the_page_follows_a_running_check_by_itself(cast: Cast) -> None:
    run = FileImport.objects.create(
        kind="complaints",
        municipality=cast.eslov,
        file_name="klagomal.csv",
        data=b"...",
        total_rows=20_000,
        checked_rows=5_000,
    )
    client = client_for(cast.coordinator)
    fragment = client.get(f"/arbete/lagesbild/inlasning/{run.pk}/", HTTP_HX_REQUEST="true")
    text = fragment.content.decode()
    assert 'hx-trigger="every 1s"' in text and "5000 of about 20000 rows checked" in text
    assert "<html" not in text
    assert 'width="25"' in text  # the bar: a quarter done


def test_other_municipalities_cannot_see_or_decide_a_file(cast: Cast) -> None:
    run = _upload(client_for(cast.coordinator), GOOD_AND_BAD)
    other = client_for(cast.other_coordinator)
    assert other.get(f"/arbete/lagesbild/inlasning/{run.pk}/").status_code == 404
    assert (
        other.post(f"/arbete/lagesbild/inlasning/{run.pk}/", {"action": "keep_valid"}).status_code
        == 404
    )
    assert CrimeStatistic.objects.count() == 0


def test_the_upload_page_links_the_guide_which_lists_columns_and_allowed_values(
    cast: Cast,
) -> None:
    client = client_for(cast.reporter)
    page = client.get("/arbete/lagesbild/eslov/inlasning/").content.decode()
    assert 'href="/arbete/lagesbild/inlasning/vagledning/"' in page
    guide = client.get("/arbete/lagesbild/inlasning/vagledning/").content.decode()
    assert "<code>brottskategori</code>" in guide and "<code>får visas</code>" in guide
    assert "Speeding" in guide and "E-mail" in guide


def test_an_unknown_value_lists_the_allowed_ones(cast: Cast) -> None:
    client = client_for(cast.coordinator)
    response = client.post(
        "/arbete/lagesbild/eslov/inlasning/",
        {
            "kind": "complaints",
            "file": SimpleUploadedFile(
                "k.csv", "kommun;datum;text;kanal\nEslöv;2016-03-02;Fort;Besök\n".encode()
            ),
        },
    )
    assert response.status_code == 302
    run = FileImport.objects.get()
    [[row, column, reason]] = run.errors
    assert (row, column) == (2, "kanal")
    assert reason.startswith("'Besök' is not one of the allowed values: ")
    assert "Phone, E-mail, Web form" in reason
    # With no correct row, nothing is offered to store.
    page = client.get(f"/arbete/lagesbild/inlasning/{run.pk}/").content.decode()
    assert "No row is correct, so nothing can be stored." in page
    assert 'value="keep_valid"' not in page and 'value="store_all"' not in page


def test_a_file_with_only_its_header_is_refused_with_a_clear_message(cast: Cast) -> None:
    client = client_for(cast.coordinator)
    run = _upload(client, "kommun;år;brottskategori;antal\n".encode())
    assert run.status == "failed"
    page = client.get(f"/arbete/lagesbild/inlasning/{run.pk}/").content.decode()
    assert "no rows under its column names" in page
    assert "Store all rows" not in page and "All 0 rows" not in page
    client.post(f"/arbete/lagesbild/inlasning/{run.pk}/", {"action": "store_all"})
    run.refresh_from_db()
    assert run.status == "failed"


def test_the_check_step_says_what_is_added_replaced_and_unchanged(cast: Cast) -> None:
    for category, reported, problem in (("Rån", 5, "robbery"), ("Stöld", 12, "theft")):
        CrimeStatistic.objects.create(
            municipality=cast.eslov,
            year=2016,
            category=category,
            reported=reported,
            problem=problem,
        )
    client = client_for(cast.coordinator)
    run = _upload(
        client,
        "kommun;år;brottskategori;antal\nEslöv;2016;Rån;3\nEslöv;2016;Stöld;12\n"
        "Eslöv;2016;Bedrägeri;40\n".encode(),
    )
    page = client.get(f"/arbete/lagesbild/inlasning/{run.pk}/").content.decode()
    assert "1 new row will be added." in page
    assert "1 stored row will have values replaced." in page
    assert "1 row is already stored as it is and stays unchanged." in page
    cells = re.findall(r"<td[^>]*>([^<]*)</td>", page.split("Values that will be replaced")[-1])
    assert cells[:5] == ["2", "Eslöv 2016 Rån", "reported crimes", "5", "3"]
    # Nothing was written by the check.
    assert CrimeStatistic.objects.get(category="Rån").reported == 5
    assert CrimeStatistic.objects.count() == 2


def test_the_file_fields_help_links_the_guide_it_names(cast: Cast) -> None:
    page = client_for(cast.reporter, "sv").get("/arbete/lagesbild/eslov/inlasning/")
    help_text = page.content.decode().split('id="id_file_help"')[1].split("</p>")[0]
    assert '<a href="/arbete/lagesbild/inlasning/vagledning/">vägledningen</a>' in help_text


PERSONAL = (
    "kommun;datum;text;plats\n"
    "Eslöv;2016-03-02;Bilar kör för fort på Storgatan.;Storgatan\n"
    "Eslöv;2016-03-03;Ring mig på 070-123 45 67 om bilarna.;Torget\n"
    "Eslöv;2016-03-04;Mopeder i parken på kvällarna.;Hos grannen som heter Sven Svensson\n"
).encode()


def test_imported_complaint_rows_with_personal_data_are_listed_and_need_confirmation(
    cast: Cast,
) -> None:
    from situation.models import Complaint

    client = client_for(cast.reporter)
    response = client.post(
        "/arbete/lagesbild/eslov/inlasning/",
        {"kind": "complaints", "file": SimpleUploadedFile("klagomal.csv", PERSONAL)},
    )
    run = FileImport.objects.get()
    assert response["Location"] == f"/arbete/lagesbild/inlasning/{run.pk}/"
    assert run.preview["personal_data"] == [[3, "text", ["phone"]], [4, "plats", ["name"]]]
    page = client.get(f"/arbete/lagesbild/inlasning/{run.pk}/").content.decode()
    assert "Rows that seem to hold personal data" in page
    assert re.search(r'data-label="Row">3</td><td data-label="Column"[^>]*>text</td>', page)
    assert "a phone number" in page and "a name" in page
    assert "070-123 45 67" not in page  # the finding is named, not repeated
    assert 'name="confirm_personal_data"' in page
    page = client.post(
        f"/arbete/lagesbild/inlasning/{run.pk}/", {"action": "store_all"}, follow=True
    ).content.decode()
    assert "Some rows seem to hold personal data." in page
    assert not Complaint.objects.exists()
    run.refresh_from_db()
    assert run.status == "checked"
    client.post(
        f"/arbete/lagesbild/inlasning/{run.pk}/",
        {"action": "store_all", "confirm_personal_data": "on"},
    )
    run.refresh_from_db()
    assert run.status == "stored" and Complaint.objects.count() == 3
    assert "Personal data in rows 3, 4 was confirmed as needed." in run.summary


def test_imported_complaints_without_personal_data_need_no_confirmation(cast: Cast) -> None:
    from situation.models import Complaint

    client = client_for(cast.reporter)
    clean = b"kommun;datum;text\nEsl\xc3\xb6v;2016-03-02;Bilar k\xc3\xb6r f\xc3\xb6r fort.\n"
    client.post(
        "/arbete/lagesbild/eslov/inlasning/",
        {"kind": "complaints", "file": SimpleUploadedFile("klagomal.csv", clean)},
    )
    run = FileImport.objects.get()
    assert run.preview["personal_data"] == []
    page = client.get(f"/arbete/lagesbild/inlasning/{run.pk}/").content.decode()
    assert "confirm_personal_data" not in page
    client.post(f"/arbete/lagesbild/inlasning/{run.pk}/", {"action": "store_all"})
    assert Complaint.objects.count() == 1


def test_the_command_stores_personal_data_only_when_told_it_is_needed(
    cast: Cast, tmp_path: object, capsys: pytest.CaptureFixture[str]
) -> None:
    from django.core.management import CommandError, call_command

    from situation.models import Complaint

    path = tmp_path / "klagomal.csv"  # type: ignore[operator]
    path.write_bytes(PERSONAL)
    with pytest.raises(CommandError, match="--personal-data-needed"):
        call_command("evidence", "import", "complaints", str(path))
    assert "klagomal.csv: row 3, column text: personal data? phone" in capsys.readouterr().err
    assert not Complaint.objects.exists()
    call_command("evidence", "import", "complaints", str(path), "--personal-data-needed")
    assert Complaint.objects.count() == 3
