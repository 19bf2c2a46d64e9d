"""The fixed cast of the access tests: a coordinator who owns a promise, a police reporter
in the same area, a partner, a coordinator of another municipality and an anonymous citizen."""

import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date
from typing import Any

import pytest
from django.db import connection
from django.test import Client
from django.utils import translation

from accounts.models import Membership, Organisation, OrganisationKind, Role, User
from places.models import Municipality, PoliceArea, PoliceRegion
from promises import services
from promises.models import Activity, CitizenPromise
from promises.vocabularies import ActivityKind, PromiseStatus


@dataclass
class Cast:
    coordinator: User
    reporter: User
    partner: User
    other_coordinator: User
    viewer: User
    moderator: User
    outsider: User
    admin: User
    eslov: Municipality
    lund: Municipality
    area: PoliceArea
    municipality_org: Organisation
    police_org: Organisation
    rescue_org: Organisation
    lund_org: Organisation
    published: CitizenPromise
    draft: CitizenPromise
    lund_draft: CitizenPromise
    controls: Activity
    walks: Activity
    education: Activity


@pytest.fixture(autouse=True)
def english() -> Iterator[None]:
    """Tests read messages in English unless they test the Swedish interface itself."""
    with translation.override("en"):
        yield


def client_for(user: object | None = None, language: str = "en") -> Client:
    """A test client logged in as `user` (or anonymous), with the interface language set."""
    client = Client()
    client.cookies["django_language"] = language
    if user is not None:
        client.force_login(user)  # type: ignore[arg-type]
    return client


def _party(promise: CitizenPromise, kind: str) -> Organisation:
    """The promise's municipality or police area as an organisation, made if missing."""
    where = (
        {"municipality": promise.municipality}
        if kind == OrganisationKind.MUNICIPALITY
        else {"police_area": promise.police_area}
    )
    found = Organisation.objects.filter(kind=kind, **where).first()
    name = str(where.get("municipality") or where.get("police_area"))
    return found or Organisation.objects.create(name=name, kind=kind, **where)


def sign_for_both(promise: CitizenPromise, by: User | None = None) -> None:
    """Give a draft promise a signatory of each party, as publishing asks."""
    services.signatory_set(
        promise=promise,
        by=by,
        people=[
            {
                "name": "Kim Kommun",
                "title": "Kommunstyrelsens ordförande",
                "organisation": _party(promise, OrganisationKind.MUNICIPALITY),
            },
            {
                "name": "Pat Polis",
                "title": "Lokalpolisområdeschef",
                "organisation": _party(promise, OrganisationKind.POLICE_AREA),
            },
        ],
    )


def production_setting(name: str, **env: str) -> str:
    """A setting as production sees it: read in a fresh process with DEBUG=false and none of
    the test run's own variables (DEMO_MODE, the test settings module …)."""
    import os
    import subprocess
    import sys
    from pathlib import Path

    test_only = ("DJANGO_SETTINGS_MODULE", "DJANGO_ALLOW_ASYNC_UNSAFE", "DEMO_MODE")
    clean = {k: v for k, v in os.environ.items() if k not in test_only}
    clean.update({"DEBUG": "false", "SECRET_KEY": "p" * 50, "ENV_FILE": "", **env})
    result = subprocess.run(
        [sys.executable, "-c", f"import loften.settings as s; print(s.{name})"],
        cwd=Path(__file__).resolve().parent,
        env=clean,
        capture_output=True,
        text=True,
        check=True,
    )
    return result.stdout.strip()


def _member(username: str, org: Organisation, role: str) -> User:
    user = User.objects.create_user(username=username, password="pw")
    Membership.objects.create(user=user, organisation=org, role=role)
    return user


