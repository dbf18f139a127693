"""Case write-ups (协商案例) and the submissions (报送记录) that carry them upward."""

from __future__ import annotations

import copy
import hashlib
import itertools
from collections.abc import Collection
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from liaison_desk.domain.entities import (
    Case,
    Consultation,
    LiaisonGroup,
    Submission,
)
from liaison_desk.domain.enums import (
    AttachmentKind,
    AuditAction,
    CaseStatus,
    ConsultationKind,
    ParticipantCategory,
    SubmissionResult,
)
from liaison_desk.domain.numbering import archive_number
from liaison_desk.domain.queries import CaseFilter, Page, PageRequest
from liaison_desk.domain.rules import (
    LockedError,
    Problem,
    ValidationError,
    check_not_stale,
    validate_case,
)
from liaison_desk.domain.serialization import DataError, from_data, to_data
from liaison_desk.domain.wordcount import count_words
from liaison_desk.services.base import ServiceContext, audit, changes_between
from liaison_desk.storage import repositories as repo
from liaison_desk.storage.session import Session

_RESULT_TO_STATUS = {
    SubmissionResult.SELECTED: CaseStatus.SELECTED,
    SubmissionResult.RETURNED: CaseStatus.RETURNED,
    SubmissionResult.NOT_SELECTED: CaseStatus.SUBMITTED,
    SubmissionResult.PENDING: CaseStatus.SUBMITTED,
}


@dataclass(frozen=True)
class LinkedConsultation:
    """A consultation a case is written from, as the case's page lists it."""

    id: int
    number: str
    title: str
    held_on: date | None
    deleted: bool  # in the recycle bin


@dataclass(frozen=True)
class PhotoChoice:
    """A photo a case can show: one of its linked consultations' photos, or one added to the
    case itself (``consultation_number`` empty)."""

    attachment_id: int
    sha256: str
    caption: str
    consultation_number: str
    taken_at: datetime | None


