"""axe-core scans of the staff pages a reporter and a coordinator use every day."""

from typing import Any

import pytest

from followup.models import Evaluation, FollowUp
from followup.services import evaluation_start
from promises.models import Activity, ActivityReport, CitizenPromise
from situation.models import Complaint

from .conftest import HAVE_BROWSER

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(not HAVE_BROWSER, reason="Debian's chromium package is not installed"),
]
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


def test_staff_pages_have_no_serious_accessibility_violations(
    live_server: Any, browser: Any, demo: None
) -> None:
    from axe_playwright_python.sync_playwright import Axe

    promise = CitizenPromise.objects.get(municipality__slug="eslov", year=2017)
    activity = Activity.objects.get(promise=promise, kind="traffic_control")
    draft = CitizenPromise.objects.get(municipality__slug="exempelby", status="draft")
    published_follow_up = FollowUp.objects.get(promise=promise, number=1)
    # Exempelby's latest ended quarter waits as a draft (none in January to March).
    drafts = FollowUp.objects.filter(promise__municipality__slug="exempelby", status="draft")
    evaluated = Evaluation.objects.get(promise__municipality__slug="eslov")
    exempelby = CitizenPromise.objects.get(municipality__slug="exempelby", status="published")
    evaluation_draft = evaluation_start(promise=exempelby, by=None)
    complaint = Complaint.objects.filter(municipality__slug="eslov").first()
    assert complaint is not None
    own_report = ActivityReport.objects.filter(
        activity__promise=promise, reported_by__username="polis.eslov"
    ).first()
    assert own_report is not None
    pages = {
        "samordnare.eslov": [
            "/arbete/",
            f"/arbete/loften/{promise.pk}/",
            "/arbete/rapporter/",
            "/arbete/lagesbild/eslov/2015/",
            "/arbete/lagesbild/eslov/2015/publicera/",
            "/arbete/lagesbild/eslov/2015/karta/",
            "/arbete/lagesbild/eslov/klagomal/nytt/",
            "/arbete/lagesbild/eslov/dialog/ny/",
            "/arbete/lagesbild/eslov/inlasning/",
            "/arbete/lagesbild/inlasning/vagledning/",
            f"/arbete/lagesbild/post/complaint/{complaint.pk}/andra/",
            f"/arbete/lagesbild/post/complaint/{complaint.pk}/ta-tillbaka/",
            "/arbete/lagesbild/eslov/2015/poster/complaints/speeding/",
            "/arbete/loften/nytt/",
            "/arbete/overenskommelser/ny/",
            "/konto/tvastegs/aktivera/",
            "/arbete/inlasning/",
            f"/arbete/uppfoljning/{published_follow_up.pk}/",
            "/arbete/uppfoljning/paminnelser/",
            f"/arbete/uppfoljning/utvardering/{evaluated.pk}/",
        ],
        "polis.eslov": [
            "/arbete/rapportera/",
            f"/arbete/rapportera/{activity.pk}/",
            f"/arbete/rapportera/{activity.pk}/tillfalle/ny/",
            f"/arbete/rapporter/{own_report.pk}/ta-bort/",
        ],
        "samordnare.exempelby": [
            f"/arbete/loften/{draft.pk}/redigera/",
            f"/arbete/loften/{draft.pk}/aktivitet/ny/",
            f"/arbete/loften/{draft.pk}/forhandsvisning/",
            f"/arbete/loften/{draft.pk}/radera/",
            *(f"/arbete/uppfoljning/{f.pk}/" for f in drafts),
            f"/arbete/uppfoljning/utvardering/{evaluation_draft.pk}/",
        ],
    }
    axe = Axe()
    problems = []
    for username, paths in pages.items():
        context = browser.new_context(viewport={"width": 390, "height": 844})
        page = context.new_page()
        page.goto(f"{live_server.url}/konto/logga-in/")
        page.fill("#id_username", username)
        page.fill("#id_password", "demo")
        page.click("button.primary")
        for path in paths:
            page.goto(f"{live_server.url}{path}")
            assert page.url == f"{live_server.url}{path}", f"{username} was sent away from {path}"
            assert page.locator("h1").count() == 1, path
            if page.locator("#situation-map").count():
                # Scan the map as drawn, with its controls and points, not before it loads.
                page.locator("#situation-map[data-ready]").wait_for(timeout=15_000)
            width = page.evaluate("document.documentElement.scrollWidth")
            if width > 390:
                problems.append(f"{path}: page is {width}px wide in a 390px window")
            result = axe.run(page, options={"runOnly": {"type": "tag", "values": WCAG_TAGS}})
            problems += [
                f"{path}: {v['id']} {[n['target'] for n in v['nodes']][:3]}"
                for v in result.response["violations"]
                if v["impact"] in ("serious", "critical")
            ]
        context.close()
    assert problems == []


def test_the_import_review_page_has_no_serious_accessibility_violations(
    live_server: Any, browser: Any, demo: None
) -> None:
    from pathlib import Path

    from axe_playwright_python.sync_playwright import Axe

    source = Path(__file__).resolve().parents[2] / "imports" / "tests" / "texts"
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(f"{live_server.url}/konto/logga-in/")
    page.fill("#id_username", "samordnare.exempelby")
    page.fill("#id_password", "demo")
    page.click("button.primary")
    page.goto(f"{live_server.url}/arbete/inlasning/")
    page.fill("#id_text", (source / "seed_page.html").read_text(encoding="utf-8"))
    page.click("button.primary")
    assert page.locator("h1").inner_text() == "Kontrollera det som lästes in"
    assert page.locator(".source-text").inner_text().count("Anna-Karin Boije") == 2
    result = Axe().run(page, options={"runOnly": {"type": "tag", "values": WCAG_TAGS}})
    serious = [
        v["id"] for v in result.response["violations"] if v["impact"] in ("serious", "critical")
    ]
    page.close()
    assert serious == []
