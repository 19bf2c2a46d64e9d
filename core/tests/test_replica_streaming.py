"""The replica router against a real PostgreSQL streaming replica: a throw-away primary and
its replica are made for the test (initdb, pg_basebackup), the replica's replay is paused so
that it surely lags, and Löften runs on both in a process of its own.

It needs PostgreSQL's server programs and root (the servers run as the postgres user);
elsewhere it is skipped and says why."""

import os
import shutil
import subprocess
import sys
import tempfile
import textwrap
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
BINARIES = sorted(Path("/usr/lib/postgresql").glob("*/bin/initdb"))


def _why_not() -> str | None:
    if not BINARIES:
        return "PostgreSQL's server programs (initdb) are not installed"
    if os.geteuid() != 0 or not shutil.which("runuser"):
        return "the throw-away servers run as the postgres user, which needs root"
    if subprocess.run(["id", "postgres"], capture_output=True).returncode != 0:
        return "there is no postgres user"
    return None


def _as_postgres(*command: str) -> None:
    done = subprocess.run(
        ["runuser", "-u", "postgres", "--", *command], capture_output=True, text=True
    )
    assert done.returncode == 0, f"{command[0]}: {done.stderr[-2000:]}"


@pytest.fixture(scope="module")
def servers() -> Iterator[tuple[int, int]]:
    bin_dir = BINARIES[-1].parent
    # Not under pytest's own folder, which the postgres user may not enter.
    base = Path(tempfile.mkdtemp(prefix="loften-replication-"))
    base.chmod(0o777)
    primary, replica = base / "primary", base / "replica"
    ports = (55434 + os.getpid() % 100, 55534 + os.getpid() % 100)
    started: list[Path] = []
    try:
        _as_postgres(str(bin_dir / "initdb"), "-D", str(primary), "-A", "trust", "-U", "postgres")
        for data, port in ((primary, ports[0]),):
            _as_postgres(
                str(bin_dir / "pg_ctl"), "-D", str(data), "-l", str(base / "primary.log"),
                "-o", f"-p {port} -k {base} -c listen_addresses=127.0.0.1", "-w", "start",
            )  # fmt: skip
            started.append(data)
        _as_postgres(
            str(bin_dir / "pg_basebackup"), "-h", "127.0.0.1", "-p", str(ports[0]),
            "-U", "postgres", "-D", str(replica), "-R", "-X", "stream",
        )  # fmt: skip
        _as_postgres(
            str(bin_dir / "pg_ctl"), "-D", str(replica), "-l", str(base / "replica.log"),
            "-o", f"-p {ports[1]} -k {base} -c listen_addresses=127.0.0.1", "-w", "start",
        )  # fmt: skip
        started.append(replica)
        yield ports
    finally:
        for data in reversed(started):
            _as_postgres(str(bin_dir / "pg_ctl"), "-D", str(data), "-m", "immediate", "stop")
        shutil.rmtree(base, ignore_errors=True)


# Runs in a process of its own, with the settings of a production install on the two
# servers (DATABASES are read once, at start-up).
SCRIPT = textwrap.dedent(
    """
    import time
    from django.db import connections
    from django.test import Client
    from core import pagecache
    from places.models import Municipality

    reads = {"default": 0, "replica": 0}
    def counter(alias):
        def count(execute, sql, params, many, context):
            reads[alias] += 1
            return execute(sql, params, many, context)
        return count
    kept = [connections[alias].execute_wrapper(counter(alias)) for alias in reads]
    for wrapper in kept:  # kept referenced: a collected one would take itself off
        wrapper.__enter__()

    def page(url, **cookies):
        client = Client(SERVER_NAME="127.0.0.1", HTTP_X_FORWARDED_PROTO="https")
        for name, value in cookies.items():
            client.cookies[name] = value
        for alias in reads:
            reads[alias] = 0
        response = client.get(url)
        assert response.status_code == 200, (url, response.status_code)
        return response.content.decode(), dict(reads)

    # Wait until the replica has the migrated tables, then stop its replay: from here on
    # it lags the primary for as long as the test likes.
    for _ in range(100):
        with connections["replica"].cursor() as cursor:
            cursor.execute("SELECT count(*) FROM places_municipality")
            if cursor.fetchone()[0] == 290:
                break
        time.sleep(0.1)
    with connections["replica"].cursor() as cursor:
        cursor.execute("SELECT pg_wal_replay_pause()")

    html, where = page("/kommun/eslov/")
    assert where["replica"] > 0 and where["default"] == 0, where
    print("anonymous read:", where)

    _, where = page("/kommun/eslov/", sessionid="not-a-session")
    assert where["replica"] == 0, where
    print("with a session:", where)

    _, where = page("/kommun/eslov/", loften_primary="1")
    assert where["replica"] == 0, where
    print("pinned after a write:", where)

    # A write the replica will not see: the page rendered right after it is read from the
    # primary, and shows it.
    place = Municipality.objects.get(slug="eslov")
    place.name = "Eslöv efter ändringen"
    place.save()
    pagecache.changed("eslov")
    html, where = page("/kommun/eslov/?efter=1")
    assert "Eslöv efter ändringen" in html and where["replica"] == 0, where
    print("right after the write:", where)

    # Past REPLICA_PIN_SECONDS a page not yet stored is read from the lagging replica.
    time.sleep(2.5)
    html, where = page("/kommun/eslov/?senare=1")
    assert where["replica"] > 0 and "Eslöv efter ändringen" not in html, where
    print("later, from the lagging replica:", where)
    print("ALL GOOD")
    """
)


@pytest.mark.skipif(bool(_why_not()), reason=_why_not() or "")
def test_public_reads_go_to_a_real_lagging_replica_and_fresh_pages_to_the_primary(
    servers: tuple[int, int], tmp_path: Path
) -> None:
    primary, replica = servers
    env = {
        **{k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DATABASE"))},
        "DJANGO_SETTINGS_MODULE": "loften.settings",
        "DATABASE_URL": f"postgres://postgres@127.0.0.1:{primary}/postgres",
        "DATABASE_REPLICA_URL": f"postgres://postgres@127.0.0.1:{replica}/postgres",
        "REPLICA_PIN_SECONDS": "2",
        "PAGE_CACHE": "local",
        "REDIS_URL": "",
        "DEBUG": "false",
        "DEMO_MODE": "true",
        "SECRET_KEY": "r" * 50,
        "ALLOWED_HOSTS": "127.0.0.1",
        "STATIC_ROOT": str(tmp_path / "static"),
        "ENV_FILE": "",
        "REQUEST_LOG_LEVEL": "WARNING",
    }
    loften = [str(Path(sys.executable).parent / "loften")]
    for command in (
        ["migrate", "--no-input", "-v", "0"],
        ["collectstatic", "--no-input", "-v", "0"],
    ):
        subprocess.run([*loften, *command], env=env, cwd=ROOT, check=True, capture_output=True)
    started = time.monotonic()
    done = subprocess.run(
        [*loften, "shell", "-c", SCRIPT], env=env, cwd=ROOT, capture_output=True, text=True
    )
    assert done.returncode == 0 and "ALL GOOD" in done.stdout, done.stdout + done.stderr[-3000:]
    assert time.monotonic() - started < 120
