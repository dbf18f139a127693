"""The district round trip of issue 17: the demo district built once, reduced to each of its
sixteen groups (as ``liaison-desk demo --group`` builds them), each group's 2024 records
exported as a records package and imported into a fresh district database. The district's
figures must be exactly the district demo's (85 hall sessions, 158 micro-consultations, 160+
solved, and every other figure of the year, district-wide and per group); a second import of
every package must change nothing; undoing the last import must give back the database as it
was before it (a dump of every table but the import log and audit trail).

    .venv/bin/python benchmarks/records_round_trip.py [--folder DIR]

Prints the timings and the figures; exits 1 when anything differs.
"""

from __future__ import annotations

import argparse
import shutil
import sqlite3
import sys
import tempfile
import time
from dataclasses import asdict
from datetime import datetime
from pathlib import Path
from typing import Any

from liaison_desk.demo import DEMO_YEAR, build_demo, demo_group_names, reduce_to_group
from liaison_desk.services import ServiceContext, Services
from liaison_desk.storage.attachments import AttachmentStore
from liaison_desk.storage.database import Database

MOMENT = datetime(2024, 12, 31, 10, 0)  # the tests' clock: the year as it stood then


def services_of(db_file: Path) -> tuple[Database, Services]:
    db = Database.open(f"sqlite:///{db_file}")
    return db, Services(
        ServiceContext(db, AttachmentStore.beside_database(db_file), clock=lambda: MOMENT)
    )


def figures(sv: Services, group_id: int | None = None) -> dict[str, Any]:
    data = asdict(sv.statistics.year(DEMO_YEAR, group_id))
    data.pop("group_id")
    return data


def dump(db_file: Path) -> dict[str, list[Any]]:
    conn = sqlite3.connect(db_file)
    try:
        names = [
            r[0]
            for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")
            if not r[0].startswith("search_fts") and r[0] not in ("import_log", "audit_entries")
        ]
        return {n: conn.execute(f'SELECT * FROM "{n}" ORDER BY 1').fetchall() for n in names}
    finally:
        conn.close()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--folder", type=Path, default=None)
    args = parser.parse_args()
    folder = args.folder or Path(tempfile.mkdtemp(prefix="round-trip-"))
    problems: list[str] = []
    t0 = time.perf_counter()
    master = folder / "区政协示例.sqlite"
    db, sv = services_of(master)
    build_demo(sv)
    expected = figures(sv)
    by_group = {g.name: figures(sv, g.id) for g in sv.groups.all()}
    db.close()
    print(f"district demo built: {time.perf_counter() - t0:.1f} s; {expected}")

    packages = []
    t1 = time.perf_counter()
    for name in demo_group_names():
        target = folder / name / "联络组.sqlite"
        target.parent.mkdir()
        shutil.copyfile(master, target)
        shutil.copytree(
            AttachmentStore.beside_database(master).root,
            AttachmentStore.beside_database(target).root,
        )
        db, sv = services_of(target)
        reduce_to_group(sv, name)
        packages.append(sv.records.export(folder / f"{name}.zip", year=DEMO_YEAR).written.path)
        db.close()
    print(f"16 single-group databases and packages: {time.perf_counter() - t1:.1f} s")

    district = folder / "区政协" / "区政协.sqlite"
    district.parent.mkdir()
    t2 = time.perf_counter()
    db, sv = services_of(district)
    for package in packages[:-1]:
        sv.records.import_package(package)
    before_last = dump(district)
    sv.records.import_package(packages[-1])
    print(f"16 imports: {time.perf_counter() - t2:.1f} s")
    got = figures(sv)
    print(f"district after import: {got}")
    if got != expected:
        problems.append(f"district figures differ: {expected} != {got}")
    for g in sv.groups.all():
        if figures(sv, g.id) != by_group[g.name]:
            problems.append(f"{g.name}: figures differ")
    print(
        f"hall {got['hall_sessions']} / micro {got['micro_consultations']} / solved {got['solved']}"
    )
    after = dump(district)
    t3 = time.perf_counter()
    for package in packages:
        report = sv.records.import_package(package)
        if report.log_id is not None or report.result.changed:
            problems.append(f"second import of {package.name} changed something")
    print(f"16 second imports: {time.perf_counter() - t3:.1f} s")
    if dump(district) != after:
        problems.append("the second imports changed the database")
    sv.records.undo_last()
    if dump(district) != before_last:
        problems.append("undo did not give back the database as before the last import")
    db.close()
    for p in problems:
        print("PROBLEM:", p)
    print("OK" if not problems else f"{len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
