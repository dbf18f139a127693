"""The kill -9 loop: a child process saves one consultation over and over, telling the parent
(through a pipe) each revision whose save returned, i.e. was committed; the parent kills it with
SIGKILL at a random moment, then checks that every save the child reported is in the database
(the record's revision and its audit history) and that the database is intact. Repeated N times.

    .venv/bin/python benchmarks/kill_loop.py --kills 120

Prints kills, acknowledged saves and losses; exits 1 on any loss. (SIGKILL ends the process,
not the machine: the operating system still writes out what it was given. A power cut is what
synchronous=FULL is for; see tests/storage/test_transactions.py.)
"""

from __future__ import annotations

import argparse
import os
import random
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

from liaison_desk.domain.entities import LiaisonGroup
from liaison_desk.domain.enums import ConsultationKind
from liaison_desk.services import ServiceContext, Services
from liaison_desk.storage.attachments import AttachmentStore
from liaison_desk.storage.database import Database


def _services(db_file: Path) -> Services:
    db = Database.open(f"sqlite:///{db_file}")
    return Services(ServiceContext(db, AttachmentStore.beside_database(db_file)))


def prepare(db_file: Path) -> int:
    services = _services(db_file)
    try:
        group = services.groups.save(
            LiaisonGroup(name="织里镇联络组", town="织里镇", fonds_code="J012", org_code="ZL")
        )
        c = services.consultations.new(ConsultationKind.HALL, group.id)
        c.title, c.held_on, c.venue = "老旧小区加装电梯", date(2024, 3, 5), "织里镇民生议事堂"
        return services.consultations.save(c).id or 0
    finally:
        services.ctx.db.close()


def child(db_file: Path, record_id: int) -> None:
    """Save forever; after each save has returned, write its revision to stdout."""
    services = _services(db_file)
    n = 0
    while True:
        c = services.consultations.get(record_id)
        assert c is not None
        n += 1
        c.minutes = f"第 {n} 次保存 " + "会议记录。" * random.randrange(1, 200)
        saved = services.consultations.save(c)
        sys.stdout.write(f"{saved.revision}\n")
        sys.stdout.flush()


def stored(db_file: Path, record_id: int) -> tuple[int, set[int], str]:
    """(the record's revision, the revisions its audit history holds, integrity_check)."""
    services = _services(db_file)
    try:
        c = services.consultations.get(record_id)
        assert c is not None
        revisions = {e.revision for e in services.consultations.revisions(record_id)}
    finally:
        services.ctx.db.close()
    conn = sqlite3.connect(db_file)
    try:
        check = str(conn.execute("PRAGMA integrity_check").fetchone()[0])
    finally:
        conn.close()
    return c.revision, revisions, check


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--kills", type=int, default=120)
    parser.add_argument("--max-wait", type=float, default=1.5, help="seconds before a kill")
    parser.add_argument("--seed", type=int, default=12)
    parser.add_argument("--child", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--record", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.child, args.record)
        return 0
    rng = random.Random(args.seed)
    folder = Path(tempfile.mkdtemp(prefix="kill-loop-"))
    db_file = folder / "履职档案.sqlite"
    record_id = prepare(db_file)
    acknowledged = 0
    losses = 0
    broken = 0
    began = time.perf_counter()
    for kill in range(1, args.kills + 1):
        proc = subprocess.Popen(
            [sys.executable, __file__, "--child", str(db_file), "--record", str(record_id)],
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            text=True,
        )
        # Opening takes a moment: kill somewhere after the first saves began.
        time.sleep(0.8 + rng.uniform(0, args.max_wait))
        os.kill(proc.pid, signal.SIGKILL)
        out, _ = proc.communicate()
        acked = [int(line) for line in out.split("\n") if line.strip().isdigit()]
        acknowledged += len(acked)
        revision, history, check = stored(db_file, record_id)
        missing = [r for r in acked if r > revision or r not in history]
        if missing:
            losses += len(missing)
            print(f"kill {kill}: {len(missing)} acknowledged saves missing: {missing[:5]}")
        if check != "ok":
            broken += 1
            print(f"kill {kill}: integrity_check says {check}")
    seconds = time.perf_counter() - began
    print(f"kills              {args.kills}")
    print(f"acknowledged saves {acknowledged}")
    print(f"losses             {losses}")
    print(f"damaged checks     {broken}")
    print(f"time               {seconds:.0f} s  (database: {db_file})")
    return 1 if losses or broken else 0


if __name__ == "__main__":
    sys.exit(main())
