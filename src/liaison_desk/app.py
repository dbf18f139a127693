"""Composition root of the desktop app: QApplication, fonts, translations, crash hook, database,
services and the main window."""

from __future__ import annotations

import logging
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEventLoop, QSize, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from liaison_desk import __version__
from liaison_desk.config import MachineSettings, data_dir
from liaison_desk.heap import freeze_start_up_objects
from liaison_desk.instance_lock import InstanceLock, LockHolder
from liaison_desk.log import setup_logging
from liaison_desk.services import Services
from liaison_desk.storage.errors import StorageError
from liaison_desk.storage.location import sqlite_path

if TYPE_CHECKING:
    from liaison_desk.progress import Progress
    from liaison_desk.services import ServiceContext
    from liaison_desk.storage.database import Database
    from liaison_desk.ui.main_window import MainWindow

log = logging.getLogger(__name__)

APP_DISPLAY_NAME = "联络组履职档案台"


def create_application(
    machine: MachineSettings | None, language: str | None = None
) -> QApplication:
    """The QApplication with our name, icon, fonts and language (from the machine settings)."""
    from liaison_desk.fonts import apply_ui_font
    from liaison_desk.ui.i18n import install_language
    from liaison_desk.ui.icons import app_icon

    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName("LiaisonDesk")
    app.setApplicationDisplayName(APP_DISPLAY_NAME)
    app.setApplicationVersion(__version__)
    app.setOrganizationName("LiaisonDesk")
    app.setDesktopFileName("liaison-desk")
    app.setWindowIcon(app_icon())
    apply_ui_font(app)
    if language is None:
        language = str(machine.get("ui.language")) if machine is not None else "zh_CN"
    install_language(language)
    return app


def _open_context(url: str, progress: Progress | None = None) -> ServiceContext:
    # SQLAlchemy, the models and the services are loaded here (half a second at start-up).
    from liaison_desk.services import ServiceContext
    from liaison_desk.storage.database import Database
    from liaison_desk.storage.server_store import attachment_store

    db = Database.open(url, progress=progress)
    return ServiceContext(db, attachment_store(db, data_dir()))


def open_services(url: str) -> tuple[Database, Services]:
    """The database opened now, and its services."""
    ctx = _open_context(url)
    return ctx.db, Services(ctx)


def opening_services(url: str) -> Services:
    """Services whose database is opened by their first use: the main window is painted
    first and opens it off the GUI thread (``MainWindow.database_opened``)."""
    return Services.opening(lambda progress: _open_context(url, progress))


def already_open_message(db_file: Path, holder: LockHolder) -> str:
    """What the window says when another one has the database open."""
    who = (
        QCoreApplication.translate("InstanceLock", "on this computer (process {pid})").format(
            pid=holder.pid
        )
        if holder.on_this_computer
        else QCoreApplication.translate("InstanceLock", "on the computer “{host}”").format(
            host=holder.host
        )
    )
    return QCoreApplication.translate(
        "InstanceLock",
        "The database “{file}” is already open in Liaison Desk {who}.\n\n"
        "Switch to that window, or close it first. Two windows on one database "
        "could overwrite each other's work, so a second one is not opened.",
    ).format(file=db_file, who=who)


class DesktopSession:
    """The open database, its services and the main window; rebuilds the window when the user
    switches the language (nothing is lost: pages hold no unsaved input)."""

    def __init__(self, services: Services, where: str, machine: MachineSettings) -> None:
        self.services = services
        self.where = where
        self.machine = machine
        self.window = self._new_window()

    def _new_window(self) -> MainWindow:
        from liaison_desk.ui.main_window import MainWindow

        window = MainWindow(self.services, self.where, self.machine, automatic_backups=True)
        window.language_changed.connect(self.switch_language)
        return window

    def switch_language(self, language: str) -> None:
        from liaison_desk.ui.i18n import install_language

        old = self.window
        old.save_state()
        install_language(language)
        self.window = self._new_window()
        self.window.show()
        old.hide()
        old.deleteLater()
        log.info("UI language switched to %s", language)


def run_gui(url: str) -> int:
    from liaison_desk.ui.crash import install_exception_hook

    log_file = setup_logging()
    machine = MachineSettings()
    app = create_application(machine)
    install_exception_hook(log_file or data_dir() / "logs" / "liaison-desk.log")

    path = sqlite_path(url)
    lock = InstanceLock(path) if path is not None else None
    if lock is not None:
        holder = lock.acquire()
        if holder is not None:
            refusal = already_open_message(lock.db_file, holder)
            QMessageBox.warning(
                None, QCoreApplication.translate("App", "Database already open"), refusal
            )
            return 1
    opened: list[Database] = []  # the database first opened (a restore opens it again)

    def after_open() -> None:
        opened.append(services.ctx.db)
        freeze_start_up_objects()
        _purge_expired(services)
        _first_run(services)  # cancelled: it comes back next time; the app still opens

    try:
        if path is not None and path.exists():
            # Painted first: the window opens the database meanwhile, then the recycle bin
            # is purged and the first-run questions asked if they were never answered.
            services = opening_services(url)
        else:  # a new database file (its first-run questions come first) or a server
            try:
                services = open_services(url)[1]
            except StorageError as exc:
                _cannot_open(exc)
                return 1
            after_open()
        session = DesktopSession(services, str(path or url), machine)
        if not services.is_open:
            session.window.database_opened.connect(after_open)
            session.window.database_failed.connect(lambda exc: _failed_to_open(session, exc))
        session.window.show()
        log.info("main window opened on %s", path or url)
        try:
            return app.exec()
        finally:
            from liaison_desk.ui.tasks import wait_for_tasks

            wait_for_tasks()  # the database may still be opening, or a page loading
            if services.is_open:
                services.ctx.db.close()
            for db in opened:
                if db is not services.ctx.db:
                    db.close()
    finally:
        if lock is not None:
            lock.release()


