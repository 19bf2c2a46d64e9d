"""In the real browser: text typed on a follow-up or an evaluation and then sent with a
button other than "Spara" is kept, saved with the action or shown again after a refusal."""

from typing import Any

import pytest

from followup.models import Evaluation, FollowUp
from followup.services import evaluation_start
from promises.models import CitizenPromise

from .conftest import HAVE_BROWSER

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(not HAVE_BROWSER, reason="Debian's chromium package is not installed"),
]


def _logged_in(browser: Any, live_server: Any) -> Any:
    page = browser.new_context().new_page()
    page.goto(f"{live_server.url}/konto/logga-in/")
    page.fill("#id_username", "samordnare.exempelby")
    page.fill("#id_password", "demo")
    page.click("button.primary")
    return page


def test_text_typed_before_saving_survives_every_button(
    live_server: Any, browser: Any, demo: None
) -> None:
    promise = CitizenPromise.objects.get(municipality__slug="exempelby", status="published")
    follow_up = FollowUp.objects.filter(promise=promise, status="draft").first()
    assert follow_up is not None
    page = _logged_in(browser, live_server)
    page.goto(f"{live_server.url}/arbete/uppfoljning/{follow_up.pk}/")
    comment = page.locator("textarea[name^='comment_']").first
    comment.fill("Skrivet men inte sparat")
    page.fill("#id_assessment", "")
    page.click("button[formaction$='/godkann/']")
    # Refused for want of an assessment: the page comes back with the comment still there.
    assert page.locator(".error-summary").count() == 1
    assert page.locator("textarea[name^='comment_']").first.input_value() == (
        "Skrivet men inte sparat"
    )
    page.fill("#id_assessment", "Arbetet går enligt plan.")
    page.click("button[formaction$='/godkann/']")
    follow_up.refresh_from_db()
    assert follow_up.assessment == "Arbetet går enligt plan."
    assert follow_up.status != "draft"
    assert follow_up.activities.filter(comment="Skrivet men inte sparat").exists()

    evaluation: Evaluation = evaluation_start(promise=promise, by=None)
    page.goto(f"{live_server.url}/arbete/uppfoljning/utvardering/{evaluation.pk}/")
    page.fill("#id_summary", "Ett år med fler kontroller.")
    page.click("button[formaction$='/forhandsvisning/']")
    evaluation.refresh_from_db()
    assert evaluation.summary == "Ett år med fler kontroller."
    # The button leads to the preview; publishing needs both parties' approval from there.
    assert evaluation.status == "draft"
    page.click("form[action$='/godkann/'] button")
    evaluation.refresh_from_db()
    assert evaluation.municipality_approved_at is not None
    assert evaluation.status == "draft"
