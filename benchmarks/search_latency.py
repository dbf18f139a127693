"""Search latency: the index vs the substring scan, first page of results, on given databases.

    .venv/bin/liaison-desk demo --db /tmp/s20.sqlite --scale 20        # once per scale
    .venv/bin/python benchmarks/search_latency.py /tmp/s1.sqlite /tmp/s20.sqlite /tmp/s400.sqlite

For each database and each needle: the first page (50) of consultations whose text contains the
needle, through the index and (inside ``search_index.scanning()``) through the substring scan
the index must agree with; the median of several runs of each, and the ratio. Then the same for
the global search box (``services.search.everywhere``, 8 of each kind). Targets at ~100k
consultations: the indexed first page ≤ 30 ms and ≥ 10× faster than the scan. Asserts nothing.
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from liaison_desk.domain.queries import ConsultationFilter, PageRequest
from liaison_desk.services import ServiceContext, Services
from liaison_desk.storage import search_index
from liaison_desk.storage.attachments import AttachmentStore
from liaison_desk.storage.database import Database

NEEDLES = ("电梯", "停车", "张", "协商驿站", "织里-2024-议-012", "Wi-Fi", "不存在的词语")


def median_ms(fn: Callable[[], Any], runs: int) -> tuple[float, Any]:
    result = fn()  # once to warm the caches (SQLite pages, compiled statements)
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        result = fn()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times), result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("databases", type=Path, nargs="+")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--scan-runs", type=int, default=3)
    args = parser.parse_args()
    for path in args.databases:
        measure(path, args.runs, args.scan_runs)


def measure(path: Path, runs: int, scan_runs: int) -> None:
    page = PageRequest(limit=50)
    db = Database.open(f"sqlite:///{path}", create=False)
    services = Services(ServiceContext(db, AttachmentStore.beside_database(path)))
    c = services.consultations
    total = c.search(page=PageRequest(limit=0)).total
    print(f"\n{path.name}: {total} consultations")
    print(f"{'needle':<22}{'hits':>7}{'index ms':>10}{'scan ms':>10}{'ratio':>8}")
    worst = 0.0
    for needle in NEEDLES:
        f = ConsultationFilter(text=needle)
        indexed, hits = median_ms(lambda f=f: c.search(f, page), runs)
        with search_index.scanning():
            scanned, scan_hits = median_ms(lambda f=f: c.search(f, page), scan_runs)
        same = "" if [r.id for r in hits.items] == [r.id for r in scan_hits.items] else " ≠!"
        worst = max(worst, indexed)
        print(
            f"{needle:<22}{hits.total:>7}{indexed:>10.1f}{scanned:>10.1f}"
            f"{scanned / indexed:>7.0f}×{same}"
        )
    for needle in ("电梯", "张", "协商驿站"):
        everywhere, _ = median_ms(lambda n=needle: services.search.everywhere(n), runs)
        with search_index.scanning():
            scan, _ = median_ms(lambda n=needle: services.search.everywhere(n), scan_runs)
        print(
            f"global search {needle!r:<8}{'':>7}{everywhere:>10.1f}{scan:>10.1f}"
            f"{scan / everywhere:>7.0f}×"
        )
    print(f"slowest indexed first page: {worst:.1f} ms (target ≤ 30 ms at ~100k)")
    db.close()


if __name__ == "__main__":
    main()
