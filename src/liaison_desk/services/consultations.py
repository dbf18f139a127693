"""Recording consultations and following up their outcome items."""

from __future__ import annotations

import copy
from collections.abc import Callable
from datetime import date

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
    ConsultationTotals,
    OutcomeFilter,
    OutcomeItemSummary,
    Page,
    PageRequest,
)
from liaison_desk.domain.rules import (
    LockedError,
    Problem,
    ValidationError,
    archived_error,
    check_not_stale,
    validate_consultation,
    validate_outcome_item,
)
from liaison_desk.domain.serialization import from_data, to_data
from liaison_desk.services.base import ServiceContext, audit, changes_between
from liaison_desk.storage import repositories as repo
from liaison_desk.storage.session import Session

# What restoring an earlier revision puts back: the consultation's own fields. Not the number
# (it never changes), the status (archiving and unlocking have their own reasoned steps) or the
# author; nor outcome items and attachments, which have their own history (their follow-up
# goes on after the meeting and rolling it back with the minutes would lose it).
RESTORED_FIELDS: tuple[str, ...] = (
    "kind",
    "title",
    "topic_source",
    "group_id",
    "held_on",
    "start_time",
    "end_time",
    "venue",
    "host",
    "recorder",
    "participants",
    "head_counts",
    "agenda",
    "speeches",
    "minutes",
    "consensus",
    "checklist",
)

# Audit entries after which the record's fields are known: the states one can go back to.
_REVISION_ACTIONS = (AuditAction.CREATE, AuditAction.UPDATE, AuditAction.REVERT)


