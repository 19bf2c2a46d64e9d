"""Evaluations stored before "missing is not zero" kept 0 as an effect's figure where its
source had no records at all for the span compared. The situation picture's selector now
gives None there ("no data for that period"). This turns those stored zeros into None the
same way: a 0 becomes None when its source has no record, of any problem, in that span
(the yearly sources: for the years the span touches). A 0 whose source does have records is
a real zero and stays, as does every other figure: published figures are not recounted.
Going back leaves the figures as they are (None is the truer value either way)."""

from datetime import date, datetime, timedelta

from django.db import migrations
from django.utils import timezone

from lib.periods import compared_spans

SPAN_KEYS = ("before", "after")


def _moment(day: date) -> datetime:
    return timezone.make_aware(datetime(day.year, day.month, day.day))


def _sources_with_records(apps, municipality_id: int, start: date, end: date) -> set[str]:
    """As situation.selectors.sources_with_records, on the models as this migration sees them."""
    years = list(range(start.year, (end - timedelta(days=1)).year + 1))
    model = lambda name: apps.get_model("situation", name)  # noqa: E731
    dialogues = model("Dialogue").objects.filter(
        municipality_id=municipality_id, held_on__gte=start, held_on__lt=end
    )
    present = {
        "complaints": model("Complaint").objects.filter(
            municipality_id=municipality_id, received_on__gte=start, received_on__lt=end
        ),
        "citizen_dialogues": dialogues.filter(kind="citizen"),
        "employee_dialogues": dialogues.filter(kind="employee"),
        "police_events": model("PoliceEvent").objects.filter(
            municipality_id=municipality_id,
            happened_at__gte=_moment(start),
            happened_at__lt=_moment(end),
        ),
        "crime_statistics": model("CrimeStatistic").objects.filter(
            municipality_id=municipality_id, year__in=years
        ),
        "safety_surveys": model("SurveyResult").objects.filter(
            municipality_id=municipality_id, year__in=years
        ),
    }
    return {source for source, records in present.items() if records.exists()}


def null_missing_figures(apps, schema_editor) -> None:
    """Set to None every stored effect figure of 0 whose source had no records in its span."""
    EvaluationCommitment = apps.get_model("followup", "EvaluationCommitment")
    lines = EvaluationCommitment.objects.select_related("evaluation__promise").order_by("pk")
    seen: dict[tuple[int, date, date], set[str]] = {}
    for line in lines.iterator():
        if not line.effects:
            continue
        evaluation = line.evaluation
        promise = evaluation.promise
        spans = compared_spans(promise.year, evaluation.as_of)
        changed = False
        effects = []
        for effect in line.effects:
            effect = dict(effect)
            for key, (start, end) in zip(SPAN_KEYS, spans, strict=True):
                if effect.get(key) != 0:
                    continue
                cache_key = (promise.municipality_id, start, end)
                if cache_key not in seen:
                    seen[cache_key] = _sources_with_records(
                        apps, promise.municipality_id, start, end
                    )
                if effect.get("source") not in seen[cache_key]:
                    effect[key] = None
                    changed = True
            effects.append(effect)
        if changed:
            EvaluationCommitment.objects.filter(pk=line.pk).update(effects=effects)


class Migration(migrations.Migration):
    dependencies = [
        ("followup", "0005_evaluation_approved_by_both_parties"),
        ("situation", "0007_plausible_dates"),
    ]

    operations = [
        migrations.RunPython(null_missing_figures, migrations.RunPython.noop, elidable=True),
    ]
