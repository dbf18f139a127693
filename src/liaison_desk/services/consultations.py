"""Recording consultations and following up their outcome items."""

from __future__ import annotations

import copy
from datetime import date

from sqlalchemy import select

from liaison_desk.domain.entities import (
    AuditEntry,
    Consultation,
    OutcomeItem,
    ProcedureTemplate,
    new_uuid,
)
from liaison_desk.domain.enums import (
    AuditAction,
    ConsultationKind,
    ConsultationStatus,
    OutcomeStatus,
    Satisfaction,
)
from liaison_desk.domain.numbering import consultation_number, parse_consultation_number
from liaison_desk.domain.procedure import checklist_from
from liaison_desk.domain.queries import (
    ConsultationFilter,
    ConsultationSummary,
    OutcomeFilter,
    OutcomeItemSummary,
    Page,
    PageRequest,
)
from liaison_desk.domain.rules import (
    LockedError,
    Problem,
    ValidationError,
    check_not_stale,
    validate_consultation,
    validate_outcome_item,
)
from liaison_desk.services.base import ServiceContext, audit, changes_between
from liaison_desk.storage import repositories as repo
from liaison_desk.storage.models import ConsultationRow, OutcomeItemRow


class ConsultationService:
    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    # --- reading ----------------------------------------------------------------------------

    def search(
        self, f: ConsultationFilter = ConsultationFilter(), page: PageRequest = PageRequest()
    ) -> Page[ConsultationSummary]:
        with self.ctx.db.session() as s:
            return repo.list_consultations(s, f, page)

    def get(self, consultation_id: int) -> Consultation | None:
        with self.ctx.db.session() as s:
            return repo.get_consultation(s, consultation_id)

    def get_by_number(self, number: str) -> Consultation | None:
        with self.ctx.db.session() as s:
            cid = repo.consultation_id_by_number(s, number)
            return repo.get_consultation(s, cid) if cid else None

    def history(self, consultation_id: int) -> list[AuditEntry]:
        """What happened to the record, oldest first: created, changed, locked (archived) and
        unlocked with the reason, by whom and when. Empty for an unknown id."""
        with self.ctx.db.session() as s:
            row = repo.record_row(s, "consultation", consultation_id)
            if row is None:
                return []
            return repo.list_audit(s, "consultation", row.uuid)

    def template(self, kind: ConsultationKind) -> ProcedureTemplate:
        with self.ctx.db.session() as s:
            return repo.get_template(s, kind)

    def save_template(self, template: ProcedureTemplate) -> None:
        with self.ctx.db.session() as s:
            repo.save_template(s, template)

    def new(self, kind: ConsultationKind, group_id: int | None) -> Consultation:
        """A blank consultation with its own copy of the current checklist of its kind."""
        return Consultation(
            kind=kind,
            title="",
            group_id=group_id,
            held_on=self.ctx.today(),
            venue="",
            checklist=checklist_from(self.template(kind)),
        )

    def duplicate_as_new(self, consultation_id: int) -> Consultation:
        """A copy to start the next session from: same kind, venue, people and agenda; a new
        identity, no number, no outcome items and no files."""
        original = self.get(consultation_id)
        if original is None:
            raise KeyError(consultation_id)
        c = copy.deepcopy(original)
        c.id, c.uuid, c.revision, c.number = None, new_uuid(), 0, ""
        c.created_at = c.updated_at = c.deleted_at = None
        c.status = ConsultationStatus.PLANNED
        c.outcome_items, c.attachments, c.speeches = [], [], []
        c.minutes = c.consensus = ""
        c.checklist = checklist_from(self.template(c.kind))
        return c

    # --- writing ----------------------------------------------------------------------------

    def save(self, c: Consultation) -> Consultation:
        """Create or update in one transaction: validation first, the 编号 on first save, an
        audit entry with what changed. A locked (archived) record must be unlocked first."""
        problems = validate_consultation(c, self.ctx.today())
        if problems:
            raise ValidationError(problems)
        # Work on a copy: if the transaction fails, the caller's object must not keep a number
        # that was never stored (a retry would then reuse it).
        c = copy.deepcopy(c)
        with self.ctx.db.session() as s:
            old = repo.get_consultation(s, c.id) if c.id else None
            if old is not None and old.is_locked:
                raise LockedError(f"{old.number} 已归档，是只读的。如需修改，请先解锁并填写原因。")
            if old is not None:
                check_not_stale(old.revision, c.revision, f"协商活动 {old.number} ")
            group = repo.get_group(s, c.group_id) if c.group_id else None
            if group is None:
                raise ValidationError([Problem("group_id", "所选联络组不存在，请重新选择。")])
            if c.number:
                holder = repo.consultation_id_by_number(s, c.number)
                if holder is not None and holder != c.id:
                    raise ValidationError(
                        [
                            Problem(
                                "number",
                                f"编号 {c.number} 已被另一条记录使用。请留空，保存时会自动编号。",
                            )
                        ]
                    )
                parsed = parse_consultation_number(c.number)
                if parsed and parsed.short_name == group.short_name:
                    # A number brought in from elsewhere (a ledger) must never be handed out again.
                    repo.raise_sequence(
                        s, f"consultation:{group.id}:{parsed.year}:{parsed.kind.value}", parsed.seq
                    )
            else:
                assert c.held_on is not None
                scope = f"consultation:{group.id}:{c.held_on.year}:{c.kind.value}"
                seq = repo.next_sequence(s, scope)
                c.number = consultation_number(group.short_name, c.held_on.year, c.kind, seq)
            saved = repo.save_consultation(s, c, self.ctx.now())
            if old is None:
                audit(
                    self.ctx, s, "consultation", saved, AuditAction.CREATE, f"新建 {saved.number}"
                )
                if saved.is_locked:  # recorded straight into the archive (e.g. an import)
                    audit(self.ctx, s, "consultation", saved, AuditAction.LOCK)
            else:
                changes = changes_between(old, saved)
                audit(self.ctx, s, "consultation", saved, AuditAction.UPDATE, changes=changes)
            return saved

    def archive(self, consultation_id: int) -> Consultation:
        return self._set_lock(consultation_id, ConsultationStatus.ARCHIVED, AuditAction.LOCK, "")

    def unlock(self, consultation_id: int, reason: str) -> Consultation:
        if not reason.strip():
            raise ValidationError([Problem("reason", "解锁已归档的记录需要填写原因。")])
        return self._set_lock(
            consultation_id, ConsultationStatus.COMPLETED, AuditAction.UNLOCK, reason.strip()
        )

    def _set_lock(
        self, consultation_id: int, status: ConsultationStatus, action: AuditAction, reason: str
    ) -> Consultation:
        with self.ctx.db.session() as s:
            c = repo.get_consultation(s, consultation_id)
            if c is None:
                raise KeyError(consultation_id)
            c.status = status
            saved = repo.save_consultation(s, c, self.ctx.now())
            audit(self.ctx, s, "consultation", saved, action, reason=reason)
            return saved

    # --- outcome items ----------------------------------------------------------------------

    def search_outcome_items(
        self, f: OutcomeFilter = OutcomeFilter(), page: PageRequest = PageRequest()
    ) -> Page[OutcomeItemSummary]:
        with self.ctx.db.session() as s:
            return repo.list_outcome_items(s, f, page)

    def today(self) -> date:
        """The day follow-up is judged on (overdue, due soon): the services' clock, which tests
        fix, rather than the PC's calendar."""
        return self.ctx.today()

    def responsible_bodies(self, group_id: int | None = None) -> list[str]:
        """The responsible bodies (责任单位) named on live outcome items, each once, sorted: what
        a filter offers for completion."""
        stmt = (
            select(OutcomeItemRow.responsible_body)
            .join(ConsultationRow, ConsultationRow.id == OutcomeItemRow.consultation_id)
            .where(
                OutcomeItemRow.deleted_at.is_(None),
                ConsultationRow.deleted_at.is_(None),
                OutcomeItemRow.responsible_body != "",
            )
            .distinct()
        )
        if group_id is not None:
            stmt = stmt.where(ConsultationRow.group_id == group_id)
        with self.ctx.db.session() as s:
            bodies = {body.strip() for body in s.scalars(stmt) if body and body.strip()}
        return sorted(bodies)

    def save_outcome_item(self, item: OutcomeItem) -> OutcomeItem:
        problems = validate_outcome_item(item, self.ctx.today())
        if problems:
            raise ValidationError(problems)
        with self.ctx.db.session() as s:
            old = repo.get_outcome_item(s, item.id) if item.id else None
            if old is not None:
                check_not_stale(old.revision, item.revision, "这条意见建议")
            repo.refuse_if_locked(s, item.consultation_id, None)
            saved = repo.save_outcome_item(s, item, self.ctx.now())
            action = AuditAction.UPDATE if old else AuditAction.CREATE
            audit(self.ctx, s, "outcome_item", saved, action, changes=changes_between(old, saved))
            return saved

    def set_outcome_status(
        self,
        item_ids: list[int],
        status: OutcomeStatus,
        resolved_on: date | None = None,
        reason: str = "",
    ) -> list[OutcomeItem]:
        """Change the status of several items at once, in one transaction."""
        results: list[OutcomeItem] = []
        with self.ctx.db.session() as s:
            for item_id in item_ids:
                item = repo.get_outcome_item(s, item_id)
                if item is None:
                    raise KeyError(item_id)
                repo.refuse_if_locked(s, item.consultation_id, None)
                old = copy.deepcopy(item)
                item.status = status
                if status is OutcomeStatus.SOLVED:
                    item.resolved_on = resolved_on or item.resolved_on or self.ctx.today()
                if status is OutcomeStatus.UNSOLVED:
                    item.unsolved_reason = reason or item.unsolved_reason
                problems = validate_outcome_item(item, self.ctx.today())
                if problems:
                    raise ValidationError(problems)
                saved = repo.save_outcome_item(s, item, self.ctx.now())
                audit(
                    self.ctx,
                    s,
                    "outcome_item",
                    saved,
                    AuditAction.UPDATE,
                    changes=changes_between(old, saved),
                )
                results.append(saved)
        return results

    def record_revisit(
        self, item_id: int, on: date, note: str, satisfaction: Satisfaction | None
    ) -> OutcomeItem:
        """回头看: the date of the revisit, what was found, and the residents' satisfaction."""
        with self.ctx.db.session() as s:
            item = repo.get_outcome_item(s, item_id)
            if item is None:
                raise KeyError(item_id)
        item.revisit_on, item.revisit_note, item.satisfaction = on, note, satisfaction
        return self.save_outcome_item(item)
