"""Start-up loads only what the first page needs: the libraries of documents and files
(spreadsheets, Word, BagIt, barcodes, images, XML) and Alembic (needed only to upgrade an
older database) are loaded on first use, and the pages not shown are not built."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

# Loaded on first use only (each costs tens to hundreds of milliseconds to import).
LAZY = ("alembic", "openpyxl", "docx", "bagit", "zxingcpp", "segno", "PIL", "defusedxml")

_PROBE = """
import json, sys
from liaison_desk.cli import main
code = main(["screenshot", "--page", "工作台", "--db", sys.argv[1], "--out", sys.argv[2]])
from PySide6.QtGui import QFontDatabase
print(json.dumps({"code": code, "modules": sorted(sys.modules), "fonts": QFontDatabase.families()}))
"""


def test_the_first_page_on_screen_loads_no_library_it_does_not_need(
    demo_master: Path, tmp_path: Path
) -> None:
    db = tmp_path / demo_master.name
    db.write_bytes(demo_master.read_bytes())  # the screenshot opens it for writing
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", LIAISON_DESK_DATA_DIR=str(tmp_path))
    done = subprocess.run(
        [sys.executable, "-c", _PROBE, str(db), str(tmp_path / "工作台.png")],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout.strip().splitlines()[-1])
    assert result["code"] == 0
    modules = set(result["modules"])
    loaded = sorted(m for m in modules if m.split(".")[0] in LAZY)
    assert loaded == []
    # Only the page shown (the dashboard) was built: the other pages' modules are not loaded.
    assert "liaison_desk.ui.pages.dashboard" in modules
    pages = {m for m in modules if m.startswith("liaison_desk.ui.pages.")}
    assert pages <= {"liaison_desk.ui.pages.base", "liaison_desk.ui.pages.dashboard"}, pages
    assert (tmp_path / "工作台.png").stat().st_size > 0
    # The bundled serif and Kai faces (two thirds of the 16 MB of fonts) wait for a document.
    assert not {"Noto Serif SC", "Liaison Kai"} & set(result["fonts"])
    # Neither the PostgreSQL dialect (with asyncpg's imports) on a SQLite database.
    assert not any(m.startswith("sqlalchemy.dialects.postgresql") for m in modules)


_CHARTS_PROBE = """
import json, sys
from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QScrollArea, QWidget
from liaison_desk.app import create_application, open_services
from liaison_desk.config import MachineSettings
from liaison_desk.ui.main_window import MainWindow
from liaison_desk.ui.tasks import wait_for_tasks

CHARTS = "liaison_desk.ui.charts"
seen = {}

class FirstPaint(QObject):
    # Whether the charts were loaded when the dashboard was first painted.
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint and "first" not in seen:
            widget = watched if isinstance(watched, QWidget) else None
            while widget is not None:
                if type(widget).__name__ == "DashboardPage":
                    seen["first"] = CHARTS in sys.modules
                    break
                widget = widget.parentWidget()
        return False

app = create_application(MachineSettings(), "zh_CN")
watch = FirstPaint()
app.installEventFilter(watch)
db, services = open_services("sqlite:///" + sys.argv[1])
window = MainWindow(services, sys.argv[1], None, offer_drafts_on_show=False)
window.resize(1366, 768)
window.show()
window.show_page("dashboard")

def settle():
    for _ in range(8):
        wait_for_tasks()
        app.processEvents()

