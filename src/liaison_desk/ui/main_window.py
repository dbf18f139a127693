"""The main window: navigation on the left, one page at a time on the right, the page's count
in the status bar. It remembers its size, position and last page."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator, Mapping
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QByteArray,
    QCoreApplication,
    QEvent,
    QItemSelectionModel,
    QObject,
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
    QWidget,
)

from liaison_desk import __version__
from liaison_desk.config import MachineSettings, SettingsFileError
from liaison_desk.domain.search import SearchHit, SearchKind
from liaison_desk.errors import UserFacingError
from liaison_desk.ui import messages
from liaison_desk.ui.i18n import translate_in
from liaison_desk.ui.icons import app_icon, icon
from liaison_desk.ui.pages.base import Page
from liaison_desk.ui.tasks import run_task

if TYPE_CHECKING:
    from liaison_desk.services import Services

log = logging.getLogger(__name__)

# How often the window looks whether the database was changed elsewhere (a cheap query).
CHANGE_POLL_MS = 2000

# Navigation order and titles (source text of the translations; shown translated).
PAGE_TITLES: dict[str, str] = {
    "dashboard": str(QT_TRANSLATE_NOOP("MainWindow", "Dashboard")),
    "hall": str(QT_TRANSLATE_NOOP("MainWindow", "Deliberation hall")),
    "micro": str(QT_TRANSLATE_NOOP("MainWindow", "Micro-consultations")),
    "outcomes": str(QT_TRANSLATE_NOOP("MainWindow", "Problem tracking")),
    "cases": str(QT_TRANSLATE_NOOP("MainWindow", "Consultation cases")),
    "people": str(QT_TRANSLATE_NOOP("MainWindow", "People")),
    "members": str(QT_TRANSLATE_NOOP("MainWindow", "Members' records")),
    "submissions": str(QT_TRANSLATE_NOOP("MainWindow", "Submissions")),
    "comparison": str(QT_TRANSLATE_NOOP("MainWindow", "Group comparison")),
    "recycle_bin": str(QT_TRANSLATE_NOOP("MainWindow", "Recycle bin")),
    "settings": str(QT_TRANSLATE_NOOP("MainWindow", "Settings")),
}


def _page_classes(machine: MachineSettings | None) -> list[tuple[str, Callable[[Services], Page]]]:
    """How each page is made; a page's module is imported when the page is first built."""

    def dashboard(s: Services) -> Page:
        from liaison_desk.ui.pages.dashboard import DashboardPage

        return DashboardPage(s)

    def comparison(s: Services) -> Page:
        from liaison_desk.ui.group_comparison import GroupComparisonPage

        return GroupComparisonPage(s)

    def consultations(kind: str) -> Callable[[Services], Page]:
        def make(s: Services) -> Page:
            from liaison_desk.domain.enums import ConsultationKind
            from liaison_desk.ui.pages.consultations import ConsultationsPage

            return ConsultationsPage(s, ConsultationKind(kind))

        return make

    def outcomes(s: Services) -> Page:
        from liaison_desk.ui.pages.outcomes import OutcomesPage

        return OutcomesPage(s)

    def cases(s: Services) -> Page:
        from liaison_desk.ui.pages.cases import CasesPage

        return CasesPage(s)

    def people(s: Services) -> Page:
        from liaison_desk.ui.pages.people import PeoplePage

        return PeoplePage(s)

    def members(s: Services) -> Page:
        from liaison_desk.ui.pages.members import MembersPage

        return MembersPage(s)

    def submissions(s: Services) -> Page:
        from liaison_desk.ui.pages.submissions import SubmissionsPage

        return SubmissionsPage(s)

    def recycle_bin(s: Services) -> Page:
        from liaison_desk.ui.pages.recycle_bin import RecycleBinPage

        return RecycleBinPage(s)

    def settings(s: Services) -> Page:
        from liaison_desk.ui.pages.settings import SettingsPage

        return SettingsPage(s, machine)

    return [
        ("dashboard", dashboard),
        ("hall", consultations("hall")),
        ("micro", consultations("micro")),
        ("outcomes", outcomes),
        ("cases", cases),
        ("people", people),
        ("members", members),
        ("submissions", submissions),
        ("comparison", comparison),
        ("recycle_bin", recycle_bin),
        ("settings", settings),
    ]


