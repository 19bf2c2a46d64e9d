"""Backup and restore of the whole database: SQLite with its online backup, PostgreSQL with
pg_dump and pg_restore. Either way the restore is all or nothing."""

import os
import sqlite3
import subprocess
from pathlib import Path
from typing import Any

from django.db import connection

SQLITE_MAGIC = b"SQLite format 3\x00"
PG_CUSTOM_MAGIC = b"PGDMP"


class BackupError(Exception):
    """A backup or restore that cannot be done, with the reason in words."""


def _vendor() -> str:
    if connection.vendor not in ("sqlite", "postgresql"):
        raise BackupError(f"backups of {connection.vendor} databases are not supported")
    return connection.vendor


def _pg_command(tool: str, settings: dict[str, Any]) -> tuple[list[str], dict[str, str]]:
    args = [tool, "--no-password"]
    for flag, key in (("--host", "HOST"), ("--port", "PORT"), ("--username", "USER")):
        if settings.get(key):
            args += [flag, str(settings[key])]
    env = {**os.environ}
    if settings.get("PASSWORD"):
        env["PGPASSWORD"] = str(settings["PASSWORD"])
    return args, env


def _run(args: list[str], env: dict[str, str]) -> None:
    try:
        result = subprocess.run(args, env=env, capture_output=True, text=True, check=False)
    except FileNotFoundError as error:
        raise BackupError(f"{args[0]} is not installed (Debian: postgresql-client)") from error
    if result.returncode != 0:
        raise BackupError(f"{args[0]} failed: {result.stderr.strip()}")


def backup(path: Path) -> None:
    """Write a consistent copy of the whole database to `path`, while it stays in use."""
    vendor = _vendor()
    tmp = path.with_name(path.name + ".partial")
    # The copy holds password hashes, two-factor keys and complaint texts: readable by the
    # owner alone from its first byte (created so, then written), never by the world.
    tmp.unlink(missing_ok=True)
    os.close(os.open(tmp, os.O_CREAT | os.O_WRONLY | os.O_EXCL, 0o600))
    if vendor == "sqlite":
        connection.ensure_connection()
        target = sqlite3.connect(tmp)
        try:
            connection.connection.backup(target)
        finally:
            target.close()
    else:
        settings = connection.settings_dict
        args, env = _pg_command("pg_dump", settings)
        _run([*args, "--format=custom", "--file", str(tmp), settings["NAME"]], env)
    tmp.chmod(0o600)
    # Only a finished backup takes the name; a failed one leaves no file to be trusted.
    tmp.replace(path)


def _check_kind(path: Path, vendor: str) -> None:
    if not path.is_file():
        raise BackupError(f"{path}: no such file")
    with open(path, "rb") as handle:
        head = handle.read(16)
    magic = SQLITE_MAGIC if vendor == "sqlite" else PG_CUSTOM_MAGIC
    if not head.startswith(magic):
        kind = "a SQLite" if vendor == "sqlite" else "a PostgreSQL (pg_dump --format=custom)"
        raise BackupError(f"{path}: not {kind} backup, so nothing was restored")


def restore(path: Path) -> None:
    """Replace the whole database with the backup at `path`, in one transaction."""
    vendor = _vendor()
    _check_kind(path, vendor)
    if vendor == "sqlite":
        source = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            connection.ensure_connection()
            source.backup(connection.connection)
        finally:
            source.close()
        return
    settings = connection.settings_dict
    connection.close()
    args, env = _pg_command("pg_restore", settings)
    _run(
        [
            *args,
            "--clean",
            "--if-exists",
            "--no-owner",
            "--single-transaction",
            "--exit-on-error",
            "--dbname",
            settings["NAME"],
            str(path),
        ],
        env,
    )
