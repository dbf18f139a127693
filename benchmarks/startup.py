"""Start-up of the main window vs a bare PySide6 window, in the same run.

    .venv/bin/python benchmarks/startup.py --db demo.sqlite [--runs 7]

Each run is a fresh process: ``liaison-desk screenshot --page 工作台`` (start, open the
database, build the window, load and paint the dashboard, grab it) against a bare PySide6
window that opens and grabs itself. Prints the median wall and CPU time of each and the ratio
(the target is at most 4×). Asserts nothing.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BARE = """
import sys
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow
app = QApplication(sys.argv)
window = QMainWindow()
window.setCentralWidget(QLabel("bare"))
window.resize(1280, 800)
window.show()
app.processEvents()
window.grab().toImage().save(sys.argv[1])
"""


def run(argv: list[str], env: dict[str, str]) -> tuple[float, float]:
    """(wall seconds, CPU seconds of the child)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(argv, env=env, check=True, capture_output=True)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu


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
    app = [sys.executable, "-m", "liaison_desk", "screenshot", "--page", "工作台"]
    app += ["--db", str(args.db), "--out", str(folder / "app.png")]
    bare = [sys.executable, "-c", BARE, str(folder / "bare.png")]
    results: dict[str, list[tuple[float, float]]] = {"app": [], "bare": []}
    run(app, env)  # warm the file cache (and .pyc files) once for both
    run(bare, env)
    for _ in range(args.runs):  # interleaved, so both see the same machine load
        results["bare"].append(run(bare, env))
        results["app"].append(run(app, env))
    wall = {k: statistics.median(w for w, _ in v) for k, v in results.items()}
    cpu = {k: statistics.median(c for _, c in v) for k, v in results.items()}
    print(f"median of {args.runs} runs        wall        CPU")
    print(f"bare PySide6 window      {wall['bare']:7.2f} s  {cpu['bare']:7.2f} s")
    print(f"liaison-desk 工作台       {wall['app']:7.2f} s  {cpu['app']:7.2f} s")
    print(
        f"ratio                    {wall['app'] / wall['bare']:7.1f}×   "
        f"{cpu['app'] / cpu['bare']:7.1f}×   (target ≤ 4×)"
    )


if __name__ == "__main__":
    main()
