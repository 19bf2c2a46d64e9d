"""Each rule by which the parser reads what a promise text says about itself: year and
period, municipalities, police area, signing date, signatories, the kind of document, and
the repair of double-encoded text. Phrases are invented for the tests."""

from datetime import date

import pytest
from django.utils import translation

from imports import reading
from imports.reading import parse_text
from lib.text import repair_double_encoding


def _meta(text: str, dated: date | None = None) -> reading.Metadata:
    lines = text.strip().splitlines()
    return reading.read_metadata(lines[0], lines[1:], dated)


# --- year and period ---


@pytest.mark.parametrize(
    ("text", "year", "period"),
    [
        ("Medborgarlöfte Ankeby 2021\nPolisen lovar tio kontroller.", 2021, [2021, 2021]),
        ("Ankeby\nInför 2020 lovar polisen och kommunen mer närvaro.", 2020, [2020, 2020]),
        ("Ankeby\nUnder 2023 ska polisen göra fler kontroller.", 2023, [2023, 2023]),
        ("Ankeby\nLöftet gäller för 2021.", 2021, [2021, 2021]),
        ("Ankeby\nLöftena gäller 2019–2020 och följs upp.", 2019, [2019, 2020]),
        ("Ankeby\nLöftet gäller för perioden 2022-2024.", 2022, [2022, 2024]),
        ("Ankeby\nPolisen ska arbeta efter löftet under 2021 och 2022.", 2021, [2021, 2022]),
        ("Ankeby – medborgarlöften 2025–2027", 2025, [2025, 2027]),
        ("Medborgarlöfte Ankeby 2020\nLöftet gäller i två år.", 2020, [2020, 2021]),
    ],
)
def test_the_year_and_period_from_headings_sentences_and_spans(
    text: str, year: int, period: list[int]
) -> None:
    found = _meta(text)
    assert (found.year, found.period) == (year, period)


def test_a_heading_year_wins_over_the_background() -> None:
    found = _meta(
        "Medborgarlöfte 2024 – Ankeby\nUnder 2023 kom många synpunkter in om bråk.\n"
        "Dialogerna hölls hösten 2023."
    )
    assert found.year == 2024


def test_background_years_case_numbers_and_other_articles_do_not_count() -> None:
    found = _meta(
        "Nytt löfte för tryggare torg\nKS 2019/0042\nMedborgarlöften har getts sedan 2016.\n"
        "Inbrotten ökade jämfört med 2018.\nUnder 2020 lovar polisen fler kontroller."
    )
    assert found.year == 2020
    lines = reading.without_page_lists(
        ["Löftet gäller 2021.", "Läs också", "• Så gick det med löftet 2019", "Mest läst"]
    )
    assert lines == ["Löftet gäller 2021."]


def test_a_follow_up_does_not_take_the_year_of_the_next_promise() -> None:
    found = _meta(
        "Så gick det med löftet i Ankeby\nLöftet för 2019 handlade om trafik. Polisen har "
        "genomfört tolv kontroller och kommunen har gjort tre mätningar.\n"
        "Ett nytt medborgarlöfte för 2020 tas fram."
    )
    assert found.document_type == reading.FOLLOW_UP
    assert found.year == 2019


@pytest.mark.parametrize(
    ("date_line", "year"),
    [("Ankeby 2021-02-09", 2021), ("Ankeby den 12 december 2019", 2020)],
)
def test_only_a_signing_date_gives_the_year_late_dates_the_next(date_line: str, year: int) -> None:
    found = _meta(
        f"Medborgarlöfte Ankeby\nPolisen lovar kontroller.\n{date_line}\nOlle Ank\nKommunpolis"
    )
    assert found.year == year and found.year_from_date


@pytest.mark.parametrize(("dated", "year"), [(date(2022, 2, 3), 2021), (date(2022, 7, 5), 2022)])
def test_a_follow_up_dated_early_in_the_year_reports_the_year_before(
    dated: date, year: int
) -> None:
    found = _meta("Uppföljning av medborgarlöftet\nPolisen har genomfört åtta kontroller.", dated)
    assert found.year == year