class ConsultationService:
    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    # --- reading ----------------------------------------------------------------------------

    def search(
        self,
        f: ConsultationFilter = ConsultationFilter(),
        page: PageRequest = PageRequest(),
        *,
        matched: int | None = None,
    ) -> Page[ConsultationSummary]:
        """``matched``: the total when the list counted it already (each next page of a list
        is not counted again: 10–40 ms over every year)."""
        with self.ctx.db.reading() as s:
            return repo.list_consultations(s, f, page, matched=matched)

    def sorts_text(self) -> bool:
        """Whether ``search`` and ``search_outcome_items`` sort a text column (topic, venue,
        content) in the lists' order (pinyin): on SQLite; a server's lists sort text
        themselves."""
        return self.ctx.db.sorts_text

    def totals(self, f: ConsultationFilter = ConsultationFilter()) -> ConsultationTotals:
        """Count and sums (attendance, suggestions, solved) of every consultation matching
        ``f``: a list shows them without loading every row."""
        with self.ctx.db.reading() as s:
            return repo.consultation_totals(s, f)

    def get(self, consultation_id: int) -> Consultation | None:
        with self.ctx.db.reading() as s:
            return repo.get_consultation(s, consultation_id)

    def get_by_number(self, number: str) -> Consultation | None:
        with self.ctx.db.reading() as s:
            cid = repo.consultation_id_by_number(s, number)
            return repo.get_consultation(s, cid) if cid else None

    def history(self, consultation_id: int) -> list[AuditEntry]:
        """What happened to the record, oldest first: created, changed, locked (archived) and
        unlocked with the reason, by whom and when. Empty for an unknown id."""
        with self.ctx.db.reading() as s:
            uuid = repo.record_uuid(s, "consultation", consultation_id)
            if uuid is None:
                return []
            return repo.list_audit(s, "consultation", uuid)

    def revisions(self, consultation_id: int) -> list[AuditEntry]:
        """The revisions the record can be put back to, oldest first: its creation, every
        saved change and every earlier restore, each with its revision number, who, when,
        what changed and the reason. The last one is the record's present content."""
        return [e for e in self.history(consultation_id) if e.action in _REVISION_ACTIONS]

    def restore_revision(
        self,
        consultation_id: int,
        revision: int,
        reason: str,
        expected_revision: int | None = None,
    ) -> Consultation:
        """Put the consultation's own fields (``RESTORED_FIELDS``) back as they were at
        ``revision``, saved as a new revision with an audit entry carrying ``reason``. The
        restore is itself a revision, so it can be undone the same way. Outcome items and
        attachments stay as they are. An archived record must be unlocked first;
        ``expected_revision`` (the revision the user is looking at) refuses a restore over
        changes saved meanwhile elsewhere."""
        if not reason.strip():
            raise ValidationError([Problem("reason", "恢复历史版本需要填写原因。")])
        with self.ctx.db.session() as s:
            repo.lock_record(s, "consultation", consultation_id)
            current = repo.get_consultation(s, consultation_id)
            if current is None:
                raise KeyError(consultation_id)
            if current.is_locked:
                raise LockedError(
                    f"{current.number} 已归档，是只读的。如需恢复历史版本，请先解锁并填写原因。",
                    english=f"{current.number} is archived and read-only. To restore an earlier "
                    "version, unlock it first and give a reason.",
                )
            if expected_revision is not None:
                check_not_stale(current.revision, expected_revision, f"协商活动 {current.number} ")
            entries = repo.list_audit(s, "consultation", current.uuid)
            target = max(
                (
                    i
                    for i, e in enumerate(entries)
                    if e.revision == revision and e.action in _REVISION_ACTIONS
                ),
                default=None,
            )
            if target is None:
                raise ValidationError(
                    [
                        Problem(
                            "revision", f"{current.number} 没有第 {revision} 版，请刷新历史记录。"
                        )
                    ]
                )
            # Undo, newest first, what every later entry changed: each field ends as it was
            # before the earliest change after the target.
            data = to_data(current)
            for entry in reversed(entries[target + 1 :]):
                for name, change in entry.changes.items():
                    if name in RESTORED_FIELDS and isinstance(change, list) and len(change) == 2:
                        data[name] = change[0]
            restored = from_data(Consultation, data)
            restored.outcome_items = current.outcome_items
            restored.attachments = current.attachments
            if not changes_between(current, restored):
                raise ValidationError(
                    [Problem("revision", f"第 {revision} 版的内容与现在相同，无需恢复。")]
                )
            problems = validate_consultation(restored, self.ctx.today())
            if problems:
                raise ValidationError(problems)
            if restored.group_id != current.group_id and (
                restored.group_id is None or repo.get_group(s, restored.group_id) is None
            ):
                raise ValidationError(
                    [Problem("group_id", f"第 {revision} 版的联络组已不存在，不能恢复这一版。")]
                )
            saved = repo.save_consultation(s, restored, self.ctx.now())
            audit(
                self.ctx,
                s,
                "consultation",
                saved,
                AuditAction.REVERT,
                f"恢复到第 {revision} 版",
                changes=changes_between(current, saved),
                reason=reason.strip(),
            )
            return saved

    def template(self, kind: ConsultationKind) -> ProcedureTemplate:
        with self.ctx.db.reading() as s:
            return repo.get_template(s, kind)

    def save_template(self, template: ProcedureTemplate) -> None:
        with self.ctx.db.session() as s:
            repo.save_template(s, template)

    def new(self, kind: ConsultationKind, group_id: int | None) -> Consultation:
        """A blank consultation with its own copy of the current checklist of its kind, held
        today and so completed (the form makes it planned when its date is moved ahead)."""
        return Consultation(
            kind=kind,
            title="",
            group_id=group_id,
            held_on=self.ctx.today(),
            venue="",
            status=ConsultationStatus.COMPLETED,
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
            return self.save_in(s, c)

    def save_in(self, s: Session, c: Consultation) -> Consultation:
        """The body of ``save`` inside the caller's transaction, so that several records are
        saved together or not at all (a ledger import). ``c`` must be validated already and is
        changed (it gets its number): pass a copy."""
        repo.lock_record(s, "consultation", c.id)
        old = repo.get_consultation(s, c.id) if c.id else None
        if old is not None and old.is_locked:
            raise archived_error(old.number)
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
            audit(self.ctx, s, "consultation", saved, AuditAction.CREATE, f"新建 {saved.number}")
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
        self,
        f: OutcomeFilter = OutcomeFilter(),
        page: PageRequest = PageRequest(),
        *,
        matched: int | None = None,
    ) -> Page[OutcomeItemSummary]:
        """``matched``: as for ``search``."""
        with self.ctx.db.reading() as s:
            return repo.list_outcome_items(s, f, page, matched=matched)

    def today(self) -> date:
        """The day follow-up is judged on (overdue, due soon): the services' clock, which tests
        fix, rather than the PC's calendar."""
        return self.ctx.today()

    def responsible_bodies(self, group_id: int | None = None) -> list[str]:
        """The responsible bodies (责任单位) named on live outcome items, each once, sorted: what
        a filter offers for completion."""
        with self.ctx.db.reading() as s:
            return sorted(repo.responsible_bodies(s, group_id))

    def venues(self, group_id: int | None = None, limit: int = 50) -> list[str]:
        """Venues of the group's earlier consultations (all groups' when None), each once, the
        most recently used first: what the form's venue field offers."""
        with self.ctx.db.reading() as s:
            return repo.venues(s, group_id, limit)

    def save_outcome_item(self, item: OutcomeItem) -> OutcomeItem:
        problems = validate_outcome_item(item, self.ctx.today())
        if problems:
            raise ValidationError(problems)
        with self.ctx.db.session() as s:
            repo.lock_record(s, "outcome_item", item.id)
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

        def change(item: OutcomeItem) -> None:
            item.status = status
            if status is OutcomeStatus.SOLVED:
                item.resolved_on = resolved_on or item.resolved_on or self.ctx.today()
            elif status.is_open:  # back to work: it is no longer solved on any day
                item.resolved_on = None
            if status in (OutcomeStatus.UNSOLVED, OutcomeStatus.NOT_ADOPTED):
                # Why it stays unsolved or was not taken up (required for 未解决).
                item.unsolved_reason = reason.strip() or item.unsolved_reason

        return self._change_items(item_ids, change)

    def record_revisit(
        self, item_id: int, on: date, note: str, satisfaction: Satisfaction | None
    ) -> OutcomeItem:
        """回头看: the date of the revisit, what was found, and the residents' satisfaction."""
        return self.record_revisits([item_id], on, note, satisfaction)[0]

    def record_revisits(
        self, item_ids: list[int], on: date, note: str, satisfaction: Satisfaction | None
    ) -> list[OutcomeItem]:
        """The same 回头看 for several items (one visit looked at them together), in one
        transaction: all are recorded or, if one is locked or breaks a rule, none."""

        def change(item: OutcomeItem) -> None:
            item.revisit_on, item.revisit_note, item.satisfaction = on, note, satisfaction

        return self._change_items(item_ids, change)

    def _change_items(
        self, item_ids: list[int], change: Callable[[OutcomeItem], None]
    ) -> list[OutcomeItem]:
        """Apply ``change`` to each item and save them all in one transaction, each checked
        against the rules and its consultation's lock, each with its audit entry."""
        results: list[OutcomeItem] = []
        with self.ctx.db.session() as s:
            for item_id in item_ids:
                item = repo.get_outcome_item(s, item_id)
                if item is None:
                    raise KeyError(item_id)
                repo.refuse_if_locked(s, item.consultation_id, None)
                old = copy.deepcopy(item)
                change(item)
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
