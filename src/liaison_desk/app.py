"""Composition root of the desktop app: QApplication, database, services, main window."""

from __future__ import annotations

import logging
import sys

from PySide6.QtWidgets import QApplication, QMessageBox

from liaison_desk import __version__
from liaison_desk.config import data_dir
from liaison_desk.services import ServiceContext, Services
from liaison_desk.storage.attachments import AttachmentStore
from liaison_desk.storage.database import Database, sqlite_path
from liaison_desk.storage.errors import StorageError

log = logging.getLogger(__name__)


def run_gui(url: str) -> int:
    app = QApplication.instance() or QApplication(sys.argv)
    assert isinstance(app, QApplication)
    app.setApplicationName("联络组履职档案台")
    app.setApplicationVersion(__version__)
    try:
        db = Database.open(url)
    except StorageError as exc:
        QMessageBox.critical(None, "无法打开数据库", str(exc))
        return 1
    path = sqlite_path(url)
    store = AttachmentStore.beside_database(path) if path else AttachmentStore(data_dir() / "附件")
    services = Services(ServiceContext(db, store))
    try:
        purged = services.recycle_bin.purge_expired()
        if purged:
            log.info("purged %d records that were in the recycle bin for 30 days", purged)
    except StorageError as exc:  # a read-only database still opens for reading
        log.warning("could not purge the recycle bin: %s", exc)

    from liaison_desk.ui.main_window import MainWindow

    window = MainWindow(services, str(path or url))
    window.show()
    log.info("main window opened on %s", path or url)
    try:
        return app.exec()
    finally:
        db.close()