def test_an_agreement_that_runs_until_a_later_year_gives_the_period() -> None:
    found = _meta(
        "Löften för ett tryggare Ankeby\nPolisen och kommunen undertecknade i dag löftet. "
        "Löftet gäller ett år framåt, till och med augusti 2023.",
        date(2022, 9, 1),
    )
    assert (found.year, found.period) == (2022, [2022, 2023])


# --- municipalities and police area ---


@pytest.mark.parametrize(
    ("text", "municipalities"),
    [
        ("Trygghet i centrum\nAnkebys kommun och polisen lovar mer.", ["Ankeby"]),
        ("Trygghet i centrum\nBrunsås kommun och polisen lovar mer.", ["Brunsås"]),
        ("Trygghet\nDet här är Ankebys medborgarlöfte för året.", ["Ankeby"]),
        ("Medborgarlöfte Ankeby 2021", ["Ankeby"]),
        ("Ankeby – medborgarlöften", ["Ankeby"]),
        ("Trygghet\nKommunen och polisen i Ankeby lovar mer.", ["Ankeby"]),
        (
            "Medborgarlöften för Ankeby, Bodås och Cedervik",
            ["Ankeby", "Bodås", "Cedervik"],
        ),
        ("Trygghet\nAnkebys och Bodviks kommuner har ett gemensamt löfte.", ["Ankeby", "Bodvik"]),
        (
            "Trygghet\nDet lovar kommunerna Ankeby, Bodvik och Cedervik.",
            ["Ankeby", "Bodvik", "Cedervik"],
        ),
    ],
)
def test_municipalities_in_their_base_form(text: str, municipalities: list[str]) -> None:
    assert _meta(text).municipalities == municipalities


def test_a_genitive_s_is_kept_when_the_text_uses_the_name_with_it() -> None:
    found = _meta("Trygghet\nLöftet gäller Ankebys kommun.\nI Ankebys centrum och i Ankebys hamn.")
    assert found.municipalities == ["Ankeby"]
    found = _meta("Trygghet\nBodvikens kommun lovar.\nVi bor i Bodviken.")
    assert found.municipalities == ["Bodviken"]


@pytest.mark.parametrize(
    ("line", "area"),
    [
        ("Polisen i Lokalpolisområde Ankeby lovar.", "Lokalpolisområde Ankeby"),
        ("Lokalpolisområde Norra Ankebygden och kommunen", "Lokalpolisområde Norra Ankebygden"),
        ("LPO Ankeby och kommunen lovar.", "Lokalpolisområde Ankeby"),
        ("Polisen i lokalpolisområdet i Ankeby lovar.", "Lokalpolisområde Ankeby"),
        ("Lokalpolisområde Ankeby–Bodvik lovar.", "Lokalpolisområde Ankeby–Bodvik"),
    ],
)
def test_the_police_area(line: str, area: str) -> None:
    assert reading.find_police_area("", [line]) == area


# --- signing date ---


def test_the_signing_date_in_a_sentence() -> None:
    found = _meta("Medborgarlöfte Ankeby 2021\nLöftet undertecknades den 12 mars 2021 av polisen.")
    assert found.signed_on == date(2021, 3, 12)


@pytest.mark.parametrize(
    ("sentence", "signed"),
    [
        ("I dag skrev kommunen och polisen under årets medborgarlöfte.", date(2021, 3, 3)),
        ("Medborgarlöftet undertecknades i går i kommunhuset.", date(2021, 3, 2)),
        ("Löftet skrevs under i måndags på biblioteket.", date(2021, 3, 1)),
        ("Löftet skrevs under den 1 mars på biblioteket.", date(2021, 3, 1)),
    ],
)
def test_a_relative_signing_date_counts_from_the_article_date(sentence: str, signed: date) -> None:
    assert _meta(f"Nytt löfte\n{sentence}", date(2021, 3, 3)).signed_on == signed


def test_the_article_date_is_read_before_page_noise_is_dropped() -> None:
    documents = parse_text(
        "Nytt medborgarlöfte i Ankeby\nPublicerad 3 mars 2021\n"
        "I dag skrev Ankeby kommun och polisen under årets medborgarlöfte.\n"
        "• Polisen genomför tio trafikkontroller.\n"
    )["documents"]
    assert documents[0]["signed_on"] == "2021-03-03"