settle()
shown = CHARTS in sys.modules  # the first screen drawn and loaded
page = window.current_page()
page.findChild(QScrollArea).ensureWidgetVisible(page.chart_slot)  # scrolled down
settle()
charts = page.chart_slot.charts
result = {
    "first_paint": seen.get("first"),
    "first_screen": shown,
    "scrolled": CHARTS in sys.modules,
    "hall": sum(b.value for b in charts.months.bars() if b.series == 0) if charts else None,
}
window.close()
wait_for_tasks()
db.close()
print(json.dumps(result))
"""


def test_the_charts_are_loaded_only_when_their_band_is_drawn(
    demo_master: Path, tmp_path: Path
) -> None:
    """工作台 is drawn without loading ui/charts.py: the charts' band lies below the first screen
    and loads them when it is first drawn (scrolled to) or reached with Tab."""
    db = tmp_path / demo_master.name
    db.write_bytes(demo_master.read_bytes())
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", LIAISON_DESK_DATA_DIR=str(tmp_path))
    done = subprocess.run(
        [sys.executable, "-c", _CHARTS_PROBE, str(db)],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout.strip().splitlines()[-1])
    assert result == {"first_paint": False, "first_screen": False, "scrolled": True, "hall": 85}


# What the start-up path has loaded when 工作台 is first painted, and when it is first painted
# with its figures: the real command (``liaison-desk screenshot``), watched by an event filter.
_FIRST_PAINT_PROBE = """
import json, sys
from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QWidget
import liaison_desk.app as app
from liaison_desk.cli import main

seen = {}

class FirstPaint(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint and "figures" not in seen:
            widget = watched if isinstance(watched, QWidget) else None
            while widget is not None:
                if type(widget).__name__ == "DashboardPage":
                    seen.setdefault("first", sorted(sys.modules))
                    if widget.cards["hall"].number.text() != "–":
                        seen["figures"] = sorted(sys.modules)
                    break
                widget = widget.parentWidget()
        return False

watch = FirstPaint()
create = app.create_application

def create_watched(*args, **kwargs):
    application = create(*args, **kwargs)
    application.installEventFilter(watch)
    return application

app.create_application = create_watched
code = main(["screenshot", "--page", "工作台", "--db", sys.argv[1], "--out", sys.argv[2]])
print(json.dumps({"code": code, **seen}))
"""

# Loaded by other commands only (their own modules and what only they use).
NOT_FOR_THE_WINDOW = (
    "liaison_desk.cli.backups",
    "liaison_desk.cli.demo",
    "liaison_desk.cli.ledger",
    "liaison_desk.cli.packages",
    "liaison_desk.cli.printing",
    "liaison_desk.cli.records",
    "liaison_desk.cli.reports",
    "liaison_desk.cli.server",
    "liaison_desk.storage.backup",
    "liaison_desk.storage.backup_files",
    "liaison_desk.storage.restore",
    "liaison_desk.files.archive",
)


def _first_paint(demo_master: Path, tmp_path: Path) -> dict[str, list[str]]:
    db = tmp_path / demo_master.name
    db.write_bytes(demo_master.read_bytes())
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", LIAISON_DESK_DATA_DIR=str(tmp_path))
    done = subprocess.run(
        [sys.executable, "-c", _FIRST_PAINT_PROBE, str(db), str(tmp_path / "工作台.png")],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout.strip().splitlines()[-1])
    assert result["code"] == 0
    assert "first" in result and "figures" in result  # painted, then painted with figures
    return result


def test_the_first_painted_dashboard_loads_nothing_only_other_commands_need(
    demo_master: Path, tmp_path: Path
) -> None:
    result = _first_paint(demo_master, tmp_path)
    for moment in ("first", "figures"):
        modules = set(result[moment])
        assert not [m for m in modules if m.split(".")[0] in LAZY], moment
        assert not modules & set(NOT_FOR_THE_WINDOW), moment


def test_the_dashboard_is_painted_before_sqlalchemy_is_loaded_and_its_figures_follow(
    demo_master: Path, tmp_path: Path
) -> None:
    """Issue 16: the window (工作台 laid out, its figures still blank) is painted before
    SQLAlchemy, the models and the services are imported and the database is opened; the figures
    are painted when it is open, read through the services like every other page's."""
    result = _first_paint(demo_master, tmp_path)
    first = set(result["first"])
    assert not {m for m in first if m.split(".")[0] == "sqlalchemy"}
    assert not first & {"liaison_desk.storage.models", "liaison_desk.services.base"}
    assert "liaison_desk.storage.models" in set(result["figures"])