class CaseService:
    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    def search(self, f: CaseFilter = CaseFilter(), page: PageRequest = PageRequest()) -> Page[Case]:
        with self.ctx.db.reading() as s:
            return repo.list_cases(s, f, page)

    def get(self, case_id: int) -> Case | None:
        with self.ctx.db.reading() as s:
            return repo.get_case(s, case_id)

    def in_statuses(
        self, statuses: Collection[CaseStatus], f: CaseFilter = CaseFilter()
    ) -> list[Case]:
        """The cases matching ``f`` whose status is any of ``statuses`` (e.g. 已报送 or 入选);
        ``f.status``, when set, has to match too. A district writes dozens of cases a year, so
        the list is filtered here rather than in SQL."""
        wanted = set(statuses)
        return [c for c in self.search(f).items if c.status in wanted]

    def photo_files(self, case: Case) -> list[tuple[str, str]]:
        """(sha256, caption) of the case's chosen photos, in the case's order. A photo that is
        gone or in the recycle bin is left out; the caption is the case's own, or the photo's
        when the case gives none."""
        files: list[tuple[str, str]] = []
        with self.ctx.db.reading() as s:
            for photo in case.photos:
                att = repo.get_attachment(s, photo.attachment_id)
                if att is None or att.is_deleted:
                    continue
                files.append((att.sha256, photo.caption or att.caption))
        return files

    def linked_consultations(self, case: Case) -> list[LinkedConsultation]:
        """The consultations the case is written from, in the case's order (those purged from
        the recycle bin are left out)."""
        linked: list[LinkedConsultation] = []
        with self.ctx.db.reading() as s:
            for cid in case.consultation_ids:
                c = repo.get_consultation(s, cid)
                if c is None or c.id is None:
                    continue
                linked.append(LinkedConsultation(c.id, c.number, c.title, c.held_on, c.is_deleted))
        return linked

    @staticmethod
    def word_count(case: Case) -> int:
        return count_words(case.full_text())

    def save(self, case: Case, reason: str = "") -> Case:
        """Save a case. A submitted case is locked: changing it needs a reason and starts a new
        version (the submitted one stays readable in the audit history)."""
        problems = validate_case(case)
        if problems:
            raise ValidationError(problems)
        with self.ctx.db.session() as s:
            repo.lock_record(s, "case", case.id)
            old = repo.get_case(s, case.id) if case.id else None
            if old is not None:
                check_not_stale(old.revision, case.revision, f"案例《{old.title}》")
            if old is not None and old.is_locked:
                if not reason.strip():
                    raise LockedError(
                        f"案例《{old.title}》已报送，是只读的。修改需要填写原因，并将生成新版本。",
                        english=f"The case “{old.title}” has been submitted and is read-only. "
                        "Changing it needs a reason and makes a new version.",
                    )
                case.version = old.version + 1
                case.status = CaseStatus.DRAFT
            if case.status is CaseStatus.FINAL and not case.archive_number:
                self._assign_archive_number(s, case)
            case.finalised_on = finalised_on(old, case, self.ctx.today())
            saved = repo.save_case(s, case, self.ctx.now())
            if saved.status is CaseStatus.FINAL:
                number_record_sheets(s, saved)
            if old is None:
                audit(self.ctx, s, "case", saved, AuditAction.CREATE, f"新建案例《{saved.title}》")
            else:
                changes = changes_between(old, saved)
                # The whole earlier version is kept with the entry, so it stays readable.
                if old.is_locked:
                    changes["previous_version"] = [old.version, saved.version]
                    changes["previous_text"] = [old.full_text(), None]
                    changes["previous_case"] = [to_data(old), None]
                audit(
                    self.ctx, s, "case", saved, AuditAction.UPDATE, changes=changes, reason=reason
                )
            return saved

    def versions(self, case_id: int) -> list[Case]:
        """The earlier versions of a case, oldest first, as they were when a change to the
        submitted case started the next version (read-only copies; kept in the audit log)."""
        with self.ctx.db.reading() as s:
            uuid = repo.record_uuid(s, "case", case_id)
            if uuid is None:
                return []
            entries = repo.list_audit(s, "case", uuid)
        found: dict[int, Case] = {}
        for entry in entries:
            data = entry.changes.get("previous_case")
            if not isinstance(data, list) or not data or not isinstance(data[0], dict):
                continue
            try:
                old = from_data(Case, data[0])
            except (DataError, ValueError, TypeError):
                continue
            found[old.version] = old
        return [found[v] for v in sorted(found)]

    def photo_choices(self, case: Case) -> list[PhotoChoice]:
        """The photos the case can choose from: those of its linked consultations (in the
        case's order of consultations, then each one's photo order) and those added to the case
        itself. Photos in the recycle bin are left out."""
        choices: list[PhotoChoice] = []
        with self.ctx.db.reading() as s:
            for cid in case.consultation_ids:
                c = repo.get_consultation(s, cid)
                if c is None or c.is_deleted:
                    continue
                photos = [
                    a
                    for a in c.attachments
                    if a.kind is AttachmentKind.PHOTO and not a.is_deleted and a.id is not None
                ]
                photos.sort(key=lambda a: (a.position, a.id or 0))
                choices += [
                    PhotoChoice(a.id or 0, a.sha256, a.caption, c.number, a.taken_at)
                    for a in photos
                ]
            if case.id is not None:
                choices += [
                    PhotoChoice(a.id or 0, a.sha256, a.caption, "", a.taken_at)
                    for a in repo.case_photos(s, case.id)
                ]
        return choices

    def basic_info_from_consultations(self, case: Case) -> str:
        """The text of 基本信息 drawn from the linked consultations: organiser (the group),
        dates, places, forms, participants (人次 by category), suggestions raised and problems
        solved. One fact per line ("项目：内容"); the user edits it afterwards. Consultations in
        the recycle bin are left out. Empty when no consultation is linked."""
        with self.ctx.db.reading() as s:
            records = [repo.get_consultation(s, cid) for cid in case.consultation_ids]
            linked = [c for c in records if c is not None and not c.is_deleted]
            group = repo.get_group(s, case.group_id) if case.group_id else None
            if group is None and linked and linked[0].group_id:
                group = repo.get_group(s, linked[0].group_id)
        return basic_info_text(case, linked, group)

    def _assign_archive_number(self, s: Session, case: Case) -> None:
        group = repo.get_group(s, case.group_id) if case.group_id else None
        if group is None or not group.fonds_code or not group.org_code:
            raise ValidationError(
                [
                    Problem(
                        "archive_number",
                        "定稿需要生成档号：请先在设置中填写联络组的全宗号和机构代码。",
                    )
                ]
            )
        scope = f"archive:{group.id}:{case.year}:{case.retention.value}"
        item = repo.next_sequence(s, scope)
        case.archive_number = archive_number(
            group.fonds_code, case.year, case.retention, group.org_code, item
        )


