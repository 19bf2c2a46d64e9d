"""Carrying a promise's texts over to the next year."""

from lib.carry_over import carry_over_text, carry_over_title, years_mentioned


def test_phrases_naming_the_promises_period_move_on_a_year() -> None:
    text = (
        "En sammanfattning presenteras före utgången av 2017. Innan årsskiftet 2016/2017 "
        "och årsskiftet 2017/2018. Kommunen har tagit fram 2017 års medborgarlöfte. "
        "Under 2017 ska vi vandra."
    )
    assert carry_over_text(text, 2017) == (
        "En sammanfattning presenteras före utgången av 2018. Innan årsskiftet 2017/2018 "
        "och årsskiftet 2018/2019. Kommunen har tagit fram 2018 års medborgarlöfte. "
        "Under 2018 ska vi vandra."
    )


def test_other_years_stay_as_written() -> None:
    text = "Trygghetsmätningen 2017 och överenskommelsen 2015-2018 visade 2013 samma sak."
    assert carry_over_text(text, 2017) == text
    assert carry_over_text("30 kontroller under 2016.", 2017) == "30 kontroller under 2016."


def test_the_title_names_the_new_year() -> None:
    assert carry_over_title("Medborgarlöfte 2017 i Eslöv", 2017) == "Medborgarlöfte 2018 i Eslöv"
    assert carry_over_title("Löfte 20170", 2017) == "Löfte 20170"


def test_years_mentioned_are_listed_once_and_counts_are_not_years() -> None:
    assert years_mentioned("Mätningen 2013, 2015-2018, 2013 igen, 30 kontroller, 12345") == [
        2013,
        2015,
        2018,
    ]
