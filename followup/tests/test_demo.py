from datetime import date

import pytest
from django.urls import reverse

from conftest import client_for
from followup.demo import load_follow_ups
from followup.models import Evaluation, FollowUp
from followup.vocabularies import FollowUpStatus


@pytest.mark.usefixtures("demo")
def test_the_demo_publishes_eslovs_follow_ups_and_leaves_exempelbys_latest_as_a_draft() -> None:
    eslov = FollowUp.objects.filter(promise__municipality__slug="eslov")
    assert sorted(eslov.values_list("promise__year", "number")) == [
        (2016, 1),
        (2016, 2),
        (2016, 3),
        (2016, 4),
        (2017, 1),
        (2017, 2),
        (2017, 3),
        (2017, 4),
    ]
    assert set(eslov.values_list("status", flat=True)) == {FollowUpStatus.PUBLISHED}
    assert all("Påhittad" in f.assessment for f in eslov)
    exempelby = FollowUp.objects.filter(promise__municipality__slug="exempelby").order_by("number")
    if exempelby:
        assert exempelby.last().status == FollowUpStatus.DRAFT  # type: ignore[union-attr]
    evaluated = Evaluation.objects.get(promise__municipality__slug="eslov")
    assert (evaluated.promise.year, evaluated.promise.status) == (2016, "evaluated")
    assert evaluated.as_of == date(2016, 12, 31) and "Påhittad" in evaluated.summary
    assert any(line.effects for line in evaluated.commitments.all())
    # Published by both parties' coordinators in the January after the promise year.
    assert evaluated.municipality_approved_by.username == "samordnare.eslov"  # type: ignore[union-attr]
    assert evaluated.police_approved_by.username == "samordnare.polis.eslov"  # type: ignore[union-attr]
    assert evaluated.municipality_approved_at and evaluated.police_approved_at
    approved = (evaluated.municipality_approved_at, evaluated.police_approved_at)
    assert [moment.date() for moment in approved] == [date(2017, 1, 20), date(2017, 1, 24)]
    assert evaluated.published_at == evaluated.police_approved_at
    page = client_for(language="sv").get(reverse("portal:evaluation", args=["eslov", 2016]))
    text = page.content.decode()
    assert "Godkänt för publicering av Eslöv den 20 januari 2017" in text, text
    assert "24 januari 2017" in text
    assert load_follow_ups(date.today()) is False, "a second run changes nothing"
    page = client_for().get(reverse("portal:follow_up", args=["eslov", 2017, 2]))
    assert page.status_code == 200
    assert "Påhittad bedömning" in page.content.decode()
