"""What every service shares: the database, the acting user, the clock, and audit entries."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from liaison_desk.domain.entities import AuditEntry
from liaison_desk.domain.enums import AuditAction
from liaison_desk.storage import repositories as repo
from liaison_desk.storage.attachments import AttachmentStore
from liaison_desk.storage.database import Database
from liaison_desk.storage.mapping import jsonable
from liaison_desk.storage.session import Session

# Fields that change on every save and say nothing about what the user changed.
_BOOKKEEPING = {"id", "uuid", "revision", "created_at", "updated_at", "deleted_at"}


@dataclass
class ServiceContext:
    db: Database
    store: AttachmentStore | None
    actor: str = "联络员"
    clock: Callable[[], datetime] = field(default=lambda: datetime.now().replace(microsecond=0))

    def now(self) -> datetime:
        return self.clock()

    def today(self) -> date:
        return self.clock().date()


def changes_between(old: Any, new: Any) -> dict[str, list[Any]]:
    """Field → [old, new] for the fields a user changed (JSON-ready for the audit log)."""
    if old is None:
        return {}
    result: dict[str, list[Any]] = {}
    for f in dataclasses.fields(new):
        if f.name in _BOOKKEEPING:
            continue
        before, after = jsonable(getattr(old, f.name, None)), jsonable(getattr(new, f.name))
        if before != after:
            result[f.name] = [before, after]
    return result


def audit(
    ctx: ServiceContext,
    s: Session,
    entity_type: str,
    record: Any,
    action: AuditAction,
    summary: str = "",
    changes: dict[str, Any] | None = None,
    reason: str = "",
) -> None:
    repo.add_audit(
        s,
        AuditEntry(
            entity_type=entity_type,
            entity_uuid=record.uuid,
            action=action,
            actor=ctx.actor,
            at=ctx.now(),
            summary=summary or action.label,
            changes=changes or {},
            reason=reason,
            revision=getattr(record, "revision", 0),
        ),
    )