def _cannot_open(exc: StorageError) -> None:
    title = QCoreApplication.translate("App", "Cannot open the database")
    QMessageBox.critical(None, title, str(exc))


def _failed_to_open(session: DesktopSession, exc: BaseException) -> None:
    """The window was painted, but its database could not be opened: say why and end."""
    session.window.hide()
    _cannot_open(exc)  # type: ignore[arg-type]  # a UserFacingError (MainWindow._open_failed)
    QApplication.exit(1)


def _purge_expired(services: Services) -> None:
    try:
        purged = services.recycle_bin.purge_expired()
        if purged:
            log.info("purged %d records that were in the recycle bin for 30 days", purged)
    except StorageError as exc:  # a read-only database still opens for reading
        log.warning("could not purge the recycle bin: %s", exc)


def _first_run(services: Services) -> bool:
    """On a new database, ask for the liaison group's profile. True when nothing is needed or
    the user filled it in."""
    try:
        needed = services.settings.needs_first_run()
    except StorageError as exc:
        log.warning("could not read the settings: %s", exc)
        return True
    if not needed:
        return True
    from liaison_desk.ui.group_form import FirstRunDialog

    dialog = FirstRunDialog(services)
    return bool(dialog.exec())


def take_screenshot(
    url: str,
    page: str | None,
    out: Path,
    size: QSize,
    language: str | None = None,
    *,
    record_number: str | None = None,
) -> None:
    """Render ``page`` of the main window offscreen into ``out`` (PNG), for the README and
    tests; with ``record_number``, that consultation's form on its page. Does not touch the
    saved window state. Raises ValueError for an unknown page or number."""
    from liaison_desk.ui.main_window import MainWindow
    from liaison_desk.ui.tasks import wait_for_tasks

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    machine = MachineSettings()
    app = create_application(machine, language)
    services = opening_services(url)  # as the app starts: painted, then the database opened
    failed: list[BaseException] = []
    try:
        window = MainWindow(
            services, str(sqlite_path(url) or url), None, offer_drafts_on_show=False
        )
        window.database_failed.connect(failed.append)
        record = None
        if record_number is not None:
            record = services.consultations.get_by_number(record_number.strip())
            if record is None or record.id is None:
                raise ValueError(f"找不到编号为「{record_number}」的民生议事堂或微协商活动。")
            page = record.kind.value  # the page id: "hall" or "micro"
        page_id = window.page_id_for(page or "")
        if page_id is None:
            names = "、".join(window.page_titles().values())
            raise ValueError(
                QCoreApplication.translate(
                    "App", "There is no page “{page}”. Pages: {names}"
                ).format(page=page, names=names)
            )
        window.resize(size)
        window.show()
        window.show_page(page_id)
        _settle(app, window)
        if failed:
            raise failed[0]
        if record is not None:
            shown = window.current_page()
            shown.open_record_form(record.id)  # type: ignore[attr-defined]
            _settle(app, window)
        image = window.grab().toImage()
        tmp = out.with_name(out.name + ".part.png")  # the suffix tells Qt the format
        if not image.save(str(tmp)):
            raise OSError(f"无法写入文件「{out}」")
        os.replace(tmp, out)
        window.close()
    finally:
        wait_for_tasks()  # the pages' loads finish before the database closes
        if services.is_open:
            services.ctx.db.close()


def _settle(app: QApplication, window: MainWindow) -> None:
    """Let the page load and lay itself out before the grab."""
    from liaison_desk.ui.tasks import wait_for_tasks

    for _ in range(5):
        wait_for_tasks()
        app.processEvents()
        if window.services.is_open and not window.current_page().is_busy():
            break
    form = getattr(window.current_page(), "form", None)
    for _ in range(5):  # a record's form loads off the GUI thread too
        if form is None or not form.is_loading():
            break
        wait_for_tasks()
        app.processEvents()
    # A last moment for timers the load started (layouts, deferred updates): waited for in an
    # event loop, not by spinning processEvents(), which burned the CPU the start-up measures.
    loop = QEventLoop()
    QTimer.singleShot(50, loop.quit)
    loop.exec()
