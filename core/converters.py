"""Path converters for the numbers in our URLs. A number no record or year can have does not
match, so the address answers 404 before any view or database sees it (Django's own `int`
lets 9999 through as a year and 10**30 through as a key, which SQLite cannot even compare)."""

from lib.periods import FIRST_YEAR, LAST_YEAR


class YearConverter:
    """A year within the one plausible range of lib.periods."""

    regex = "[0-9]{4}"

    def to_python(self, value: str) -> int:
        year = int(value)
        if not FIRST_YEAR <= year <= LAST_YEAR:
            raise ValueError(f"{year} is outside {FIRST_YEAR}–{LAST_YEAR}")
        return year

    def to_url(self, value: int) -> str:
        return str(value)


class KeyConverter:
    """A row's id: a whole number that fits in 64 bits."""

    regex = "[0-9]{1,18}"

    def to_python(self, value: str) -> int:
        return int(value)

    def to_url(self, value: int) -> str:
        return str(value)
