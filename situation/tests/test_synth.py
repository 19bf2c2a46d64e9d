import pytest
from django.core.management import CommandError, call_command
from django.test import override_settings

from places.models import Municipality
from situation.models import Complaint, Concern, CrimeStatistic, Dialogue, PoliceEvent
from situation.synth import SynthPlan, feed_records

pytestmark = pytest.mark.django_db


def _state() -> list[tuple[object, ...]]:
    return sorted(
        PoliceEvent.objects.values_list("id", "happened_at", "event_type", "municipality_id")
    ) + sorted(Complaint.objects.values_list("received_on", "problem", "municipality_id"))


def test_synth_is_reproducible_from_its_seed_and_replaces_itself() -> None:
    args = ["--events", "500", "--complaints", "100", "--years", "2"]
    call_command("synth", *args, stdout=None)
    first = _state()
    call_command("synth", *args)
    assert _state() == first
    assert PoliceEvent.objects.count() == 500 and Complaint.objects.count() == 100
    assert Dialogue.objects.count() == 290 * 2 * 2
    assert Concern.objects.count() == Dialogue.objects.count() * 4
    assert CrimeStatistic.objects.count() == 290 * 2 * 8
    call_command("synth", *args, "--seed", "2")
    assert _state() != first


def test_synth_removes_only_its_own_data() -> None:
    eslov = Municipality.objects.get(slug="eslov")
    Complaint.objects.create(
        municipality=eslov, received_on="2024-01-01", text="Äkta.", problem="other"
    )
    call_command("synth", "--events", "10", "--complaints", "10", "--years", "1")
    call_command("synth", "--remove")
    assert list(Complaint.objects.values_list("text", flat=True)) == ["Äkta."]
    assert not PoliceEvent.objects.exists() and not Dialogue.objects.exists()


def test_synthetic_events_are_written_in_the_feeds_format() -> None:
    from lib.policefeed import parse_record

    places = list(Municipality.objects.all())
    records = list(feed_records(SynthPlan(events=200), places))
    assert len({r["id"] for r in records}) == 200
    for record in records:
        parse_record(record)


@override_settings(DEMO_MODE=False)
def test_synth_is_refused_outside_demo_mode() -> None:
    with pytest.raises(CommandError, match="demo mode"):
        call_command("synth", "--events", "1")
