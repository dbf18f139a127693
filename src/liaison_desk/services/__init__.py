"""Use cases over the domain and storage. No Qt widgets here."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING

from liaison_desk.services.attachments import AttachmentService
from liaison_desk.services.base import ServiceContext
from liaison_desk.services.cases import CaseService, SubmissionService
from liaison_desk.services.changes import ChangeWatch
from liaison_desk.services.consultations import ConsultationService
from liaison_desk.services.drafts import DraftService
from liaison_desk.services.people import GroupService, PersonService
from liaison_desk.services.recycle_bin import RecycleBinService
from liaison_desk.services.search import SearchService
from liaison_desk.services.settings import SettingsService
from liaison_desk.services.statistics import StatisticsService

if TYPE_CHECKING:
    from liaison_desk.services.backups import BackupService
    from liaison_desk.services.case_documents import CaseDocumentService
    from liaison_desk.services.ledger import LedgerService
    from liaison_desk.services.members import MemberService
    from liaison_desk.services.packages import PackageService
    from liaison_desk.services.printouts import PrintoutService
    from liaison_desk.services.records import RecordsService
    from liaison_desk.services.reports import ReportService
    from liaison_desk.services.scans import ScanService


@dataclass
class Services:
    """Every service over one database, each built once here (a service that uses another is
    given it); built by app.py or cli.py. The services of documents and files (printouts, case
    documents, packages, scans, the ledger, backups) are built on first use, so that their
    libraries (openpyxl, bagit, zxing, ZIP archives, ...) are not loaded before the window is on
    screen."""

    ctx: ServiceContext

    def __post_init__(self) -> None:
        self.groups = GroupService(self.ctx)
        self.people = PersonService(self.ctx)
        self.consultations = ConsultationService(self.ctx)
        self.cases = CaseService(self.ctx)
        self.submissions = SubmissionService(self.ctx)
        self.recycle_bin = RecycleBinService(self.ctx)
        self.statistics = StatisticsService(self.ctx)
        self.attachments = AttachmentService(self.ctx)
        self.settings = SettingsService(self.ctx)
        self.drafts = DraftService(self.ctx)
        self.changes = ChangeWatch(self.ctx)
        self.search = SearchService(self.ctx)

    @cached_property
    def backups(self) -> BackupService:
        # Its files (ZIP archives, integrity checks, restore) are loaded after the window shows:
        # the automatic backup's first look is on a timer.
        from liaison_desk.services.backups import BackupService

        return BackupService(self.ctx)

    @cached_property
    def printouts(self) -> PrintoutService:
        from liaison_desk.services.printouts import PrintoutService

        return PrintoutService(self.ctx, self.settings)

    @cached_property
    def case_documents(self) -> CaseDocumentService:
        from liaison_desk.services.case_documents import CaseDocumentService

        return CaseDocumentService(self.ctx, self.settings)

    @cached_property
    def packages(self) -> PackageService:
        from liaison_desk.services.packages import PackageService

        return PackageService(self.ctx, self.cases, self.submissions, self.settings)

    @cached_property
    def scans(self) -> ScanService:
        from liaison_desk.services.scans import ScanService

        return ScanService(self.ctx, self.consultations, self.attachments)

    @cached_property
    def reports(self) -> ReportService:
        from liaison_desk.services.reports import ReportService

        return ReportService(self.ctx)

    @cached_property
    def members(self) -> MemberService:
        from liaison_desk.services.members import MemberService

        return MemberService(self.ctx)

    @cached_property
    def ledger(self) -> LedgerService:
        from liaison_desk.services.ledger import LedgerService

        return LedgerService(self.ctx, self.consultations, self.groups, self.settings, self.backups)

    @cached_property
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