class _Pages(Mapping[str, Page]):
    """The window's pages by id, in navigation order; a page is built the first time it is
    looked up (``window.pages["hall"]``), so opening the window builds only the page shown.
    ``built()`` is the pages that exist: what a change marks stale or a close asks about."""

    def __init__(
        self,
        makers: list[tuple[str, Callable[[Services], Page]]],
        build: Callable[[str, Callable[[Services], Page]], Page],
    ) -> None:
        self._makers = dict(makers)
        self._build = build
        self._built: dict[str, Page] = {}

    def __getitem__(self, page_id: str) -> Page:
        page = self._built.get(page_id)
        if page is None:
            page = self._built[page_id] = self._build(page_id, self._makers[page_id])
        return page

    def __iter__(self) -> Iterator[str]:
        return iter(self._makers)

    def __len__(self) -> int:
        return len(self._makers)

    def __contains__(self, page_id: object) -> bool:
        return page_id in self._makers

    def built(self) -> list[Page]:
        return list(self._built.values())


class _Opening(Page):
    """Where the page the window last showed will be, while the database is being opened."""

    def __init__(self, services: Services) -> None:
        super().__init__(services)
        layout = QHBoxLayout(self)
        note = QLabel(self.tr("Opening the database…"))
        note.setObjectName("listNote")
        layout.addWidget(note, 0, Qt.AlignmentFlag.AlignCenter)

    def is_busy(self) -> bool:
        return True


# Room left around a window on its first start for the frame and title bar the system adds.
FRAME_ALLOWANCE = (16, 40)
# A window not painted by then (started minimised) opens its database all the same.
OPEN_UNPAINTED_MS = 300


