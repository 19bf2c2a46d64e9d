import pytest

from places.models import County, Municipality, PoliceRegion

pytestmark = pytest.mark.django_db


def test_all_290_municipalities_21_counties_and_7_regions_ship() -> None:
    assert Municipality.objects.count() == 290
    assert County.objects.count() == 21
    assert PoliceRegion.objects.count() == 7
    assert Municipality.objects.values("slug").distinct().count() == 290


def test_every_municipality_code_starts_with_its_county_code() -> None:
    for municipality in Municipality.objects.select_related("county"):
        assert len(municipality.code) == 4
        assert municipality.code[:2] == municipality.county.code


def test_eslov_is_1285_in_skane_in_police_region_syd() -> None:
    eslov = Municipality.objects.select_related("county__police_region").get(slug="eslov")
    assert (eslov.code, eslov.name) == ("1285", "Eslöv")
    assert eslov.county.name == "Skåne län"
    assert eslov.county.police_region.slug == "syd"


def test_habo_and_habo_with_ring_keep_distinct_slugs() -> None:
    assert Municipality.objects.get(code="0643").slug == "habo"
    assert Municipality.objects.get(code="0305").slug == "habo-uppsala"
