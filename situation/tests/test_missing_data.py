"""Missing is not zero: a source without any record for a period says so, on the page, in the
CSV and in the printed picture; and a records page charts only the records it lists."""

import csv
import io
import re
from datetime import date

import pytest

from conftest import Cast, client_for
from documents.tests.helpers import docx_text
from situation.selectors import sources_with_records, year_picture
from situation.tests.factories import complaint, concern, event
from situation.vocabularies import Problem, Source

pytestmark = pytest.mark.django_db


@pytest.fixture
def speeding_2017(cast: Cast) -> Cast:
    """Speeding 2017: 2 complaints, but 7 police events and voices of a citizen dialogue."""
    complaint(cast.eslov, Problem.SPEEDING, date(2017, 2, 1))
    complaint(cast.eslov, Problem.SPEEDING, date(2017, 8, 1))
    for month in (1, 2, 4, 5, 7, 10, 11):
        event(cast.eslov, Problem.SPEEDING, date(2017, month, 3))
    concern(cast.eslov, Problem.SPEEDING, date(2017, 3, 1), voiced_by=5)
    return cast


def test_the_picture_knows_which_sources_have_no_records(speeding_2017: Cast) -> None:
    cast = speeding_2017
    assert sources_with_records(cast.eslov, date(2017, 1, 1), date(2018, 1, 1)) == {
        Source.COMPLAINTS,
        Source.POLICE_EVENTS,
        Source.CITIZEN_DIALOGUES,
    }
    picture = year_picture(cast.eslov, 2017)
    row = picture.rows[0]
    assert picture.figure(row, Source.COMPLAINTS) == 2
    assert picture.figure(row, Source.EMPLOYEE_DIALOGUES) is None
    assert picture.figure(row, Source.CRIME_STATISTICS) is None


def test_the_page_the_csv_and_the_word_file_say_no_data_instead_of_zero(
    speeding_2017: Cast,
) -> None:
    client = client_for(speeding_2017.coordinator)
    page = client.get("/arbete/lagesbild/eslov/2017/").content.decode()
    assert "no data for that period" in page
    response = client.get("/arbete/lagesbild/eslov/2017/csv/")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    header, speeding = rows[0], rows[1]
    assert speeding[header.index("complaints")] == "2"
    assert speeding[header.index("employee_dialogues")] == ""
    assert speeding[header.index("crime_statistics")] == ""
    word = client.get("/arbete/lagesbild/eslov/2017/docx/")
    assert "no data for that period" in docx_text(word.content)[0]


def test_the_records_page_charts_the_records_it_lists(speeding_2017: Cast) -> None:
    url = "/arbete/lagesbild/eslov/2017/poster/complaints/speeding/"
    page = client_for(speeding_2017.reporter).get(url).content.decode()
    assert "2 records" in page
    # Per quarter: the two complaints, not the 2 + 7 + 5 of every source.
    assert "Per quarter: 1 · 0 · 1 · 0" in page
    assert "<title>feb: 1</title>" in page and "<title>jan: 0</title>" in page


def test_a_source_with_records_counts_a_real_zero_where_it_did_not_see_the_problem(
    speeding_2017: Cast,
) -> None:
    """Complaints about burglary, but police events and a citizen dialogue only about
    speeding: for burglary those two sources count a real 0, shown as 0 (not a dash that
    reads as no data), and the sources without any record say so."""
    cast = speeding_2017
    for month in (3, 9, 11):
        complaint(cast.eslov, Problem.BURGLARY, date(2017, month, 1))
    picture = year_picture(cast.eslov, 2017)
    (burglary,) = [row for row in picture.rows if row.problem == Problem.BURGLARY]
    assert picture.figure(burglary, Source.POLICE_EVENTS) == 0
    assert picture.figure(burglary, Source.EMPLOYEE_DIALOGUES) is None

    # Complaints, citizen dialogues, employee dialogues, police events, crime statistics,
    # surveys.
    expected = ["3", "0", "no data for that period", "0", *["no data for that period"] * 2]
    client = client_for(cast.coordinator)
    word = client.get("/arbete/lagesbild/eslov/2017/docx/")
    (row,) = [line for line in docx_text(word.content)[0].splitlines() if "Burglary |" in line]
    assert row.split(" | ")[1:7] == expected
    page = client.get("/arbete/lagesbild/eslov/2017/").content.decode()
    burglary_row = page[page.index('<th scope="row">Burglary') :].split("</tr>")[0]
    cells = re.findall(r'<td class="num" data-label="[^"]+">(.*?)</td>', burglary_row)
    # As a screen reader reads the cells: the ".." mark is hidden from it.
    heard = [re.sub(r'<span aria-hidden="true">[^<]*</span>', "", cell) for cell in cells[:6]]
    assert [re.sub(r"<[^>]+>", "", cell) for cell in heard] == expected
