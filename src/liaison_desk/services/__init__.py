"""Use cases over the domain and storage. No Qt widgets here."""

from __future__ import annotations

from dataclasses import dataclass

from liaison_desk.services.attachments import AttachmentService
from liaison_desk.services.backups import BackupService
from liaison_desk.services.base import ServiceContext
from liaison_desk.services.case_documents import CaseDocumentService
from liaison_desk.services.cases import CaseService, SubmissionService
from liaison_desk.services.changes import ChangeWatch
from liaison_desk.services.consultations import ConsultationService
from liaison_desk.services.drafts import DraftService
from liaison_desk.services.ledger import LedgerService
from liaison_desk.services.packages import PackageService
from liaison_desk.services.people import GroupService, PersonService
from liaison_desk.services.printouts import PrintoutService
from liaison_desk.services.recycle_bin import RecycleBinService
from liaison_desk.services.scans import ScanService
from liaison_desk.services.settings import SettingsService
from liaison_desk.services.statistics import StatisticsService


@dataclass
class Services:
    """Every service over one database, each built once here (a service that uses another is
    given it); built by app.py or cli.py."""

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
        self.printouts = PrintoutService(self.ctx, self.settings)
        self.case_documents = CaseDocumentService(self.ctx, self.settings)
        self.packages = PackageService(self.ctx, self.cases, self.submissions, self.settings)
        self.scans = ScanService(self.ctx, self.consultations, self.attachments)
        self.backups = BackupService(self.ctx)
        self.ledger = LedgerService(
            self.ctx, self.consultations, self.groups, self.settings, self.backups
        )
        self.changes = ChangeWatch(self.ctx)

    @property
    def read_only(self) -> bool:
        """The database opened for reading only: it is on a read-only disk (a write-protected
        USB stick, a CD), in a folder that may not be written, or a read-only file."""
        return self.ctx.db.read_only is not None


__all__ = ["ServiceContext", "Services"]
