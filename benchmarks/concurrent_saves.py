"""Two (or more) processes save the same consultation at the same time, each many times: every
save that succeeded must have raised the revision by exactly one, and every lost race must be
reported as a conflict (ConflictError), never saved over silently nor ended in another error.

    .venv/bin/python benchmarks/concurrent_saves.py --saves 300
    .venv/bin/python benchmarks/concurrent_saves.py --db postgresql+psycopg://… --saves 300

Prints saves, conflicts, the revision's rise and anything else that went wrong; exits 1 when a
save was lost or another error occurred. tests/services/test_concurrent_processes.py runs it
with fewer saves.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path
from typing import Any

from liaison_desk.domain.entities import LiaisonGroup
from liaison_desk.domain.enums import ConsultationKind
from liaison_desk.domain.rules import ConflictError
from liaison_desk.services import ServiceContext, Services
from liaison_desk.storage.attachments import AttachmentStore
from liaison_desk.storage.database import Database


def _services(url: str, folder: Path) -> Services:
    return Services(ServiceContext(Database.open(url), AttachmentStore(folder / "附件")))


def prepare(url: str, folder: Path) -> int:
    """A database with one consultation; its id."""
    services = _services(url, folder)
    try:
        group = services.groups.save(
            LiaisonGroup(name="织里镇联络组", town="织里镇", fonds_code="J012", org_code="ZL")
        )
        c = services.consultations.new(ConsultationKind.HALL, group.id)
        c.title, c.held_on, c.venue = "老旧小区加装电梯", date(2024, 3, 5), "织里镇民生议事堂"
        return services.consultations.save(c).id or 0
    finally:
        services.ctx.db.close()


def worker(url: str, folder: Path, record_id: int, name: str, saves: int, start: Path) -> None:
    """Read, change the minutes, save; ``saves`` times. Prints a JSON summary."""
    services = _services(url, folder)
    result: dict[str, Any] = {"saves": 0, "conflicts": 0, "bad_rises": 0, "errors": []}
    while not start.exists():  # all workers begin together
        time.sleep(0.005)
    for i in range(saves):
        c = services.consultations.get(record_id)
        assert c is not None
        read = c.revision
        c.minutes = f"{name} 第 {i} 次修改"
        try:
            saved = services.consultations.save(c)
        except ConflictError:
            result["conflicts"] += 1
            continue
        except Exception as exc:  # anything else is a failure of the test
            result["errors"].append(f"{type(exc).__name__}: {exc}")
            continue
        result["saves"] += 1
        if saved.revision != read + 1:
            result["bad_rises"] += 1
    services.ctx.db.close()
    print(json.dumps(result))


def run(url: str, folder: Path, saves: int, workers: int = 2) -> dict[str, Any]:
    """Start ``workers`` processes saving one record ``saves`` times each; the figures."""
    record_id = prepare(url, folder)
    services = _services(url, folder)
    before = services.consultations.get(record_id)
    assert before is not None
    start = folder / "start"
    common = [sys.executable, __file__, "--db", url, "--folder", str(folder)]
    common += ["--saves", str(saves), "--record", str(record_id), "--start", str(start)]
    procs = [
        subprocess.Popen(
            [*common, "--worker", f"进程{n}"],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for n in range(workers)
    ]
    time.sleep(1.0)  # let every worker open the database first
    start.touch()
    results = []
    for p in procs:
        out, err = p.communicate(timeout=600)
        if p.returncode != 0:
            raise RuntimeError(f"worker failed ({p.returncode}):\n{err}")
        results.append(json.loads(out.strip().splitlines()[-1]))
    after = services.consultations.get(record_id)
    assert after is not None
    services.ctx.db.close()
    return {
        "workers": workers,
        "saves_each": saves,
        "saves": sum(r["saves"] for r in results),
        "conflicts": sum(r["conflicts"] for r in results),
        "bad_rises": sum(r["bad_rises"] for r in results),
        "errors": [e for r in results for e in r["errors"]],
        "revision_rise": after.revision - before.revision,
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--db", help="database URL (default: a new SQLite file)")
    parser.add_argument("--folder", type=Path)
    parser.add_argument("--saves", type=int, default=300)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument("--worker", help=argparse.SUPPRESS)
    parser.add_argument("--record", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--start", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        worker(args.db, args.folder, args.record, args.worker, args.saves, args.start)
        return 0
    folder = args.folder or Path(tempfile.mkdtemp(prefix="concurrent-saves-"))
    url = args.db or f"sqlite:///{folder / '履职档案.sqlite'}"
    began = time.perf_counter()
    figures = run(url, folder, args.saves, args.workers)
    figures["seconds"] = round(time.perf_counter() - began, 1)
    if args.json:
        print(json.dumps(figures, ensure_ascii=False))
    else:
        print(f"{figures['workers']} processes × {figures['saves_each']} saves")
        print(f"successful saves   {figures['saves']}")
        print(f"conflicts reported {figures['conflicts']}")
        print(f"revision rise      {figures['revision_rise']}")
        print(f"wrong rises        {figures['bad_rises']}")
        print(f"other errors       {len(figures['errors'])}")
        for e in figures["errors"][:5]:
            print(f"  {e}")
        print(f"time               {figures['seconds']} s")
    lost = figures["saves"] - figures["revision_rise"]
    return 1 if lost or figures["bad_rises"] or figures["errors"] else 0


if __name__ == "__main__":
    sys.exit(main())