def finalised_on(old: Case | None, case: Case, today: date) -> date | None:
    """The 定稿 day ``case`` is saved with (the 日期 of its catalogue row): today when it becomes
    定稿 or its final text changes; kept as it was once sent on (已报送, 入选, 退回); none for a
    draft (a new version is finalised again). Never the day of the last save: exporting a case
    saves it too."""
    if case.status is CaseStatus.DRAFT:
        return None
    if case.status is CaseStatus.FINAL:
        unchanged = (
            old is not None
            and old.status is CaseStatus.FINAL
            and old.finalised_on is not None
            and old.full_text() == case.full_text()
        )
        return old.finalised_on if unchanged and old is not None else today
    return old.finalised_on if old is not None else case.finalised_on


def number_record_sheets(s: Session, case: Case) -> None:
    """Give each linked session's record sheet its 档号 (DA/T 22: a 件 of its own, numbered in
    the same sequence as the cases, so no 件号 is given twice): the session's group and year, the
    case's 保管期限. A sheet keeps the 档号 it was first given. ValidationError when neither the
    session's group nor the case's has its 全宗号 and 机构代码."""
    case_group = repo.get_group(s, case.group_id) if case.group_id else None
    for cid in case.consultation_ids:
        c = repo.get_consultation(s, cid)
        if c is None or c.id is None or c.is_deleted or c.archive_number:
            continue
        group = repo.get_group(s, c.group_id) if c.group_id else None
        if group is None or not group.fonds_code or not group.org_code:
            group = case_group
        if group is None or group.id is None or not group.fonds_code or not group.org_code:
            raise ValidationError(
                [
                    Problem(
                        "archive_number",
                        f"{c.number} 的记录表需要生成档号：请先在设置中填写联络组的全宗号和"
                        "机构代码。",
                    )
                ]
            )
        year = c.held_on.year if c.held_on else case.year
        item = repo.next_sequence(s, f"archive:{group.id}:{year}:{case.retention.value}")
        repo.set_record_archive_number(
            s, c.id, archive_number(group.fonds_code, year, case.retention, group.org_code, item)
        )


def _chinese_date(d: date) -> str:
    return f"{d.year}年{d.month}月{d.day}日"


def _dates_text(days: list[date]) -> str:
    """ "2024年3月5日", "2024年3月5日、4月2日" or, for many, "2024年3月5日至11月20日（共6次）"."""
    days = sorted(set(days))
    if not days:
        return ""

    def short(d: date, previous: date) -> str:
        return f"{d.month}月{d.day}日" if d.year == previous.year else _chinese_date(d)

    if len(days) <= 3:
        parts = [_chinese_date(days[0])]
        parts += [short(d, p) for p, d in itertools.pairwise(days)]
        return "、".join(parts)
    return f"{_chinese_date(days[0])}至{short(days[-1], days[0])}（共{len(days)}次）"


