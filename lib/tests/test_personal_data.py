import pytest

from lib.personal_data import (
    Finding,
    Kind,
    find_personal_data,
    has_personal_data,
    kinds_found,
    mask,
)


def found(text: str) -> list[tuple[str, str]]:
    return [(f.kind.value, f.text) for f in find_personal_data(text)]


@pytest.mark.parametrize(
    "number",
    [
        "811218-9876",
        "8112189876",
        "198112189876",
        "19811218-9876",
        "811218+9876",
        # A samordningsnummer: the day of birth plus 60.
        "701063-2391",
        "197010632391",
    ],
)
def test_identity_numbers_with_a_valid_checksum_are_found_in_every_form(number: str) -> None:
    assert found(f"Anmälaren har nummer {number} enligt brevet.") == [("identity_number", number)]


@pytest.mark.parametrize("number", ["811218-9875", "19811218-9870", "811318-9876", "701093-2391"])
def test_identity_numbers_with_a_wrong_checksum_or_date_are_not_identity_numbers(
    number: str,
) -> None:
    assert Kind.IDENTITY_NUMBER not in kinds_found(f"Ärende {number}.")


def test_an_identity_number_is_not_also_taken_for_a_phone_number() -> None:
    # Born in 2004: ten digits that start with 0, like a phone number.
    assert found("Född 0401011234 i Lund") == [("identity_number", "0401011234")]
    assert found("Född 040101-1234 i Lund") == [("identity_number", "040101-1234")]


@pytest.mark.parametrize(
    "phone",
    [
        "070-123 45 67",
        "0701234567",
        "070 123 45 67",
        "073-1234567",
        "+46 70 123 45 67",
        "+46701234567",
        "+46 (0)70 123 45 67",
        "0046 8 123 456 78",
        "08-123 456 78",
        "08-12 34 56",
        "046-12 34 56",
        "0413-123 45",
        "(08) 123 45 67",
        "040-611 22 33",
    ],
)
def test_swedish_mobile_and_landline_numbers_are_found(phone: str) -> None:
    assert found(f"Ring mig på {phone} efter fem.") == [("phone", phone)]


@pytest.mark.parametrize(
    "text",
    [
        "Det hände 2024-05-12 kl 22.30.",
        "30 kontroller genomfördes under 2016 och 2017.",
        "Datum 01-02-2024 i protokollet.",
        "Det kostade 100 000 kr.",
        "Cirka 040 besökare.",
        "Hastigheten var 0,5 över gränsen.",
        "Postnummer 241 30 Eslöv.",
    ],
)
def test_dates_years_counts_and_amounts_are_not_personal_data(text: str) -> None:
    assert found(text) == []


@pytest.mark.parametrize(
    "address", ["kalle.svensson@exempel.se", "anna+tips@kommun.eslov.se", "östen@mejl.nu"]
)
def test_email_addresses_are_found(address: str) -> None:
    assert found(f"Skriv till {address}, tack.") == [("email", address)]


@pytest.mark.parametrize("plate", ["ABC 123", "ABC123", "ABC 12A", "XYZ-789"])
def test_vehicle_registration_numbers_are_found(plate: str) -> None:
    assert found(f"Bilen {plate} står alltid där.") == [("vehicle", plate)]


@pytest.mark.parametrize(
    "text",
    [
        "Det var och 123 personer där.",  # lower case: an ordinary word
        "Enligt SVT 123 tittare.",  # V is never used in a plate
        "EU 2024 reglerna",
        "ABC 12O",  # O is never the last character
    ],
)
def test_words_that_only_look_like_plates_are_not_found(text: str) -> None:
    assert Kind.VEHICLE not in kinds_found(text)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Killen som heter Anna Berg spelar hög musik.", "Anna Berg"),
        ("Jag heter Per.", "Per"),
        ("Grannen Kalle Svensson eldar sopor.", "Kalle Svensson"),
        ("grannen Lisa-Marie Ek parkerar fel", "Lisa-Marie Ek"),
        ("Han kallas Bosse i området.", "Bosse"),
        ("Ägaren, fru Östlund, svarar inte.", "Östlund"),
    ],
)
def test_names_after_phrases_such_as_som_heter_and_grannen_are_found(text: str, name: str) -> None:
    assert found(text) == [("name", name)]


