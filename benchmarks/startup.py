"""Start-up of the main window vs a bare PySide6 window, in the same run.

    .venv/bin/python benchmarks/startup.py --db demo.sqlite [--runs 7]

Each run is a fresh process. The app runs ``liaison-desk screenshot --page 工作台`` (start, build
the window, paint it, open the database, load and paint the dashboard's figures, grab it); the
bare window is a PySide6 QMainWindow that opens, paints and grabs itself. An event filter in each
child notes the wall-clock moment of its first paint (the app: the first paint of 工作台, and the
first paint with its figures); the parent notes the moment it started the child. Prints the
medians of: launch → first paint, launch → 工作台 with its figures, the whole process (wall and
CPU), and their ratios to the bare window (the target: first paint ≤ 4× the bare window's).
Asserts nothing.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

# Both children note when they are first painted the same way: an application-wide event filter
# that sees the paint events of the window's widgets.
WATCH = """
import json, sys, time
from PySide6.QtCore import QCoreApplication, QEvent, QObject
from PySide6.QtWidgets import QWidget

class Watch(QObject):
    def __init__(self, out, page=None):
        super().__init__()
        self.out, self.page, self.seen = out, page, {}

    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint and "figures" not in self.seen:
            widget = watched if isinstance(watched, QWidget) else None
            while widget is not None and self.page is not None:
                if type(widget).__name__ == self.page:
                    break
                widget = widget.parentWidget()
            if widget is not None:
                self.seen.setdefault("first_paint", time.time())
                cards = getattr(widget, "cards", None)
                if self.page is None or cards["hall"].number.text() != "–":
                    self.seen["figures"] = time.time()
                    with open(self.out, "w") as f:
                        json.dump(self.seen, f)
                    # A Python filter on every event costs; the rest of the run goes without.
                    QCoreApplication.instance().removeEventFilter(self)
        return False
"""

BARE = (
    WATCH
    + """
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow
app = QApplication(sys.argv[:1])
watch = Watch(sys.argv[2])
app.installEventFilter(watch)
window = QMainWindow()
window.setCentralWidget(QLabel("bare"))
window.resize(1280, 800)
window.show()
app.processEvents()
window.grab().toImage().save(sys.argv[1])
"""
)

APP = (
    WATCH
    + """
import liaison_desk.app as app
from liaison_desk.cli import main

watch = Watch(sys.argv[2], "DashboardPage")
create = app.create_application

def create_watched(*args, **kwargs):
    application = create(*args, **kwargs)
    application.installEventFilter(watch)
    return application

app.create_application = create_watched
sys.exit(main(["screenshot", "--page", "工作台", "--db", sys.argv[3], "--out", sys.argv[1]]))
"""
)


def run(argv: list[str], env: dict[str, str], times: Path) -> dict[str, float]:
    """Seconds from launch to the child's first paint, to its figures painted, to its end (wall)
    and the child's CPU seconds."""
    times.unlink(missing_ok=True)
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    launched = time.time()
    start = time.perf_counter()
    subprocess.run(argv, env=env, check=True, capture_output=True)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    seen = json.loads(times.read_text())
    return {
        "first_paint": seen["first_paint"] - launched,
        "figures": seen["figures"] - launched,
        "wall": wall,
        "cpu": (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--db", type=Path, required=True)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--src", type=Path, help="the src folder of another checkout, to compare")
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="startup-"))
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", LIAISON_DESK_DATA_DIR=str(folder))
    # An installed app runs from compiled .pyc files; without them every start compiles the
    # sources again (the warm-up run below writes them).
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    if args.src:
        env["PYTHONPATH"] = str(args.src.resolve())
    times = folder / "times.json"
    app = [sys.executable, "-c", APP, str(folder / "app.png"), str(times), str(args.db)]
    bare = [sys.executable, "-c", BARE, str(folder / "bare.png"), str(times)]
    results: dict[str, list[dict[str, float]]] = {"app": [], "bare": []}
    run(app, env, times)  # warm the file cache (and .pyc files) once for both
    run(bare, env, times)
    for _ in range(args.runs):  # interleaved, so both see the same machine load
        results["bare"].append(run(bare, env, times))
        results["app"].append(run(app, env, times))
    median = {
        who: {key: statistics.median(r[key] for r in runs) for key in runs[0]}
        for who, runs in results.items()
    }
    bare_paint = median["bare"]["first_paint"]
    print(f"median of {args.runs} runs                      app     bare   ratio")
    rows = [
        ("launch → first paint of 工作台", median["app"]["first_paint"], bare_paint),
        ("launch → 工作台 with its figures", median["app"]["figures"], bare_paint),
        ("whole process, wall", median["app"]["wall"], median["bare"]["wall"]),
        ("whole process, CPU", median["app"]["cpu"], median["bare"]["cpu"]),
    ]
    for label, app_s, bare_s in rows:
        print(f"{label:<32} {app_s:6.2f} s {bare_s:6.2f} s {app_s / bare_s:6.1f}×")
    print("target: first paint ≤ 4× the bare window's first paint")


if __name__ == "__main__":
    main()