def basic_info_text(case: Case, linked: list[Consultation], group: LiaisonGroup | None) -> str:
    """See ``CaseService.basic_info_from_consultations``."""
    if not linked:
        return ""
    lines: list[str] = []
    if case.title.strip():
        lines.append(f"协商主题：{case.title.strip()}")
    if group is not None:
        lines.append(f"组织单位：{group.name}")
    held = [c.held_on for c in linked if c.held_on is not None]
    if held:
        lines.append(f"协商时间：{_dates_text(held)}")
    venues = list(dict.fromkeys(c.venue.strip() for c in linked if c.venue.strip()))
    if venues:
        lines.append(f"协商地点：{'、'.join(venues)}")
    halls = sum(1 for c in linked if c.kind is ConsultationKind.HALL)
    micros = len(linked) - halls
    forms = [f"民生议事堂协商{halls}场" if halls else "", f"微协商{micros}次" if micros else ""]
    lines.append(f"协商形式：{'、'.join(f for f in forms if f)}")
    lines.append(f"活动编号：{'、'.join(c.number for c in linked if c.number) or '—'}")
    by_category: dict[ParticipantCategory, int] = {}
    for c in linked:
        for p in c.participants:
            if p.attended:
                by_category[p.category] = by_category.get(p.category, 0) + 1
        for h in c.head_counts:
            by_category[h.category] = by_category.get(h.category, 0) + h.count
    total = sum(c.attendance_total for c in linked)
    detail = "、".join(
        f"{category.label}{by_category[category]}人次"
        for category in ParticipantCategory
        if by_category.get(category)
    )
    attendance = f"参与情况：共{total}人次参与"
    if detail:
        attendance += f"，其中{detail}"
    lines.append(attendance)
    items = sum(c.suggestion_count for c in linked)
    solved = sum(c.solved_count for c in linked)
    on_spot = sum(
        1 for c in linked for i in c.outcome_items if not i.is_deleted and i.solved_on_spot
    )
    adopted = sum(1 for c in linked for i in c.outcome_items if not i.is_deleted and i.adopted)
    outcome = f"协商成果：提出意见建议{items}条"
    if adopted:
        outcome += f"，采纳{adopted}条"
    outcome += f"，已解决问题{solved}条"
    if on_spot:
        outcome += f"（其中现场解决{on_spot}条）"
    lines.append(outcome)
    return "\n".join(lines)


class SubmissionService:
    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    def all(self, group_id: int | None = None) -> list[Submission]:
        with self.ctx.db.reading() as s:
            return repo.list_submissions(s, group_id)

    def get(self, submission_id: int) -> Submission | None:
        with self.ctx.db.reading() as s:
            return repo.get_submission(s, submission_id)

    def record(self, submission: Submission, package: Path | None = None) -> Submission:
        """Record what was sent; the cases become 已报送 (locked)."""
        if not submission.target.strip():
            raise ValidationError(
                [Problem("target", "请填写报送对象，如“市政协优秀协商案例征集”。")]
            )
        if not submission.cases:
            raise ValidationError([Problem("cases", "请至少选择一个报送的案例。")])
        if package is not None:
            submission.file_name = package.name
            submission.sha256 = _sha256(package)
        with self.ctx.db.session() as s:
            for sc in submission.cases:
                case = repo.get_case(s, sc.case_id)
                if case is None:
                    raise ValidationError([Problem("cases", f"案例（编号 {sc.case_id}）不存在。")])
                if case.status is not CaseStatus.SELECTED:
                    case.status = CaseStatus.SUBMITTED
                repo.save_case(s, case, self.ctx.now())
                audit(self.ctx, s, "case", case, AuditAction.LOCK, f"报送：{submission.target}")
            saved = repo.save_submission(s, submission, self.ctx.now())
            audit(self.ctx, s, "submission", saved, AuditAction.CREATE, f"报送 {saved.target}")
            return saved

    def set_result(
        self, submission_id: int, case_id: int, result: SubmissionResult, note: str = ""
    ) -> Submission:
        """入选 / 未入选 / 退回修改 for one case; the case's status follows."""
        with self.ctx.db.session() as s:
            sub = repo.get_submission(s, submission_id)
            if sub is None:
                raise KeyError(submission_id)
            old = copy.deepcopy(sub)
            entry = next((c for c in sub.cases if c.case_id == case_id), None)
            if entry is None:
                # A result belongs to a case that was sent; recording one for another case would
                # quietly add it to what the ledger says was submitted.
                raise ValidationError(
                    [Problem("case_id", "这篇案例不在这次报送中，不能登记它的报送结果。")]
                )
            entry.result, entry.note = result, note
            case = repo.get_case(s, case_id)
            if case is not None:
                case.status = _RESULT_TO_STATUS[result]
                repo.save_case(s, case, self.ctx.now())
                audit(
                    self.ctx,
                    s,
                    "case",
                    case,
                    AuditAction.UPDATE,
                    f"报送结果：{result.label}",
                    reason=note,
                )
            saved = repo.save_submission(s, sub, self.ctx.now())
            audit(
                self.ctx,
                s,
                "submission",
                saved,
                AuditAction.UPDATE,
                changes=changes_between(old, saved),
            )
            return saved


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()
