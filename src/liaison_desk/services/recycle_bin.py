"""Nothing is deleted outright: records go to the recycle bin, and are purged only after 30 days
or by an explicit action."""

from __future__ import annotations

from datetime import datetime

from liaison_desk.domain.enums import AuditAction
from liaison_desk.domain.queries import RecycleBinEntry
from liaison_desk.domain.rules import LockedError, purge_due
from liaison_desk.services.base import ServiceContext, audit
from liaison_desk.storage import repositories as repo

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
        with self.ctx.db.session() as s:
            return repo.list_deleted(s)

    def delete(self, entity_type: str, record_id: int) -> None:
        with self.ctx.db.session() as s:
            row = repo.record_row(s, entity_type, record_id)
            if row is None:
                raise KeyError(record_id)
            if entity_type == "consultation" and row.status == "archived":
                raise LockedError(f"{row.number} 已归档，不能删除。如确需删除，请先解锁。")
            if entity_type == "case" and row.status in ("submitted", "selected"):
                raise LockedError("已报送的案例不能删除。")
            row.deleted_at = self.ctx.now()
            row.revision += 1
            audit(self.ctx, s, entity_type, row, AuditAction.DELETE)
            self._refresh_parent(s, entity_type, row)

    def restore(self, entity_type: str, record_id: int) -> None:
        with self.ctx.db.session() as s:
            row = repo.record_row(s, entity_type, record_id)
            if row is None:
                raise KeyError(record_id)
            row.deleted_at = None
            row.revision += 1
            audit(self.ctx, s, entity_type, row, AuditAction.RESTORE)
            self._refresh_parent(s, entity_type, row)

    def purge(self, entity_type: str, record_id: int) -> None:
        """Delete for good (only what is already in the recycle bin); stored files no longer
        referenced by any record are removed too."""
        with self.ctx.db.session() as s:
            row = repo.record_row(s, entity_type, record_id)
            if row is None:
                raise KeyError(record_id)
            if row.deleted_at is None:
                raise ValueError("只能彻底删除回收站里的记录。")
            audit(
                self.ctx,
                s,
                entity_type,
                row,
                AuditAction.PURGE,
                f"彻底删除{ENTITY_LABELS.get(entity_type, '')}",
            )
            s.delete(row)
        self._remove_unreferenced_files()

    def purge_expired(self, now: datetime | None = None) -> int:
        """Purge what has been in the recycle bin for 30 days or more; returns how many."""
        moment = now or self.ctx.now()
        expired = [e for e in self.entries() if purge_due(e.deleted_at, moment)]
        for entry in expired:
            self.purge(entry.entity_type, entry.id)
        return len(expired)

    @staticmethod
    def _refresh_parent(s: object, entity_type: str, row: object) -> None:
        from sqlalchemy.orm import Session

        assert isinstance(s, Session)
        if entity_type == "outcome_item":
            parent = repo.record_row(s, "consultation", row.consultation_id)  # type: ignore[attr-defined]
            s.flush()
            s.refresh(parent, ["outcome_items"])
            repo.refresh_counts(parent)

    def _remove_unreferenced_files(self) -> None:
        store = self.ctx.store
        if store is None:
            return
        with self.ctx.db.session() as s:
            referenced = set(repo.attachment_hashes(s))
        for sha in store.all_hashes() - referenced:
            store.remove(sha)