@pytest.fixture
def cast(db: None) -> Cast:
    eslov = Municipality.objects.get(slug="eslov")
    lund = Municipality.objects.get(slug="lund")
    region = PoliceRegion.objects.get(slug="syd")
    area = PoliceArea.objects.create(name="LPO Eslöv", slug="lpo-eslov", region=region)
    area.municipalities.add(eslov)
    lund_area = PoliceArea.objects.create(name="LPO Lund", slug="lpo-lund", region=region)
    lund_area.municipalities.add(lund)
    kind = OrganisationKind
    municipality_org = Organisation.objects.create(
        name="Eslövs kommun", kind=kind.MUNICIPALITY, municipality=eslov
    )
    police_org = Organisation.objects.create(
        name="LPO Eslöv", kind=kind.POLICE_AREA, police_area=area
    )
    rescue_org = Organisation.objects.create(name="Räddningstjänsten", kind=kind.RESCUE_SERVICE)
    lund_org = Organisation.objects.create(
        name="Lunds kommun", kind=kind.MUNICIPALITY, municipality=lund
    )
    coordinator = _member("coordinator", municipality_org, Role.COORDINATOR)
    reporter = _member("reporter", police_org, Role.REPORTER)
    partner = _member("partner", rescue_org, Role.PARTNER)
    other = _member("other", lund_org, Role.COORDINATOR)
    viewer = _member("viewer", municipality_org, Role.VIEWER)
    moderator = _member("moderator", municipality_org, Role.MODERATOR)
    outsider = User.objects.create_user(username="outsider", password="pw")
    admin = User.objects.create_superuser(username="root", password="pw")
    published = services.promise_create(
        by=coordinator,
        municipality=eslov,
        police_area=area,
        year=2017,
        title="Medborgarlöfte 2017",
        signed_on=date(2017, 2, 15),
    )
    services.commitment_create(promise=published, by=coordinator, text="Säkrare trafik")
    education = services.activity_create(
        promise=published,
        by=coordinator,
        kind=ActivityKind.SCHOOL_EDUCATION,
        target=1,
        description="Utbildningsdag",
        responsible=[rescue_org, police_org],
        position=0,
    )
    walks = services.activity_create(
        promise=published,
        by=coordinator,
        kind=ActivityKind.SAFETY_WALK,
        target=2,
        description="Trygghetsvandringar",
        responsible=[municipality_org],
        position=1,
    )
    controls = services.activity_create(
        promise=published,
        by=coordinator,
        kind=ActivityKind.TRAFFIC_CONTROL,
        target=30,
        description="Trafikkontroller",
        responsible=[police_org],
        position=2,
    )
    sign_for_both(published, coordinator)
    services.promise_set_status(promise=published, by=coordinator, status=PromiseStatus.SIGNED)
    # Both parties approve: the municipality's coordinator, the administrator for the police.
    for approver in (coordinator, admin):
        services.promise_approve(promise=published, by=approver)
    draft = services.promise_create(
        by=coordinator,
        municipality=eslov,
        police_area=area,
        year=2018,
        title="Hemligt utkast 2018",
    )
    lund_draft = services.promise_create(
        by=other,
        municipality=lund,
        police_area=lund_area,
        year=2017,
        title="Lunds utkast",
    )
    return Cast(
        coordinator=coordinator,
        reporter=reporter,
        partner=partner,
        other_coordinator=other,
        viewer=viewer,
        moderator=moderator,
        outsider=outsider,
        admin=admin,
        eslov=eslov,
        lund=lund,
        area=area,
        municipality_org=municipality_org,
        police_org=police_org,
        rescue_org=rescue_org,
        lund_org=lund_org,
        published=published,
        draft=draft,
        lund_draft=lund_draft,
        controls=controls,
        walks=walks,
        education=education,
    )


@pytest.fixture
def demo(transactional_db: None) -> None:
    """The Eslöv demo, committed, so other threads and processes (live_server, pg_dump)
    see it. Transactional tests empty the tables afterwards, reference data included, so
    it is loaded again here rather than trusted to be left by the migrations."""
    from django.utils import timezone

    from accounts.models import User
    from followup.demo import load_follow_ups
    from places.models import County, Municipality, PoliceRegion
    from places.reference_data import load_municipality_centres, load_reference_data
    from promises.demo import load_demo
    from situation.demo import load_evidence

    load_reference_data(PoliceRegion, County, Municipality)
    load_municipality_centres(Municipality)
    load_demo(timezone.localdate())
    load_evidence(User.objects.get(username="samordnare.eslov"))
    load_follow_ups(timezone.localdate())


# Two users at the same moment, from two database connections.

needs_postgres = pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason=(
        "SQLite has no SELECT … FOR UPDATE and lets one writer at a time in; the test "
        "database is not shared by two connections writing at once. Run with DATABASE_URL "
        "on PostgreSQL."
    ),
)


@pytest.fixture
def reference_data(transactional_db: None) -> None:
    """Municipalities and police regions, committed: transactional tests empty every table
    afterwards, so they are loaded again rather than trusted to be left by the migrations."""
    from places.models import County
    from places.reference_data import load_reference_data

    load_reference_data(PoliceRegion, County, Municipality)


def at_once(*calls: Callable[[], Any]) -> list[BaseException]:
    """Run the calls in threads (each with its own database connection) released at the
    same moment; the errors they raised."""
    start = threading.Barrier(len(calls))
    errors: list[BaseException] = []

    def run(call: Callable[[], Any]) -> None:
        try:
            start.wait()
            call()
        except BaseException as error:  # noqa: BLE001 - reported to the test
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(call,)) for call in calls]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return errors
