"""Numbers in addresses that no year or record can have answer 404, public or staff."""

import pytest

from conftest import Cast, client_for

IMPOSSIBLE = [
    "/arbete/lagesbild/eslov/9999/",
    "/arbete/lagesbild/eslov/0/",
    "/arbete/lagesbild/eslov/1/",
    "/arbete/lagesbild/eslov/9999/publicera/",
    "/kommun/eslov/lagesbild/9999/",
    "/kommun/eslov/lagesbild/9999/pdf/",
    "/kommun/eslov/1899/",
    "/kommun/eslov/2017/uppfoljning/99999999999999999999/",
    "/arbete/loften/99999999999999999999/",
    "/arbete/loften/18446744073709551616/",
]


@pytest.mark.parametrize("path", IMPOSSIBLE)
def test_a_number_no_year_or_record_can_have_is_not_found(cast: Cast, path: str) -> None:
    for user in (None, cast.coordinator):
        assert client_for(user).get(path).status_code == 404
    assert client_for(cast.coordinator).post(path, {"action": "publish"}).status_code == 404


def test_plausible_years_and_keys_still_lead_somewhere(cast: Cast) -> None:
    coordinator = client_for(cast.coordinator)
    assert coordinator.get("/arbete/lagesbild/eslov/2017/").status_code == 200
    assert coordinator.get(f"/arbete/loften/{cast.published.pk}/").status_code == 200
    assert client_for().get("/kommun/eslov/2017/").status_code == 200