@pytest.mark.parametrize(
    "text",
    [
        "Grannen på nummer 5 bråkar.",
        "Det heter så.",
        "Grannen. Han kom tillbaka.",
        "Grannarna Jag vet inte.",
    ],
)
def test_a_cue_without_a_name_after_it_finds_nothing(text: str) -> None:
    assert Kind.NAME not in kinds_found(text)


def test_findings_carry_their_kind_and_span() -> None:
    text = "Ring 070-123 45 67"
    [finding] = find_personal_data(text)
    assert finding == Finding(Kind.PHONE, 5, 18, "070-123 45 67")
    assert text[finding.start : finding.end] == finding.text


def test_findings_come_in_the_order_of_the_text_and_kinds_in_order_of_certainty() -> None:
    text = "Mejla a@b.se, grannen Kalle, ring 0701234567, pnr 811218-9876, bil ABC 123"
    assert [f.kind for f in find_personal_data(text)] == [
        Kind.EMAIL,
        Kind.NAME,
        Kind.PHONE,
        Kind.IDENTITY_NUMBER,
        Kind.VEHICLE,
    ]
    assert kinds_found(text) == list(Kind)


def test_mask_covers_every_finding_and_keeps_the_rest() -> None:
    text = "Grannen Kalle Svensson, 070-123 45 67, kalle@exempel.se, 811218-9876, ABC 123."
    assert mask(text) == "Grannen •••, •••, •••, •••, •••."
    assert mask(text, cover="[x]").count("[x]") == 5


def test_mask_uses_the_findings_it_is_given() -> None:
    text = "Ring 0701234567 eller mejla a@b.se"
    phones = [f for f in find_personal_data(text) if f.kind == Kind.PHONE]
    assert mask(text, phones) == "Ring ••• eller mejla a@b.se"


def test_text_without_personal_data_is_left_as_it_is() -> None:
    text = "Bilar kör för fort på Storgatan på kvällarna, särskilt fredagar."
    assert not has_personal_data(text)
    assert mask(text) == text
    assert mask("") == ""


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Kalle Andersson ringde om mopederna igen.", "Kalle Andersson"),
        ("Enligt Anna-Karin Lind är det mörkt vid stationen.", "Anna-Karin Lind"),
        ("Tipset kom från Lisa Ekström-Berg i går.", "Lisa Ekström-Berg"),
    ],
)
def test_a_common_given_name_and_a_surname_are_found_without_a_cue(text: str, name: str) -> None:
    assert found(text) == [("name", name)]


@pytest.mark.parametrize(
    "text",
    [
        # Streets and squares named after people are places, not people.
        "Trafikkontroll på Karl Johans väg och Olof Palmes plats.",
        "Mötet hölls vid Gustav Adolfs torg.",
        # Given names alone, lower-case words and words that are not surnames.
        "Anna ringde om cyklarna. Per capita sjunker brotten.",
        "Hans Volvo stod på gården; Bo Tryggt är ett program för hyresvärdar.",
        "Lokalpolisområde Eslöv och Eslövs kommun lovar att arbeta tillsammans.",
        "Maria Och Johan är inga efternamn.",
    ],
)
def test_names_of_places_and_ordinary_words_are_not_taken_for_names(text: str) -> None:
    assert Kind.NAME not in kinds_found(text)


def test_the_demo_and_the_real_promise_texts_hold_no_name_without_a_cue() -> None:
    """Zero false alarms on the promise texts we have: the seed page's own texts (its
    signatories' names aside, and the demo's invented ones, which are names) and the demo's
    complaint and promise texts."""
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    sources = (
        "imports/tests/texts/seed_page.html",
        "promises/demo.py",
        "situation/management/commands/synth.py",
    )
    for source in sources:
        text = (root / source).read_text(encoding="utf-8")
        for signatory in ("Anna-Karin Boije", "Johan Andersson", "Eva Exempel", "Per Påhitt"):
            text = text.replace(signatory, "")
        assert Kind.NAME not in kinds_found(text), source
