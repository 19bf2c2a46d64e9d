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


def test_every_municipality_has_a_centre_in_sweden_and_a_reach() -> None:
    for municipality in Municipality.objects.all():
        assert municipality.latitude is not None and municipality.longitude is not None
        assert 55.3 < municipality.latitude < 69.1, municipality.name
        assert 10.9 < municipality.longitude < 24.2, municipality.name
        assert municipality.reach_km is not None and municipality.reach_km >= 60
    habo, habo_uppsala = (Municipality.objects.get(code=c) for c in ("0643", "0305"))
    assert habo.latitude is not None and habo_uppsala.latitude is not None
    assert habo.latitude < 58 < habo_uppsala.latitude, "Habo is in Småland, Håbo in Uppland"
    assert Municipality.objects.get(slug="kiruna").reach_km == 200


def test_a_point_is_beyond_reach_only_far_from_the_municipalitys_centre() -> None:
    eslov = Municipality.objects.get(slug="eslov")
    assert eslov.distance_beyond_reach(55.83864, 13.30381) is None, "the square"
    assert eslov.distance_beyond_reach(55.6050, 13.0038) is None, "Malmö, 33 km off"
    beyond = eslov.distance_beyond_reach(59.3326, 18.0649)
    assert beyond is not None and 475 < beyond < 485, "Stockholm"
    eslov.latitude = None
    assert eslov.distance_beyond_reach(59.3326, 18.0649) is None, "no centre, no check"


def test_a_place_must_lie_in_sweden_and_near_its_municipality() -> None:
    eslov = Municipality.objects.get(slug="eslov")
    assert eslov.place_error(55.83864, 13.30381) is None, "the square"
    swapped = eslov.place_error(13.30381, 55.83864)
    assert swapped is not None and "outside Sweden" in swapped and "swapped" in swapped
    stockholm = eslov.place_error(59.3326, 18.0649)
    assert stockholm is not None and "481 km from the centre of Eslöv" in stockholm
    assert "within 60 km" in stockholm
    # Without a centre only Sweden is checked.
    eslov.latitude = None
    assert eslov.place_error(59.3326, 18.0649) is None
    berlin = eslov.place_error(52.52, 13.40)
    assert berlin is not None and "outside Sweden" in berlin
