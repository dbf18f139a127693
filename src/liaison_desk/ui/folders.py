"""Where the app offers to save a file or look for one: the folder the user chose last in any
file dialog of this session, else their Documents folder when it exists, else their home folder.
Never a folder that is not there: a fresh Linux user (统信UOS, 银河麒麟) may have no ~/Documents,
and a dialog that proposes it and then refuses it is a dead end."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QStandardPaths

_last: Path | None = None


def offered_folder() -> Path:
    """The folder a file dialog starts in (see the module docstring)."""
    if _last is not None and _last.is_dir():
        return _last
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    if documents and Path(documents).is_dir():
        return Path(documents)
    return Path.home()


def remember_folder(folder: Path) -> None:
    """The user chose ``folder`` (or a file in it): the next dialog starts there."""
    global _last
    _last = folder