def test_a_date_line_before_the_signatures_but_not_a_report_date() -> None:
    found = _meta(
        "Medborgarlöfte Ankeby 2022\nPolisen lovar.\nAnkeby den 3 mars 2022\nOlle Ank\nKommunpolis"
    )
    assert found.signed_on == date(2022, 3, 3)
    report = _meta(
        "Uppföljning kvartal 3\nAnkeby 2022-10-12\nPolisen har genomfört tio kontroller.\n"
        "Kommunen har gjort tre mätningar.\nVi har hållit två dialoger."
    )
    assert report.signed_on is None
    published = _meta(
        "Medborgarlöfte Ankeby 2022\nPolisen lovar kontroller.\nSidan uppdaterades 2022-03-04"
    )
    assert published.signed_on is None


# --- signatories ---


def _names(text: str, kind: str = reading.PROMISE) -> list[tuple[str, str]]:
    people = reading.find_signatories(text.strip().splitlines(), kind)
    return [(p["name"], p["title"]) for p in people]


def test_name_and_title_lines_and_party_markers() -> None:
    assert _names(
        "Ankeby 2021-02-02\nGreta Ank (S)\nKommunstyrelsens ordförande\nBo Bod\nKommunpolis"
    ) == [
        ("Greta Ank", "Kommunstyrelsens ordförande"),
        ("Bo Bod", "Kommunpolis"),
    ]


def test_name_comma_title_lines_with_a_party_and_a_for_prefix() -> None:
    assert _names(
        "För Ankeby kommun: Per-Ola Ank (KD), kommunstyrelsens ordförande\n"
        "Åsa Östberg, lokalpolisområdeschef, Lokalpolisområde Ankeby"
    ) == [("Per-Ola Ank", "kommunstyrelsens ordförande"), ("Åsa Östberg", "lokalpolisområdeschef")]


def test_names_and_titles_side_by_side() -> None:
    assert _names("Greta Ank Bo Bod\nKommunstyrelsens ordförande Lokalpolisområdeschef") == [
        ("Greta Ank", "Kommunstyrelsens ordförande"),
        ("Bo Bod", "Lokalpolisområdeschef"),
    ]
    assert _names("Greta Ank (M) | Bo Bod\nKommunalråd | Kommunpolis") == [
        ("Greta Ank", "Kommunalråd"),
        ("Bo Bod", "Kommunpolis"),
    ]


@pytest.mark.parametrize(
    "sentence",
    [
        "Löftet undertecknades av Greta Ank (S), kommunalråd, och Bo Bod, lokalpolisområdeschef.",
        "Löftet undertecknades av kommunalrådet Greta Ank (S) och lokalpolisområdeschef Bo Bod.",
        "Greta Ank (S), kommunalråd, och Bo Bod, lokalpolisområdeschef, vid undertecknandet.",
        "I går skrev kommunalrådet Greta Ank (S) och kommunpolisen Bo Bod under löftet.",
    ],
)
def test_signatories_in_sentences_and_captions(sentence: str) -> None:
    assert [name for name, _title in _names(sentence)] == ["Greta Ank", "Bo Bod"]


def test_a_photo_caption_on_a_page_about_the_signing() -> None:
    text = (
        "På bilden: Greta Ank (S), kommunalråd, och Bo Bod, lokalpolisområdeschef.\n"
        "Löftet skrevs under i tisdags."
    )
    assert [name for name, _title in _names(text)] == ["Greta Ank", "Bo Bod"]
    follow_up = "På bilden: kommunpolis Bo Bod vid en kontroll.\nLöftet skrevs under i fjol."
    assert _names(follow_up, reading.FOLLOW_UP) == []


def test_the_quoted_those_taking_part_contacts_and_senders_did_not_sign() -> None:
    assert _names("– Vi lovar mycket, säger Bo Bod, kommunpolis i Ankeby.") == []
    assert _names("Vid undertecknandet medverkade även räddningschef Ulf Brand.") == []
    assert _names("För mer information, kontakta:\nBo Bod, kommunpolis, 0123-45 67 89") == []
    assert _names("Hälsningar\nSara Sänd\nTrygghetssamordnare, Ankeby kommun") == []


# --- kind of document, never refusing, encoding ---


