"""A throw-away PostgreSQL cluster for the tests that need a server (``tests/storage`` and the
two-PC window test in ``tests/ui``): started in a temporary folder, listening on a Unix socket
only; a module using it is skipped (saying why) where no PostgreSQL server programs are
installed, and fails in CI, where ``scripts/test.sh`` installs them."""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

PORT = 54329


def _pg_bin() -> Path | None:
    for folder in sorted(Path("/usr/lib/postgresql").glob("*/bin"), reverse=True):
        if (folder / "initdb").exists():
            return folder
    found = shutil.which("initdb")
    return Path(found).parent if found else None


def _as_server_user(args: list[str]) -> list[str]:
    # PostgreSQL refuses to run as root; CI runs as root.
    if os.geteuid() == 0:
        return ["runuser", "-u", "postgres", "--", *args]
    return args


@pytest.fixture(scope="module")
def pg_url() -> Iterator[str]:
    pytest.importorskip("psycopg", reason="psycopg is not installed")
    bin_dir = _pg_bin()
    if bin_dir is None:
        if os.environ.get("CI"):  # scripts/test.sh installs it: in CI its absence is a failure
            pytest.fail("PostgreSQL server programs (initdb) are missing in CI")
        pytest.skip("PostgreSQL server programs (initdb) are not installed")
    folder = Path(tempfile.mkdtemp(prefix="liaison-desk-pg-"))
    if os.geteuid() == 0:
        shutil.chown(folder, "postgres")
    data = folder / "data"

    def run(program: str, *args: str) -> None:
        command = _as_server_user([str(bin_dir / program), *args])
        subprocess.run(command, check=True, capture_output=True, timeout=60)

    run(
        "initdb",
        "-D",
        str(data),
        "-A",
        "trust",
        "-U",
        "postgres",
        "--no-sync",
        "-E",
        "UTF8",
        "--locale=C.UTF-8",
    )
    options = f"-k {folder} -p {PORT} -c listen_addresses='' -c fsync=off"
    run("pg_ctl", "-D", str(data), "-o", options, "-l", str(folder / "log"), "-w", "start")
    try:
        base = f"postgresql+psycopg://postgres@/{{db}}?host={folder}&port={PORT}"
        for name in ("liaison", "liaison_newer", "liaison_race"):
            run("createdb", "-h", str(folder), "-p", str(PORT), "-U", "postgres", name)
        yield base
    finally:
        subprocess.run(
            _as_server_user([str(bin_dir / "pg_ctl"), "-D", str(data), "-m", "immediate", "stop"]),
            capture_output=True,
            timeout=60,
            check=False,
        )
        shutil.rmtree(folder, ignore_errors=True)


def fresh_database(base: str, name: str) -> str:
    """The URL of a new, empty database ``name`` on the cluster of ``base`` (dropped first
    when a previous test made it)."""
    admin = create_engine(base.format(db="postgres"), isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    admin.dispose()
    return base.format(db=name)
