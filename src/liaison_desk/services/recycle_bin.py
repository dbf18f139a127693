"""Nothing is deleted outright: records go to the recycle bin, and are purged only after 30 days
or by an explicit action."""

from __future__ import annotations

import logging
import math
from datetime import datetime, timedelta

from liaison_desk.domain.enums import AuditAction
from liaison_desk.domain.queries import RecycleBinEntry
from liaison_desk.domain.rules import RECYCLE_BIN_DAYS, LockedError, purge_due
from liaison_desk.services.base import ServiceContext, audit
from liaison_desk.services.errors import PurgeRefused
from liaison_desk.storage import repositories as repo
from liaison_desk.storage.session import Session

log = logging.getLogger(__name__)

ENTITY_LABELS = {
    "group": "联络组",
    "person": "人员",
    "consultation": "协商活动",
    "outcome_item": "意见建议",
    "attachment": "附件",
    "case": "协商案例",
    "submission": "报送记录",
}


class RecycleBinService:
    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    def entries(self) -> list[RecycleBinEntry]:
        with self.ctx.db.reading() as s:
            return repo.list_deleted(s)

    @staticmethod
    def purge_on(deleted_at: datetime) -> datetime:
        """When an entry deleted at ``deleted_at`` is purged automatically (the first start of
        the app from then on)."""
        return deleted_at + timedelta(days=RECYCLE_BIN_DAYS)

    def days_left(self, deleted_at: datetime, now: datetime | None = None) -> int:
        """Whole days, rounded up, until the automatic purge: 30 on the day of deleting, 0 once
        it is due."""
        remaining = self.purge_on(deleted_at) - (now or self.ctx.now())
        return max(0, math.ceil(remaining / timedelta(days=1)))

    def delete(self, entity_type: str, record_id: int) -> None:
        with self.ctx.db.session() as s:
            record = self._record(s, entity_type, record_id)
            self._refuse_if_locked(s, record)
            if entity_type == "group" and repo.group_has_records(s, record.id):
                raise LockedError(
                    f"{record.title}还有协商活动或案例记录，不能删除。请先删除或移走这些记录。"
                )
            deleted = repo.set_deleted(s, entity_type, record_id, self.ctx.now())
            audit(self.ctx, s, entity_type, deleted, AuditAction.DELETE)

    def restore(self, entity_type: str, record_id: int) -> None:
        with self.ctx.db.session() as s:
            record = self._record(s, entity_type, record_id)
            self._refuse_if_locked(s, record)
            restored = repo.set_deleted(s, entity_type, record_id, None)
            audit(self.ctx, s, entity_type, restored, AuditAction.RESTORE)

    def purge(self, entity_type: str, record_id: int) -> None:
        """Delete for good (only what is already in the recycle bin); stored files no longer
        referenced by any record are removed too."""
        with self.ctx.db.session() as s:
            referenced_before = set(repo.attachment_hashes(s))
            record = self._record(s, entity_type, record_id)
            if record.deleted_at is None:
                raise ValueError("只能彻底删除回收站里的记录。")
            blocker = repo.purge_blocker(s, record)
            if blocker:
                raise PurgeRefused(blocker)
            repo.detach_references(s, record)
            audit(
                self.ctx,
                s,
                entity_type,
                record,
                AuditAction.PURGE,
                f"彻底删除{ENTITY_LABELS.get(entity_type, '')}",
            )
            repo.purge_record(s, entity_type, record_id, self.ctx.now())
            # Only files whose last reference went with this record: a file stored for a form
            # that is still open is not referenced yet, and must survive until the form saves.
            orphaned = referenced_before - set(repo.attachment_hashes(s))
        self._remove_files(orphaned)

    def purge_expired(self, now: datetime | None = None) -> int:
        """Purge what has been in the recycle bin for 30 days or more; returns how many. Entries
        still needed elsewhere stay in the bin (and are logged) instead of stopping the run."""
        moment = now or self.ctx.now()
        purged = 0
        # Whole records before their parts: purging a consultation takes its items with it.
        order = {"consultation": 0, "case": 1, "submission": 2}
        expired = sorted(
            (e for e in self.entries() if purge_due(e.deleted_at, moment)),
            key=lambda e: order.get(e.entity_type, 9),
        )
        for entry in expired:
            try:
                self.purge(entry.entity_type, entry.id)
                purged += 1
            except KeyError:
                continue  # went with its parent
            except PurgeRefused as exc:
                log.warning("kept %s %s in the recycle bin: %s", entry.entity_type, entry.id, exc)
        return purged

    @staticmethod
    def _record(s: Session, entity_type: str, record_id: int) -> repo.RecordRef:
        record = repo.record_ref(s, entity_type, record_id)
        if record is None:
            raise KeyError(record_id)
        return record

    @staticmethod
    def _refuse_if_locked(s: Session, record: repo.RecordRef) -> None:
        if record.entity_type == "consultation":
            repo.refuse_if_locked(s, record.id, None)
        elif record.entity_type == "case":
            repo.refuse_if_locked(s, None, record.id)
        elif record.entity_type in ("outcome_item", "attachment"):
            repo.refuse_if_locked(s, record.consultation_id, record.case_id)

    def _remove_files(self, hashes: set[str]) -> None:
        store = self.ctx.store
        if store is None:
            return
        for sha in hashes:
            store.remove(sha)
