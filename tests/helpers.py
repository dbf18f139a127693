"""Helpers the tests share: a small JPEG made on the spot, and typing into a widget as a user
does (Latin text key by key, Chinese as the input method's committed string). Imported as
``from helpers import …`` (the tests folder is on the path, like ``mounts``)."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

from PIL import Image
from PySide6.QtCore import QStringListModel, Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot


def jpeg(
    colour: tuple[int, int, int] = (200, 40, 40),
    size: tuple[int, int] = (64, 48),
    *,
    orientation: int | None = None,
    taken: str | None = None,
) -> bytes:
    """A one-colour JPEG; ``orientation`` and ``taken`` (``YYYY:MM:DD HH:MM:SS``) go into
    its EXIF. Different colours give different files (different hashes)."""
    exif = Image.Exif()
    if orientation is not None:
        exif[0x0112] = orientation
    if taken is not None:
        exif.get_ifd(0x8769)[36867] = taken
    buf = io.BytesIO()
    Image.new("RGB", size, colour).save(buf, "JPEG", quality=90, exif=exif)
    return buf.getvalue()


def commit_text(widget: Any, text: str) -> None:
    """Chinese arrives as the input method's committed string."""
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


def type_into(qtbot: QtBot, widget: Any, text: str) -> None:
    """Replace the text of ``widget`` as a user would: select all, delete, then type."""
    # The completion popup (earlier venues, names) cannot be shown by the offscreen platform
    # without warnings: it is detached while typing.
    completer = widget.completer() if hasattr(widget, "completer") else None
    offered = completer.model() if completer is not None else None
    words = offered.stringList() if isinstance(offered, QStringListModel) else []
    if isinstance(offered, QStringListModel):
        offered.setStringList([])
    widget.setFocus()
    if hasattr(widget, "selectAll"):
        widget.selectAll()
        qtbot.keyClick(widget, Qt.Key.Key_Delete)
    if text.isascii():
        qtbot.keyClicks(widget, text)
    else:
        commit_text(widget, text)
    if isinstance(offered, QStringListModel):
        offered.setStringList(words)


def libreoffice_pdf(source: Path, out_dir: Path) -> Path:
    """Convert a .docx/.xlsx to PDF the way a recipient's LibreOffice sees it (headless).

    Skips the test when LibreOffice is not installed (scripts/test.sh installs it). A private
    profile folder keeps parallel conversions from fighting over one user profile.
    """
    import shutil
    import subprocess

    import pytest

    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        pytest.skip("LibreOffice 未安装（scripts/test.sh 会安装）")
    profile = out_dir / "lo-profile"
    subprocess.run(
        [
            soffice,
            f"-env:UserInstallation=file://{profile}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(out_dir),
            str(source),
        ],
        check=True,
        capture_output=True,
        timeout=300,
    )
    pdf = out_dir / (source.stem + ".pdf")
    assert pdf.exists(), f"LibreOffice wrote no PDF for {source.name}"
    return pdf


def table_dump(db_file: Path) -> dict[str, list[tuple[object, ...]]]:
    """Every table's rows in id order, by table name: to show a command wrote nothing. The FTS5
    index's own tables are left out (they can't be read row by row); ``search_docs``, the text
    it indexes, is compared like any table."""
    import sqlite3

    from liaison_desk.storage.search_index import is_engine_structure

    conn = sqlite3.connect(db_file)
    try:
        names = [
            r[0]
            for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table' ORDER BY name")
            if not is_engine_structure(r[0])
        ]
        return {n: conn.execute(f'SELECT * FROM "{n}" ORDER BY 1').fetchall() for n in names}
    finally:
        conn.close()
