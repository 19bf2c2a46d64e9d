from django.core.management import call_command

from places.models import Municipality, PoliceArea
from promises.models import Activity, CitizenPromise
from promises.synth import PromisePlan, synth_promises, synth_promises_remove
from promises.vocabularies import PromiseStatus


def test_the_synthetic_set_covers_every_municipality_and_year(db: None) -> None:
    made = synth_promises(PromisePlan(years=2, last_year=2025, activities=3))
    assert made == 2 * Municipality.objects.count() == 580
    assert set(CitizenPromise.objects.values_list("year", flat=True)) == {2024, 2025}
    assert Activity.objects.count() == 3 * made
    assert not CitizenPromise.objects.filter(year=2025).exclude(status=PromiseStatus.PUBLISHED)
    assert CitizenPromise.objects.filter(title__endswith="(syntetiskt)").count() == made
    again = synth_promises(PromisePlan(years=2, last_year=2025, activities=3))
    assert again == made and CitizenPromise.objects.count() == made, "replaced, not added"
    synth_promises_remove()
    assert not CitizenPromise.objects.exists()
    assert not PoliceArea.objects.filter(slug__startswith="synt-").exists()


def test_real_promises_are_left_alone(cast: object) -> None:
    before = set(CitizenPromise.objects.values_list("pk", flat=True))
    call_command("synth", "--events", "10", "--complaints", "5", "--years", "1", "--promises", "1")
    assert before <= set(CitizenPromise.objects.values_list("pk", flat=True))
    call_command("synth", "--remove")
    assert set(CitizenPromise.objects.values_list("pk", flat=True)) == before
