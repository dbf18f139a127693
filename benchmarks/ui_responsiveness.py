"""How long the main window's GUI thread is ever blocked while a user switches pages and types
in the search box, on a large database.

    .venv/bin/liaison-desk demo --db /tmp/scale20.sqlite --scale 20   # once, about 2 minutes
    QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/ui_responsiveness.py --db /tmp/scale20.sqlite

A 5 ms heartbeat timer runs on the GUI thread; the longest gap between two beats is the longest
freeze a user would feel. The target (issue 3) is under 250 ms. Prints the figures per action.
``--pages members comparison`` measures those pages' first visit only; ``--global-search`` also
types in the Ctrl+K popup.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--db", type=Path, required=True, help="a demo database, e.g. built with --scale 20"
    )
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument(
        "--pages",
        nargs="+",
        metavar="PAGE",
        help="only these pages (e.g. people); the search boxes typed in are among them",
    )
    parser.add_argument(
        "--global-search",
        action="store_true",
        help="also type in the Ctrl+K search popup (after the pages)",
    )
    args = parser.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

    from PySide6.QtCore import QElapsedTimer, QTimer
    from PySide6.QtWidgets import QApplication

    from liaison_desk.app import create_application, open_services
    from liaison_desk.heap import freeze_start_up_objects
    from liaison_desk.ui.main_window import MainWindow
    from liaison_desk.ui.pages.base import RecordListPage
    from liaison_desk.ui.tasks import wait_for_tasks

    app = create_application(None, "zh_CN")
    assert isinstance(app, QApplication)
    db, services = open_services(f"sqlite:///{args.db}")
    freeze_start_up_objects()  # as the app does once its database is open

    gaps: list[float] = []
    clock = QElapsedTimer()
    clock.start()
    last = [clock.elapsed()]

    def beat() -> None:
        now = clock.elapsed()
        gaps.append(now - last[0])
        last[0] = now

    heartbeat = QTimer()
    heartbeat.setInterval(5)
    heartbeat.timeout.connect(beat)

    def measure(label: str, action) -> None:  # type: ignore[no-untyped-def]
        gaps.clear()
        last[0] = clock.elapsed()
        started = time.perf_counter()
        action()
        page = window.current_page()
        while True:  # until the debounced search has run and its answer is shown
            wait_for_tasks()
            app.processEvents()
            if not page.is_busy():
                break
        end = time.perf_counter() + 0.05
        while time.perf_counter() < end:
            app.processEvents()
        beat()
        total = (time.perf_counter() - started) * 1000
        print(f"{label:<28} longest freeze {max(gaps):6.0f} ms   (done in {total:6.0f} ms)")
        results.append(max(gaps))
        labels.append(label)

    def measure_global_search() -> None:
        """Ctrl+K, then typing as a quick typist does; until the last answer is shown."""
        gaps.clear()
        last[0] = clock.elapsed()
        started = time.perf_counter()
        window.search_everything()
        popup = window._global_search
        assert popup is not None
        shown: list[float] = []
        popup.results_shown.connect(lambda: shown.append(time.perf_counter()))
        popup.box.clear()
        typed = time.perf_counter()
        for ch in "社区停车":
            popup.box.insert(ch)
            typed = time.perf_counter()
            t = typed + 0.08
            while time.perf_counter() < t:
                app.processEvents()
        while not shown or shown[-1] < typed:
            wait_for_tasks()
            app.processEvents()
        beat()
        total = (time.perf_counter() - started) * 1000
        label = "type in Ctrl+K search"
        print(
            f"{label:<28} longest freeze {max(gaps):6.0f} ms   (done in {total:6.0f} ms; "
            f"answer {1000 * (shown[-1] - typed):.0f} ms after the last key, debounce included)"
        )
        results.append(max(gaps))
        labels.append(label)
        popup.close()

    results: list[float] = []
    labels: list[str] = []
    started = time.perf_counter()
    window = MainWindow(services, str(args.db), None)
    window.resize(1400, 900)
    window.show()
    print(f"window built in {(time.perf_counter() - started) * 1000:.0f} ms (before the heartbeat)")
    heartbeat.start()
    for _ in range(args.rounds):
        for page_id in args.pages or window.pages:
            measure(f"show {page_id}", lambda p=page_id: window.show_page(p))
            page = window.pages[page_id]
            if isinstance(page, RecordListPage):
                page.mark_stale()

        for page_id in ("hall", "micro", "outcomes", "people"):
            if args.pages and page_id not in args.pages:
                continue
            page = window.pages[page_id]
            assert isinstance(page, RecordListPage)
            window.show_page(page_id)
            wait_for_tasks()

            def type_text(page: RecordListPage = page) -> None:  # type: ignore[type-arg]
                page.search.clear()
                for ch in "社区停车":
                    page.search.insert(ch)
                    t = time.perf_counter() + 0.08  # a quick typist
                    while time.perf_counter() < t:
                        app.processEvents()

            measure(f"type in {page_id} search", type_text)
            measure(f"clear {page_id} search", page.search.clear)
            measure(
                f"sort {page_id} by column 1",
                lambda p=page: p.table.sortByColumn(
                    1, p.table.horizontalHeader().sortIndicatorOrder()
                ),
            )
        if args.global_search:
            measure_global_search()
    heartbeat.stop()
    print(
        f"\nlongest freeze overall: {max(results):.0f} ms; median of actions {statistics.median(results):.0f} ms"
    )
    print("target: under 250 ms for any action (issue 3); under 100 ms while typing (issue 16)")
    typing = [r for r, label in zip(results, labels, strict=True) if label.startswith("type in")]
    if typing:
        print(f"longest freeze while typing in a search box: {max(typing):.0f} ms")
    window.close()
    db.close()
    return 0 if max(results) < 250 else 1


if __name__ == "__main__":
    sys.exit(main())