def test_a_follow_up_is_told_from_a_promise() -> None:
    assert _meta(
        "Så gick det med löftet 2022\nPolisen har genomfört tio kontroller."
    ).document_type == (reading.FOLLOW_UP)
    past = (
        "Ankeby\nPolisen lovade tjugo kontroller. Det blev fjorton. Kommunen har satt upp "
        "fartvisare och har gjort mätningar. Löftet är delvis uppfyllt."
    )
    assert _meta(past).document_type == reading.FOLLOW_UP
    assert _meta(
        "Medborgarlöfte 2022\nPolisen lovar tio kontroller och ska synas."
    ).document_type == (reading.PROMISE)


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        # A section called "Uppföljning" says how a promise will be followed, not that the
        # text reports.
        (
            "Medborgarlöfte Ankeby 2022\nAktiviteter\n• Två möten.\nUppföljning\n"
            "Löftet följs upp varje månad.",
            "promise",
        ),
        # A promise made now outweighs what the page tells of last year.
        (
            "Medborgarlöfte Ankeby 2023\nFörra året lovade polisen tio trafikkontroller. Det "
            "blev tolv.\nTre trygghetsvandringar har hållits i centrum.\nPolisen lovar att:\n"
            "• genomföra fyra medborgardialoger",
            "promise",
        ),
        ("Så gick det med löftet 2022\nPolisen har genomfört tio trafikkontroller.", "follow_up"),
    ],
)
def test_the_kind_of_document_is_decided_once_for_metadata_and_activities(
    text: str, kind: str
) -> None:
    assert _meta(text).document_type == kind
    assert parse_text(text)["documents"][0]["document_type"] == kind


def test_several_years_on_one_page_are_split_but_a_repeated_heading_is_not() -> None:
    lines = [
        "Medborgarlöften - Ankeby kommun",
        "Medborgarlöfte 2023",
        "Medborgarlöfte 2023",
        "• Polisen genomför tio kontroller.",
        "Löfte för 2022 – så gick det",
        "• Polisen lovade fem kontroller. Det blev sex.",
    ]
    documents = reading.split_documents(lines)
    assert [title for title, _lines in documents] == [
        "Medborgarlöfte 2023",
        "Löfte för 2022 – så gick det",
    ]
    assert documents[0][1][0] == "Medborgarlöften - Ankeby kommun"


def test_a_text_about_a_promise_is_never_refused() -> None:
    with translation.override("sv"):
        documents = parse_text(
            "Polisen och Ankeby kommun har kommit överens om årets medborgarlöfte.\n"
            "Vi vill att fler ska känna sig trygga i centrum.\n"
        )["documents"]
    assert len(documents) == 1
    assert documents[0]["municipality"] == "Ankeby"
    assert "Inga aktiviteter hittades: skriv in dem för hand." in documents[0]["warnings"]
    assert parse_text("Välkommen till vår webbplats.\n")["documents"] == []


def test_double_encoded_text_is_repaired_and_correct_text_left_alone() -> None:
    assert repair_double_encoding("MedborgarlÃ¶fte 2018 â€“ LokalpolisomrÃ¥de") == (
        "Medborgarlöfte 2018 – Lokalpolisområde"
    )
    correct = "Åsa Östberg, kommunalråd – ”Vi lovar” · naïve à"
    assert repair_double_encoding(correct) == correct
    mixed = "Vuxna på stan. MedborgarlÃ¶ftet gÃ¤llde."
    assert repair_double_encoding(mixed) == "Vuxna på stan. Medborgarlöftet gällde."


def test_names_listed_after_the_signing_verb_and_titles_above_names() -> None:
    assert [n for n, _t in _names("Löftet undertecknades av Greta Ank och Bo Bod.")] == [
        "Greta Ank",
        "Bo Bod",
    ]
    assert _names("Ankeby 2021-02-02\nKommunalråd\nGreta Ank\nLokalpolisområdeschef Bo Bod") == [
        ("Greta Ank", "Kommunalråd"),
        ("Bo Bod", "Lokalpolisområdeschef"),
    ]
    assert _names("Vi ses på torget!\nKommunpolis Bo Bod", reading.FOLLOW_UP) == []
    assert _names("Ankeby 2021-02-02\nKommunpolis\nBo Bod") == [("Bo Bod", "Kommunpolis")]
