"""Use cases over the domain and storage. No Qt widgets here."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Generic, TypeVar

if TYPE_CHECKING:
    from liaison_desk.progress import Progress
    from liaison_desk.services.attachments import AttachmentService
    from liaison_desk.services.backups import BackupService
    from liaison_desk.services.base import ServiceContext
    from liaison_desk.services.case_documents import CaseDocumentService
    from liaison_desk.services.cases import CaseService, SubmissionService
    from liaison_desk.services.changes import ChangeWatch
    from liaison_desk.services.consultations import ConsultationService
    from liaison_desk.services.drafts import DraftService
    from liaison_desk.services.ledger import LedgerService
    from liaison_desk.services.members import MemberService
    from liaison_desk.services.packages import PackageService
    from liaison_desk.services.people import GroupService, PersonService
    from liaison_desk.services.printouts import PrintoutService
    from liaison_desk.services.records import RecordsService
    from liaison_desk.services.recycle_bin import RecycleBinService
    from liaison_desk.services.reports import ReportService
    from liaison_desk.services.scans import ScanService
    from liaison_desk.services.search import SearchService
    from liaison_desk.services.settings import SettingsService
    from liaison_desk.services.statistics import StatisticsService

T = TypeVar("T")


def __getattr__(name: str) -> Any:
    # ``from liaison_desk.services import ServiceContext`` without loading the services (and
    # SQLAlchemy) when only ``Services`` is wanted.
    if name == "ServiceContext":
        from liaison_desk.services.base import ServiceContext

        return ServiceContext
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


class _built_once(Generic[T]):
    """A service built on first use, once, also when two threads ask at the same moment (a
    page's load in a worker and the GUI thread)."""

    def __init__(self, build: Callable[[Services], T]) -> None:
        self.build = build
        self.name = build.__name__
        self.__doc__ = build.__doc__

    def __set_name__(self, owner: type, name: str) -> None:
        self.name = name

    def __get__(self, services: Services, owner: type | None = None) -> T:
        with services._lock:
            if self.name not in services.__dict__:
                services.__dict__[self.name] = self.build(services)
        value: T = services.__dict__[self.name]
        return value


class Services:
    """Every service over one database, each built once, on first use (a service that uses
    another is given it); built by app.py or cli.py. Nothing is loaded before it is used: the
    libraries of documents and files (openpyxl, bagit, zxing, ZIP archives, ...) wait for their
    command, and with ``Services.opening`` the database itself (and SQLAlchemy) is opened by the
    first service call, so that the window is painted first (issue 16)."""

    def __init__(self, ctx: ServiceContext | None = None) -> None:
        self._lock = threading.RLock()
        self._ctx = ctx
        self._open: Callable[[Progress | None], ServiceContext] | None = None
        self._opened = threading.Event()
        # The change watch's value when the database was opened, before any service read it:
        # a window compares later values with it (None: not known; the first look sets it).
        self.first_token: tuple[int, ...] | None = None
        if ctx is not None:
            self._opened.set()

    @classmethod
    def opening(cls, open_context: Callable[[Progress | None], ServiceContext]) -> Services:
        """Services whose database is opened by ``open_context`` (given a progress for a long
        upgrade, or None) by ``open`` or when a service is first used, in whichever thread that
        is; the others wait for it."""
        services = cls()
        services._open = open_context
        return services

    @property
    def ctx(self) -> ServiceContext:
        return self._ctx if self._ctx is not None else self.open()

    def open(self, progress: Progress | None = None) -> ServiceContext:
        """The database opened now if it is not yet (``progress`` hears of a long upgrade)."""
        with self._lock:
            if self._ctx is None:
                assert self._open is not None
                self._ctx = self._open(progress)
                self.first_token = self._token_now()
                self._opened.set()
            return self._ctx

    def _token_now(self) -> tuple[int, ...] | None:
        from liaison_desk.errors import UserFacingError

        try:
            return self.changes.token()
        except UserFacingError:  # the window's first look tries again
            return None

    @property
    def is_open(self) -> bool:
        """The database has been opened (a service may be called without waiting for it)."""
        return self._opened.is_set()

    @_built_once
    def groups(self) -> GroupService:
        from liaison_desk.services.people import GroupService

        return GroupService(self.ctx)

    @_built_once
    def people(self) -> PersonService:
        from liaison_desk.services.people import PersonService

        return PersonService(self.ctx)

    @_built_once
    def consultations(self) -> ConsultationService:
        from liaison_desk.services.consultations import ConsultationService

        return ConsultationService(self.ctx)

    @_built_once
    def cases(self) -> CaseService:
        from liaison_desk.services.cases import CaseService

        return CaseService(self.ctx)

    @_built_once
    def submissions(self) -> SubmissionService:
        from liaison_desk.services.cases import SubmissionService

        return SubmissionService(self.ctx)

    @_built_once
    def recycle_bin(self) -> RecycleBinService:
        from liaison_desk.services.recycle_bin import RecycleBinService

        return RecycleBinService(self.ctx)

    @_built_once
    def statistics(self) -> StatisticsService:
        from liaison_desk.services.statistics import StatisticsService

        return StatisticsService(self.ctx)

    @_built_once
    def attachments(self) -> AttachmentService:
        from liaison_desk.services.attachments import AttachmentService

        return AttachmentService(self.ctx)

    @_built_once
    def settings(self) -> SettingsService:
        from liaison_desk.services.settings import SettingsService

        return SettingsService(self.ctx)

    @_built_once
    def drafts(self) -> DraftService:
        from liaison_desk.services.drafts import DraftService

        return DraftService(self.ctx)

    @_built_once
    def changes(self) -> ChangeWatch:
        from liaison_desk.services.changes import ChangeWatch

        return ChangeWatch(self.ctx)

    @_built_once
    def search(self) -> SearchService:
        from liaison_desk.services.search import SearchService

        return SearchService(self.ctx)

    @_built_once
    def backups(self) -> BackupService:
        # Its files (ZIP archives, integrity checks, restore) are loaded after the window shows:
        # the automatic backup's first look is on a timer.
        from liaison_desk.services.backups import BackupService

        return BackupService(self.ctx)

    @_built_once
    def printouts(self) -> PrintoutService:
        from liaison_desk.services.printouts import PrintoutService

        return PrintoutService(self.ctx, self.settings)

    @_built_once
    def case_documents(self) -> CaseDocumentService:
        from liaison_desk.services.case_documents import CaseDocumentService

        return CaseDocumentService(self.ctx, self.settings)

    @_built_once
    def packages(self) -> PackageService:
        from liaison_desk.services.packages import PackageService

        return PackageService(self.ctx, self.cases, self.submissions, self.settings)

    @_built_once
    def scans(self) -> ScanService:
        from liaison_desk.services.scans import ScanService

        return ScanService(self.ctx, self.consultations, self.attachments)

    @_built_once
    def reports(self) -> ReportService:
        from liaison_desk.services.reports import ReportService

        return ReportService(self.ctx)

    @_built_once
    def members(self) -> MemberService:
        from liaison_desk.services.members import MemberService

        return MemberService(self.ctx)

    @_built_once
    def ledger(self) -> LedgerService:
        from liaison_desk.services.ledger import LedgerService

        return LedgerService(self.ctx, self.consultations, self.groups, self.settings, self.backups)

    @_built_once
    def records(self) -> RecordsService:
        """Records packages: export a group's records, import and merge them, undo."""
        from liaison_desk.services.records import RecordsService

        return RecordsService(self.ctx, self.backups)

    @property
    def read_only(self) -> bool:
        """The database opened for reading only: it is on a read-only disk (a write-protected
        USB stick, a CD), in a folder that may not be written, or a read-only file."""
        return self.ctx.db.read_only is not None


__all__ = ["ServiceContext", "Services"]
