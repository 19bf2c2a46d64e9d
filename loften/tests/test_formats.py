"""Dates and numbers read the project's way in both languages."""

from datetime import date

from django.template import Context, Template
from django.utils import translation

TEMPLATE = Template('{{ day|date }}|{{ day|date:"SHORT_DATE_FORMAT" }}|{{ n|floatformat:"1g" }}')


def _render(language: str) -> str:
    with translation.override(language):
        return TEMPLATE.render(Context({"day": date(2017, 4, 3), "n": 12345.5}))


def test_swedish_pages_write_dates_and_numbers_the_swedish_way() -> None:
    assert _render("sv") == "3 april 2017|2017-04-03|12\xa0345,5"


def test_english_pages_keep_the_swedish_order_of_the_date() -> None:
    assert _render("en") == "3 April 2017|2017-04-03|12,345.5"
