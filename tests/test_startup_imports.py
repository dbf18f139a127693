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
