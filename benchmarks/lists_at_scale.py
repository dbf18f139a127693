"""The main window's lists on a large database: how long a list takes to open, how smoothly it
scrolls, and the window's peak memory.

    .venv/bin/liaison-desk demo --db /tmp/scale400/demo400.sqlite --scale 400   # once, ~100k
    .venv/bin/python benchmarks/lists_at_scale.py --db /tmp/scale400/demo400.sqlite

For each list page (民生议事堂, 微协商, 意见建议, 人员): the time from switching to the page to its
rows on screen, and the longest freeze of the GUI thread meanwhile (a 5 ms heartbeat timer);
then scrolling it from top to bottom a screenful at a time (each step repainted), the slowest
step; then the same list sorted by a header click on text and label columns (``--sorts``):
the time to the sorted rows and the longest freeze. The process's peak resident memory
(``resource``) after the lists, and again after the sorts. Targets: a list of 100k records
opens in ≤ 200 ms, peak RSS ≤ 300 MB. Asserts nothing.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import time
from pathlib import Path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--db", type=Path, required=True)
    parser.add_argument("--pages", default="hall,micro,outcomes,people")
    parser.add_argument("--scroll-steps", type=int, default=200)
    parser.add_argument(
        "--sorts",
        default="hall:venue,micro:title,outcomes:content,outcomes:status,people:category,"
        "people:unit",
        help="page:column pairs sorted by a header click, over every year (empty: none)",
    )
    args = parser.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

    from PySide6.QtCore import QElapsedTimer, Qt, QTimer
    from PySide6.QtWidgets import QApplication, QComboBox

    from liaison_desk.app import create_application, open_services
    from liaison_desk.domain.queries import PageRequest
    from liaison_desk.heap import freeze_start_up_objects
    from liaison_desk.ui.main_window import MainWindow
    from liaison_desk.ui.pages.base import RecordListPage
    from liaison_desk.ui.tasks import wait_for_tasks

    app = create_application(None, "zh_CN")
    assert isinstance(app, QApplication)
    db, services = open_services(f"sqlite:///{args.db}")
    freeze_start_up_objects()  # as the app does once its database is open
    total = services.consultations.search(page=PageRequest(limit=0)).total
    print(f"{args.db.name}: {total} consultations")

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

    window = MainWindow(services, str(args.db), None, offer_drafts_on_show=False)
    window.resize(1400, 900)
    window.show()
    wait_for_tasks()
    app.processEvents()
    shown = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak RSS with the 工作台 shown: {shown:.0f} MB")
    heartbeat.start()
    # "shown ms": to the rows on screen; "open ms": until the page is idle (the status bar's
    # sums over the list come after its rows).
    print(
        f"{'page':<20}{'rows':>9}{'shown ms':>10}{'open ms':>10}{'freeze ms':>11}"
        f"{'scroll max ms':>15}{'median':>8}"
    )

    def settle(page: RecordListPage) -> float:  # type: ignore[type-arg]
        """Until the page is idle; the moment its rows were on screen (perf_counter)."""
        shown = 0.0
        while page.is_busy():
            app.processEvents()
            if not shown and not page._loading and page.model.rowCount():
                page.table.viewport().repaint()
                shown = time.perf_counter()
            time.sleep(0.001)
        app.processEvents()
        page.table.viewport().repaint()
        return shown or time.perf_counter()

    def report(label: str, page: RecordListPage, start: float) -> None:  # type: ignore[type-arg]
        shown = (settle(page) - start) * 1000
        opened = (time.perf_counter() - start) * 1000
        beat()
        freeze = max(gaps) if gaps else 0.0
        bar = page.table.verticalScrollBar()
        steps: list[float] = []
        value = bar.minimum()
        stride = max(bar.pageStep(), (bar.maximum() - bar.minimum()) // max(args.scroll_steps, 1))
        while value < bar.maximum():
            value = min(bar.maximum(), value + stride)
            t = time.perf_counter()
            bar.setValue(value)
            page.table.viewport().repaint()
            app.processEvents()
            steps.append((time.perf_counter() - t) * 1000)
        rows = page.model.rowCount()
        worst = max(steps) if steps else 0.0
        median = statistics.median(steps) if steps else 0.0
        print(
            f"{label:<20}{rows:>9}{shown:>10.0f}{opened:>10.0f}{freeze:>11.0f}"
            f"{worst:>15.1f}{median:>8.1f}"
        )

    for page_id in args.pages.split(","):
        gaps.clear()
        last[0] = clock.elapsed()
        start = time.perf_counter()
        window.show_page(page_id)
        page = window.pages[page_id]
        assert isinstance(page, RecordListPage)
        report(page_id, page, start)
        # The consultation and outcome lists open on one year; the same list over every year:
        combo = getattr(page, "year_combo", None) or getattr(page, "year", None)
        if isinstance(combo, QComboBox) and combo.findData(None) >= 0:
            gaps.clear()
            last[0] = clock.elapsed()
            start = time.perf_counter()
            combo.setCurrentIndex(combo.findData(None))
            report(f"{page_id} (all years)", page, start)
    listed = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux
    print(f"peak RSS of the window: {listed:.0f} MB (target ≤ 300 MB)")
    sorts = [pair.split(":") for pair in args.sorts.split(",") if pair]
    if sorts:
        print(
            f"{'sorted by a header click':<32}{'rows':>9}{'shown ms':>10}{'sort ms':>10}"
            f"{'freeze ms':>11}"
        )
    for page_id, key in sorts:
        window.show_page(page_id)
        page = window.pages[page_id]
        assert isinstance(page, RecordListPage)
        settle(page)
        column = page.model.column_index(key)
        for order in (Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder):
            gaps.clear()
            last[0] = clock.elapsed()
            start = time.perf_counter()
            page.table.sortByColumn(column, order)
            shown = (settle(page) - start) * 1000
            took = (time.perf_counter() - start) * 1000
            beat()
            label = f"{page_id} {key} {'↑' if order == Qt.SortOrder.AscendingOrder else '↓'}"
            print(
                f"{label:<32}{page.model.total_rows():>9}{shown:>10.0f}{took:>10.0f}"
                f"{max(gaps):>11.0f}"
            )
        # Back to the list's own order for the next measurement.
        page.sort_default()
        settle(page)
    heartbeat.stop()
    wait_for_tasks()
    if sorts:
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(f"peak RSS after the sorts (360k people's ids in order): {peak:.0f} MB")
    print("targets: a list of 100k records opens in ≤ 200 ms")
    window.close()
    db.close()


if __name__ == "__main__":
    main()
