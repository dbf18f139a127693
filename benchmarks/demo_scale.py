"""Builds the demo database at a given scale and times what the lists will ask of it.

    .venv/bin/python benchmarks/demo_scale.py --scale 20

Prints figures; it asserts nothing (timings depend on the machine). The main window's target is
that a page switch or a keystroke in the search box answers within a quarter of a second.
"""

from __future__ import annotations

import argparse
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from liaison_desk.demo import build_demo
from liaison_desk.domain.enums import ConsultationKind, OutcomeStatus
from liaison_desk.domain.queries import ConsultationFilter, OutcomeFilter, PageRequest
from liaison_desk.services import ServiceContext, Services
from liaison_desk.storage.attachments import AttachmentStore
from liaison_desk.storage.database import Database


def timed(label: str, fn: Callable[[], Any], repeat: int = 5) -> Any:
    best = float("inf")
    result = None
    for _ in range(repeat):
        start = time.perf_counter()
        result = fn()
        best = min(best, time.perf_counter() - start)
    print(f"{label:<46} {best * 1000:8.1f} ms")
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--scale", type=int, default=20)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "bench.sqlite"
        db = Database.open(f"sqlite:///{path}")
        services = Services(ServiceContext(db, AttachmentStore.beside_database(path)))
        start = time.perf_counter()
        summary = build_demo(services, scale=args.scale)
        built = time.perf_counter() - start
        size = path.stat().st_size / 1e6
        print(f"scale {args.scale}: built in {built:.1f} s, database {size:.1f} MB")
        print(
            f"  {summary.hall_sessions + summary.micro_consultations} consultations, "
            f"{summary.outcome_items} outcome items, {summary.people} people"
        )
        page = PageRequest(limit=200)
        c = services.consultations
        timed("first page of all consultations", lambda: c.search(page=page))
        timed(
            "hall sessions of 2024, sorted by attendance",
            lambda: c.search(
                ConsultationFilter(year=2024, kind=ConsultationKind.HALL),
                PageRequest(limit=200, order_by="attendance_total", descending=True),
            ),
        )
        for text in ("电梯", "张", "协商驿站", "不存在的词语"):
            timed(
                f"search text {text!r}", lambda t=text: c.search(ConsultationFilter(text=t), page)
            )
        timed(
            "open outcome items, first page",
            lambda: c.search_outcome_items(OutcomeFilter(open_only=True), page),
        )
        timed(
            "solved items of 2024",
            lambda: c.search_outcome_items(
                OutcomeFilter(year=2024, status=OutcomeStatus.SOLVED), page
            ),
        )
        first = c.search(page=PageRequest(limit=1)).items[0]
        timed("open one consultation in full", lambda: c.get(first.id))
        timed("statistics of 2024 (district)", lambda: services.statistics.year(2024))
        db.close()


if __name__ == "__main__":
    main()