class MainWindow(QMainWindow):
    language_changed = Signal(str)  # the app rebuilds the window in the new language
    # Services opening their database after the window is painted (``Services.opening``):
    # opened, or could not be opened (the error; the app says why and ends).
    database_opened = Signal()
    database_failed = Signal(object)

    def __init__(
        self,
        services: Services,
        where: str,
        machine: MachineSettings | None = None,
        *,
        offer_drafts_on_show: bool = True,
        automatic_backups: bool = False,
    ) -> None:
        super().__init__()
        self.services = services
        self._change_token: tuple[int, ...] | None = None
        self.where = where
        self.machine = machine
        # The database only: the system adds the app's name (applicationDisplayName, in the
        # UI language) to every window title; naming it here too would show it twice.
        self.setWindowTitle(where)
        self.setWindowIcon(app_icon())
        self.setMinimumSize(QSize(800, 560))

        self.nav = QListWidget()
        self.nav.setObjectName("navigation")
        self.nav.setIconSize(QSize(22, 22))
        self.nav.setSpacing(1)
        self.nav.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.stack = QStackedWidget()
        # Each page is built when first shown (or first asked for): start-up builds one.
        self.pages = _Pages(_page_classes(machine), self._build_page)
        titles = self.page_titles()
        for page_id in self.pages:
            item = QListWidgetItem(icon(page_id), titles[page_id])
            item.setData(Qt.ItemDataRole.UserRole, page_id)
            item.setSizeHint(QSize(0, 38))
            self.nav.addItem(item)
        # Wide enough for the longest title in this language (no clipped labels at any scale).
        metrics = self.nav.fontMetrics()
        text_width = max(metrics.horizontalAdvance(t) for t in titles.values())
        self.nav.setFixedWidth(text_width + self.nav.iconSize().width() + 48)
        self.nav.currentRowChanged.connect(self._nav_changed)

        central = QWidget()
        layout = QHBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.nav)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)

        self.page_status = QLabel()
        self.statusBar().addWidget(self.page_status, 1)
        self.db_label = QLabel(where)
        self.db_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.statusBar().addPermanentWidget(self.db_label)
        # A window opened for a screenshot or a script must not stop at the drafts question.
        self._drafts_offered = not offer_drafts_on_show
        self._global_search: Any = None  # the Ctrl+K popup, made when first asked for
        self._build_menus()
        self._waiting: _Opening | None = None  # the last page, until the database is open
        self._restore_state()
        # Only the app's own window backs up on its own (not a test's or the screenshot's).
        from liaison_desk.ui.auto_backup import AutoBackup

        self.auto_backup = AutoBackup(services, self)
        self.auto_backup.notice.connect(self._backup_notice)
        self._automatic_backups = automatic_backups

        # Another window, PC or the command line may change the database meanwhile.
        self._asking_for_changes = False
        self.change_timer = QTimer(self)
        self.change_timer.setInterval(CHANGE_POLL_MS)
        self.change_timer.timeout.connect(self.check_for_changes)
        if services.is_open:
            # What the database looks like now, read before any page loads its list: a change
            # committed elsewhere after this is seen at the first tick (a baseline taken at
            # the first tick, two seconds later, would hide what was saved in between).
            self._change_token = self._current_token()
            self._database_ready()
        else:
            # Painted first; then the database (and SQLAlchemy, half a second) is opened off
            # the GUI thread, and the page on screen loads when it is open. Not before the
            # first paint: the import would hold the GIL the painting needs. (A window that is
            # never painted, say started minimised, opens it a moment later all the same.)
            self._opening = False
            self.stack.installEventFilter(self)
            QTimer.singleShot(OPEN_UNPAINTED_MS, self, self._open_database)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.stack and event.type() == QEvent.Type.Paint:
            self.stack.removeEventFilter(self)
            QTimer.singleShot(0, self, self._open_database)  # once this paint is done
        return super().eventFilter(watched, event)

    def _open_database(self) -> None:
        if self._opening:
            return
        self._opening = True
        if self.services.is_open:  # a page built meanwhile needed it (opened on this thread)
            self._opened(None)
            return
        run_task(
            self,
            lambda control: self.services.open(control),
            self._opened,
            self._open_failed,
            self._upgrading,
        )

    def _upgrading(self, done: int, total: int, message: str) -> None:
        """An older database is upgraded before it opens (building the search index of a large
        one takes minutes): what is being done, in the status bar."""
        percent = f" {done * 100 // total}%" if total > 0 else ""
        self.page_status.setText(
            self.tr("Upgrading the database to this version: {step}{percent}…").format(
                step=message, percent=percent
            )
        )

    def _opened(self, _ctx: object) -> None:
        self.page_status.clear()
        self._change_token = self.services.first_token  # taken before anything was read
        self._database_ready()
        waiting, self._waiting = self._waiting, None
        if waiting is not None and self.stack.currentWidget() is waiting:
            self.show_page(waiting.objectName())
        else:
            self.current_page().activate()
        if waiting is not None:
            self.stack.removeWidget(waiting)
            waiting.deleteLater()
        if not self._drafts_offered and self.isVisible():
            self._drafts_offered = True
            QTimer.singleShot(0, self, self.offer_drafts)
        self.database_opened.emit()

    def _open_failed(self, exc: BaseException) -> None:
        if not isinstance(exc, UserFacingError):
            raise exc
        self.database_failed.emit(exc)

    def _database_ready(self) -> None:
        """What needs the open database: the read-only notice, the automatic backups and the
        watch for changes made elsewhere."""
        if self.services.read_only:
            # Said before anyone starts typing: a save would be refused.
            self.setWindowTitle(self.windowTitle() + " " + self.tr("(read-only)"))
            self.db_label.setText(
                self.tr(
                    "{where} (read-only: can be viewed, printed and exported, not changed)"
                ).format(where=self.where)
            )
        if self._automatic_backups:
            self.auto_backup.start()
        self.change_timer.start()

    # --- pages ---------------------------------------------------------------------------------
    def _build_page(self, page_id: str, make: Callable[[Services], Page]) -> Page:
        page = make(self.services)
        page.setObjectName(page_id)
        self.stack.addWidget(page)
        page.status_changed.connect(self._page_status)
        page.data_changed.connect(lambda p=page: self._data_changed(p))
        page.navigate.connect(self.show_page)
        if hasattr(page, "language_chosen"):  # the settings page
            page.language_chosen.connect(self.language_changed)
        return page

    def page_titles(self) -> dict[str, str]:
        """Each page's title in the current language."""
        return {p: QCoreApplication.translate("MainWindow", t) for p, t in PAGE_TITLES.items()}

    def page_id_for(self, name: str) -> str | None:
        """The page called ``name``: its id (hall) or its title in the current language."""
        if name in self.pages:
            return name
        for page_id, title in self.page_titles().items():
            if name in (title, translate_in("zh_CN", "MainWindow", PAGE_TITLES[page_id])):
                return page_id
        return None

    def current_page(self) -> Page:
        page = self.stack.currentWidget()
        assert isinstance(page, Page)
        return page

    def show_page(self, page_id: str, filters: dict[str, Any] | None = None) -> None:
        page = self.pages[page_id]
        if filters:
            page.apply_filter(filters)
        row = list(self.pages).index(page_id)
        if self.nav.currentRow() != row:
            self.nav.setCurrentRow(row)
        else:
            self._nav_changed(row)

    def _nav_changed(self, row: int) -> None:
        if row < 0:
            return
        page_id = list(self.pages)[row]
        page = self.pages[page_id]
        current = self.stack.currentWidget()
        if current is not page and not self._may_leave(current):
            # Cancelled: the navigation goes back to the page still shown, now and once the
            # click that asked is over (a mouse press selects its row after this signal).
            self._highlight_shown_page()
            QTimer.singleShot(0, self, self._highlight_shown_page)
            return
        self.stack.setCurrentWidget(page)
        if self.services.is_open:  # else it loads when the database is open (_opened)
            page.activate()
        self.page_status.setText(page.status_text())

    def _highlight_shown_page(self) -> None:
        blocked = self.nav.blockSignals(True)
        self.nav.setCurrentRow(
            list(self.pages).index(self.current_page().objectName()),
            QItemSelectionModel.SelectionFlag.ClearAndSelect,
        )
        self.nav.blockSignals(blocked)

    @staticmethod
    def _may_leave(page: QWidget | None) -> bool:
        """A page with a form open (``confirm_leave``) asks Save / Discard / Cancel before
        another page is shown; False when the user chose to stay."""
        confirm_leave = getattr(page, "confirm_leave", None)
        return confirm_leave is None or bool(confirm_leave())

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._drafts_offered and self.services.is_open:
            # Once the window is on screen: drafts left by a crash.
            self._drafts_offered = True
            QTimer.singleShot(0, self, self.offer_drafts)

    def offer_drafts(self) -> None:
        from liaison_desk.ui.drafts_dialog import offer_drafts

        offer_drafts(self, self)

    def _page_status(self, text: str) -> None:
        if self.sender() is self.stack.currentWidget():
            self.page_status.setText(text)

    def _data_changed(self, source: Page) -> None:
        for page in self.pages.built():  # a page not built yet loads fresh when it is
            if page is not source:
                page.mark_stale()

    def refresh(self) -> None:
        self.current_page().refresh()

    def check_for_changes(self) -> None:
        """Every two seconds: when the database was changed elsewhere, the lists show it (the
        page on screen reloads now, the others when next shown). A page with a form or editor
        open is left alone: the form learns of a change when it saves (已被另一处修改)."""
        watch = self.services.changes
        if watch.cheap:  # SQLite's data_version: microseconds, fine on the GUI thread
            try:
                token = watch.token()
            except UserFacingError as exc:
                log.info("could not look for changes: %s", exc)
                return
            self._changes_seen(token)
        elif not self._asking_for_changes:  # a server: a query, off the GUI thread
            self._asking_for_changes = True
            run_task(self, lambda _control: watch.token(), self._changes_seen, self._no_token)

    def _current_token(self) -> tuple[int, ...] | None:
        try:
            return self.services.changes.token()
        except UserFacingError as exc:  # the first tick tries again
            log.info("could not look for changes: %s", exc)
            return None

    def _no_token(self, exc: BaseException) -> None:
        self._asking_for_changes = False
        if not isinstance(exc, UserFacingError):
            raise exc
        log.info("could not look for changes: %s", exc)

    def _changes_seen(self, token: tuple[int, ...]) -> None:
        self._asking_for_changes = False
        previous, self._change_token = self._change_token, token
        if previous is None or previous == token:
            return
        current = self.current_page()
        for page in self.pages.built():
            if page is not current:
                page.mark_stale()
        editing = any(
            getattr(current, name, lambda: False)()
            for name in ("form_shown", "is_editing", "has_unsaved_changes")
        )
        if editing or current.is_busy():
            current.mark_stale()  # reloaded when the list is shown again
        else:
            current.refresh()

    # --- menus and shortcuts -------------------------------------------------------------------
    def _action(
        self,
        text: str,
        shortcut: QKeySequence | QKeySequence.StandardKey | str | None,
        slot: Callable[[], Any],
    ) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(lambda _checked=False: slot())  # never pass "checked" on
        self.addAction(action)
        return action

    def _build_menus(self) -> None:
        bar = self.menuBar()
        records = bar.addMenu(self.tr("&Records"))
        self.new_action = self._action(
            self.tr("&New record"), QKeySequence.StandardKey.New, self._new_record
        )
        self.find_action = self._action(
            self.tr("&Search"), QKeySequence.StandardKey.Find, self._focus_search
        )
        self.refresh_action = self._action(
            self.tr("&Refresh"), QKeySequence.StandardKey.Refresh, self.refresh
        )
        # Ctrl+K: one search over every kind of record (Ctrl+F stays the page's own box).
        self.search_everything_action = self._action(
            self.tr("Search &everything…"), "Ctrl+K", self.search_everything
        )
        self.settings_action = self._action(
            self.tr("S&ettings"),
            QKeySequence.StandardKey.Preferences,
            partial(self.show_page, "settings"),
        )
        if self.settings_action.shortcut().isEmpty():
            self.settings_action.setShortcut(QKeySequence("Ctrl+,"))
        quit_action = self._action(self.tr("&Quit"), QKeySequence.StandardKey.Quit, self.close)
        if quit_action.shortcut().isEmpty():
            quit_action.setShortcut(QKeySequence("Ctrl+Q"))
        for action in (
            self.new_action,
            self.find_action,
            self.search_everything_action,
            self.refresh_action,
        ):
            records.addAction(action)
        records.addSeparator()
        self.verify_action = self._action(self.tr("&Check a package…"), None, self.verify_package)
        records.addAction(self.verify_action)
        # Records packages (issue 17): a group's records out, the district's import and its log.
        self.export_records_action = self._action(
            self.tr("E&xport records package…"), None, self.export_records
        )
        records.addAction(self.export_records_action)
        # Ctrl+Shift+I: Ctrl+I is the list pages' ledger import.
        self.import_action = self._action(
            self.tr("&Import package…"), "Ctrl+Shift+I", self.import_package
        )
        records.addAction(self.import_action)
        self.import_log_action = self._action(self.tr("Import &log"), None, self.show_import_log)
        records.addAction(self.import_log_action)
        # Reports (issue 18): the statistics workbook and the year's summary draft.
        self.stats_action = self._action(
            self.tr("S&tatistics workbook…"), None, partial(self.open_report, "workbook")
        )
        records.addAction(self.stats_action)
        self.summary_action = self._action(
            self.tr("Year's su&mmary draft…"), None, partial(self.open_report, "summary")
        )
        records.addAction(self.summary_action)
        self.restore_action = self._action(
            self.tr("Restore from a &backup…"), None, self.restore_from_backup
        )
        records.addAction(self.restore_action)
        records.addSeparator()
        records.addAction(self.settings_action)
        records.addSeparator()
        records.addAction(quit_action)

        go = bar.addMenu(self.tr("&Go"))
        for n, (page_id, title) in enumerate(self.page_titles().items(), start=1):
            # Ctrl+1 … Ctrl+9, Ctrl+0 for the first ten pages, as on the number row (设置 has
            # the platform's Preferences key).
            shortcut = f"Ctrl+{n % 10}" if n <= 10 else None
            action = self._action(title, shortcut, partial(self.show_page, page_id))
            go.addAction(action)

        help_menu = bar.addMenu(self.tr("&Help"))
        help_menu.addAction(self._action(self.tr("&About"), None, self._about))

    def open_report(self, what: str) -> QWidget:
        """统计报表… / 工作综述初稿…: the dialog (returned for tests)."""
        from liaison_desk.ui.report_dialog import open_report_dialog

        return open_report_dialog(self.services, what, self)

    def export_records(self) -> QWidget:
        """导出报送数据包…: the dialog (returned for tests)."""
        from liaison_desk.ui.records_dialogs import RecordsExportDialog

        dialog = RecordsExportDialog(self.services, self)
        dialog.open()
        return dialog

    def import_package(self, path: Path | None = None) -> Any:
        """导入报送包…: choose, try, choose in conflicts, import (the importer, for tests)."""
        from liaison_desk.ui.records_dialogs import RecordsImporter

        importer = RecordsImporter(self.services, self, self.refresh)
        importer.start(path)
        return importer

    def show_import_log(self) -> QWidget:
        """导入记录: the import log, with undoing the last import."""
        from liaison_desk.ui.records_dialogs import ImportLogDialog

        dialog = ImportLogDialog(self.services, self, self.refresh)
        dialog.open()
        return dialog

    def verify_package(self) -> None:
        """校验报送包…: check a submission package (ZIP)."""
        from liaison_desk.ui.verify_dialog import VerifyDialog

        dialog = VerifyDialog(self.services, None, self)
        try:
            dialog.exec()
        finally:
            dialog.deleteLater()

    def restore_from_backup(self) -> None:
        """从备份恢复…: the list of backups; the pages read the data again after a restore."""
        from liaison_desk.ui.backup_dialog import RestoreDialog

        dialog = RestoreDialog(self.services, self)
        dialog.restored.connect(self.reload_all)
        try:
            dialog.exec()
        finally:
            dialog.deleteLater()

    def reload_all(self) -> None:
        """Every page reads the database again (after a restore replaced it)."""
        for page in self.pages.built():
            page.mark_stale()
        self.current_page().refresh()

    def _backup_notice(self, text: str, persistent: bool) -> None:
        # A failed backup stays until the next message: it must not go unseen.
        self.statusBar().showMessage(text, 0 if persistent else 10_000)

    def _new_record(self) -> None:
        if not self.current_page().new_record():
            self.statusBar().showMessage(self.tr("This page has no new record."), 3000)

    def _focus_search(self) -> None:
        if not self.current_page().focus_search():
            self.statusBar().showMessage(self.tr("This page has no search box."), 3000)

    def search_everything(self) -> None:
        """Ctrl+K: the search popup over every kind of record (one kept, with its last text)."""
        from liaison_desk.ui.global_search import GlobalSearchDialog

        if self._global_search is None:
            self._global_search = GlobalSearchDialog(self.services, self)
            self._global_search.hit_chosen.connect(self.open_search_hit)
        self._global_search.open()
        self._global_search.start()

    def open_search_hit(self, hit: SearchHit) -> None:
        """The record of a search hit, on its page: a consultation's (or an outcome item's
        consultation's) form, a case's editor, a person's dialog."""
        if hit.kind in (SearchKind.CONSULTATION, SearchKind.OUTCOME_ITEM):
            page_id = "hall" if hit.consultation_kind == "hall" else "micro"
        else:
            page_id = "cases" if hit.kind is SearchKind.CASE else "people"
        self.show_page(page_id)
        if self.stack.currentWidget() is not self.pages[page_id]:
            return  # the user chose to stay with an unsaved form
        page: Any = self.pages[page_id]
        if hit.consultation_id is not None:
            page.open_record_form(hit.consultation_id)
        elif hit.kind is SearchKind.CASE:
            page.edit_case(hit.record_id)
        else:
            person = self.services.people.get(hit.record_id)
            if person is not None:
                page.edit(person)

    def _about(self) -> None:
        QMessageBox.about(
            self,
            self.tr("About Liaison Desk"),
            self.tr(
                "<h3>Liaison Desk {version}</h3>"
                "<p>Records of the CPPCC members' liaison groups: deliberation-hall sessions, "
                "micro-consultations, problem follow-up, consultation cases and submissions.</p>"
                "<p>Database: {where}</p>"
            ).format(version=__version__, where=self.where),
        )

    # --- state ---------------------------------------------------------------------------------
    def _first_size(self) -> QSize:
        """The window's size on its first start: 1280×800, less on a smaller screen (a
        1366×768 office laptop) so that the whole window, its title bar and the taskbar fit."""
        size = QSize(1280, 800)
        screen = self.screen()
        if screen is not None:
            room = screen.availableGeometry().size() - QSize(*FRAME_ALLOWANCE)
            size = size.boundedTo(room).expandedTo(self.minimumSize())
        return size

    def _restore_state(self) -> None:
        page_id = "dashboard"
        if self.machine is not None:
            geometry = self.machine.get("window.geometry")
            if geometry:
                self.restoreGeometry(QByteArray.fromBase64(geometry.encode("ascii")))
            else:
                self.resize(self._first_size())
            last = self.machine.get("window.last_page")
            if last in self.pages:
                page_id = last
        else:
            self.resize(1280, 800)
        if page_id != "dashboard" and not self.services.is_open:
            # Only 工作台 is built before the database is open (building it reads nothing):
            # another page is built once it is, the window painted meanwhile.
            self._waiting = _Opening(self.services)
            self._waiting.setObjectName(page_id)  # the page to come back to, even if closed
            self.stack.addWidget(self._waiting)
            self.stack.setCurrentWidget(self._waiting)
            blocked = self.nav.blockSignals(True)
            self.nav.setCurrentRow(list(self.pages).index(page_id))
            self.nav.blockSignals(blocked)
            return
        self.show_page(page_id)

    def save_state(self) -> None:
        if self.machine is None:
            return
        try:
            geometry = bytes(self.saveGeometry().toBase64().data()).decode("ascii")
            self.machine.set("window.geometry", geometry)
            page = self.stack.currentWidget()
            if isinstance(page, Page):
                self.machine.set("window.last_page", page.objectName())
        except SettingsFileError as exc:  # a read-only data folder must not stop the closing
            log.warning("could not save the window state: %s", exc)

    def unsaved_pages(self) -> list[Page]:
        return [p for p in self.pages.built() if getattr(p, "has_unsaved_changes", lambda: False)()]

    def ask_about_unsaved(self, pages: list[Page]) -> QMessageBox.StandardButton:
        """Save, Discard or Cancel for pages with unsaved input (a method, so tests answer it)."""
        # Each page names what is unsaved as its own questions do (the record), else by its title.
        titles = "、".join(
            getattr(p, "unsaved_name", lambda: "")() or self.page_titles()[p.objectName()]
            for p in pages
        )
        answer = messages.ask_save_discard_cancel(
            self,
            self.tr("Unsaved changes"),
            self.tr("{pages} has changes that are not saved yet. Save them before closing?").format(
                pages=titles
            ),
        )
        return messages.ANSWER_BUTTON[answer]

    def closeEvent(self, event: QCloseEvent) -> None:
        unsaved = self.unsaved_pages()
        if unsaved:
            answer = self.ask_about_unsaved(unsaved)
            if answer == QMessageBox.StandardButton.Cancel:
                event.ignore()
                return
            if answer == QMessageBox.StandardButton.Save:
                for page in unsaved:
                    if not page.save():  # type: ignore[attr-defined]
                        self.show_page(page.objectName())
                        event.ignore()
                        return
            if answer == QMessageBox.StandardButton.Discard:
                for page in unsaved:  # drop the edits and their drafts (not offered again)
                    discard = getattr(page, "discard_unsaved", None)
                    if discard is not None:
                        discard()
        self.save_state()
        # A hidden window is one replaced after a language switch: the shown one backs up.
        if self._automatic_backups and self.isVisible():
            error = self.auto_backup.back_up_on_close(self)
            if error is not None:  # the window is going away: a status bar would go unseen
                messages.show_error(self, error, self.tr("Backup on closing failed"))
        super().closeEvent(event)
