"""Health check of a database and its attachment store: is everything still there and sound?

Run by ``liaison-desk verify`` and by the "check data" action. It only reads: SQLite's own
integrity and foreign-key checks, the schema revision, every attachment file re-hashed against its
name, consultation numbers, and the totals kept on each consultation row compared with what its
details add up to. Each problem is a Chinese sentence that says what is wrong and what to do.
"""

from __future__ import annotations

import contextlib
import logging
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from sqlalchemy import inspect, select
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError, OperationalError
from sqlalchemy.orm import Session, selectinload

from liaison_desk.domain.collation import sort_key
from liaison_desk.domain.numbering import parse_consultation_number
from liaison_desk.progress import Progress
from liaison_desk.storage import repositories as repo
from liaison_desk.storage import search_index
from liaison_desk.storage.attachments import AttachmentStore
from liaison_desk.storage.database import (
    Database,
    head_revision,
    known_revisions,
    sqlite_problem,
    translate_operational_error,
)
from liaison_desk.storage.errors import StorageError
from liaison_desk.storage.models import AttachmentRow, Base, CaseRow, ConsultationRow, PersonRow
from liaison_desk.storage.repositories.consultations import consultation_from_row

log = logging.getLogger(__name__)

__all__ = ["RECORD_LABELS", "HealthReport", "check_database"]

#: Names of the record types of ``repositories.count_rows``, in the order a report lists them.
RECORD_LABELS: dict[str, str] = {
    "group": "联络组",
    "person": "人员",
    "consultation": "协商活动",
    "outcome_item": "意见建议",
    "attachment": "附件",
    "case": "协商案例",
    "submission": "报送记录",
}
ATTACHMENT_FILES = "attachment_files"
_ATTACHMENT_FILES_LABEL = "附件文件（附件文件夹中）"

#: Totals stored on consultation rows and what they are called on screen.
_COUNT_FIELDS: tuple[tuple[str, str], ...] = (
    ("attendance_total", "参与人次"),
    ("member_attendance", "委员人次"),
    ("suggestion_count", "意见建议数"),
    ("solved_count", "已解决数"),
)

#: Past this many problems of one kind, the rest are summed up in one line.
_DETAIL_LIMIT = 50
_CHUNK = 500

_RESTORE_HINT = "请从最近的备份恢复（liaison-desk restore 备份文件），恢复前不要继续录入。"


@dataclass
class HealthReport:
    problems: list[str] = field(default_factory=list)  # each says what is wrong and what to do
    warnings: list[str] = field(default_factory=list)  # harmless, e.g. unreferenced files
    counts: dict[str, int] = field(default_factory=dict)  # rows per record type + files
    revision: str | None = None
    database: str = ""  # the file (or server URL without password) that was checked
    store: str = ""  # the attachment folder, if any
    #: The database checked is inside a backup being restored: its problems refuse the backup,
    #: so they do not end in advice to restore from a backup or to fix the record.
    of_backup: bool = field(default=False, repr=False)

    @property
    def hint(self) -> str:
        return "" if self.of_backup else _RESTORE_HINT

    @property
    def healthy(self) -> bool:
        return not self.problems

    def render(self) -> str:
        lines = ["数据检查报告", f"数据库：{self.database or '（未知）'}"]
        if self.store:
            lines.append(f"附件文件夹：{self.store}")
        if self.revision is None:
            lines.append("数据库版本：（未知）")
        elif self.revision == head_revision():
            lines.append(f"数据库版本：{self.revision}（最新）")
        else:
            lines.append(f"数据库版本：{self.revision}")
        lines.append("记录数量（含回收站）：")
        for key, label in RECORD_LABELS.items():
            if key in self.counts:
                lines.append(f"  {label}：{self.counts[key]}")
        if ATTACHMENT_FILES in self.counts:
            lines.append(f"  {_ATTACHMENT_FILES_LABEL}：{self.counts[ATTACHMENT_FILES]}")
        lines.append("")
        if self.problems:
            lines.append(f"发现 {len(self.problems)} 个问题：")
            lines.extend(f"  {i}. {p}" for i, p in enumerate(self.problems, 1))
        else:
            lines.append("检查通过，数据库健康。")
        if self.warnings:
            lines.append("")
            lines.append("提示（不影响使用）：")
            lines.extend(f"  - {w}" for w in self.warnings)
        return "\n".join(lines)


def check_database(
    db: Database,
    store: AttachmentStore | None,
    progress: Progress | None = None,
    *,
    of_backup: bool = False,
) -> HealthReport:
    """Check ``db`` and ``store`` without changing either.

    ``progress(done, total)`` is called as attachment files are re-hashed (the slow part); a
    cancel raises ``liaison_desk.progress.Cancelled`` out of it. ``of_backup``: ``db`` is the
    database of a backup about to be restored (see ``HealthReport.of_backup``).
    """
    report = HealthReport(
        database=_describe(db), store=str(store.root) if store else "", of_backup=of_backup
    )
    if db.is_sqlite:
        _check_sqlite(db, report)
    _check_revision(db, report)
    if report.revision == head_revision() and not _check_schema(db, report):
        return report  # the checks below would only fail on the missing tables
    try:
        with db.session() as s:
            report.counts = repo.count_rows(s)
            _check_numbers(s, report)
            _check_consultation_totals(s, report)
            _check_search_index(s, report)
            _check_sort_keys(s, report)
            references = _attachment_references(s)
    except StorageError as exc:
        # Damaged rows (e.g. text that is not UTF-8) are a finding of the check, not its end.
        cause = exc.__cause__
        if not isinstance(cause, OperationalError) or sqlite_problem(cause, db.file) != "corrupt":
            raise
        log.warning("damaged rows in %s", report.database, exc_info=True)
        report.problems.append(
            f"数据库中有无法读取的数据（{cause.orig}），数据库文件可能已损坏。{report.hint}"
        )
        return report
    if store is not None:
        _check_store(store, references, report, progress)
    elif references:
        report.warnings.append(
            "没有指定附件文件夹，附件文件未检查。如需检查附件，请在数据库所在的电脑上运行检查。"
        )
    log.info(
        "checked %s: %d problems, %d warnings",
        report.database,
        len(report.problems),
        len(report.warnings),
    )
    return report


# --------------------------------------------------------------------------------- the database


def _describe(db: Database) -> str:
    if db.file is not None:
        return str(db.file)
    return make_url(db.url).render_as_string(hide_password=True)


#: Tables of the records a foreign key can point from or to, as the user knows them.
_TABLE_LABELS = {
    "liaison_groups": "联络组",
    "people": "人员",
    "consultations": "协商活动",
    "participants": "参会人员",
    "speeches": "发言记录",
    "outcome_items": "意见建议",
    "attachments": "附件",
    "cases": "协商案例",
    "submissions": "报送记录",
    "submission_cases": "报送记录中的案例",
    "audit_entries": "修改记录",
    "procedure_steps": "协商程序步骤",
}


def _check_sqlite(db: Database, report: HealthReport) -> None:
    try:
        with db.reading_connection() as conn:
            results = [str(r[0]) for r in conn.exec_driver_sql("PRAGMA integrity_check")]
            if results != ["ok"]:
                shown = "；".join(results[:5]) + ("……" if len(results) > 5 else "")
                report.problems.append(
                    f"数据库文件已损坏（SQLite 检查结果：{shown}）。{report.hint}"
                )
            broken = list(conn.exec_driver_sql("PRAGMA foreign_key_check"))
    except DBAPIError as exc:
        log.warning("SQLite integrity check failed", exc_info=True)
        if isinstance(exc, OperationalError) and sqlite_problem(exc, db.file) not in (
            "corrupt",
            "other",
        ):
            # A full disk, a busy or unplugged one: not a damaged file, so no advice to restore.
            report.problems.append(str(translate_operational_error(exc, db.file)))
        else:
            report.problems.append(f"数据库文件无法检查，可能已损坏（{exc.orig}）。{report.hint}")
        return
    by_pair: Counter[tuple[str, str]] = Counter((str(r[0]), str(r[2])) for r in broken)
    for (table, parent), n in sorted(by_pair.items()):
        child_label = _TABLE_LABELS.get(table, f"表 {table} 中的记录")
        parent_label = _TABLE_LABELS.get(parent, f"表 {parent} 中的记录")
        report.problems.append(
            f"有 {n} 条{child_label}指向不存在的{parent_label}（表 {table} → {parent}），"
            f"数据库中的关联已被破坏。{report.hint}"
        )


def _check_revision(db: Database, report: HealthReport) -> None:
    try:
        report.revision = db.current_revision()
    except DBAPIError as exc:
        report.problems.append(f"无法读取数据库版本（{exc.orig}）。{report.hint}")
        return
    head = head_revision()
    if report.revision == head:
        return
    if report.revision is None:
        report.problems.append(
            "数据库缺少版本信息，可能不是联络组履职档案台的数据库或已被改动。请检查数据库文件，"
            "或从备份恢复。"
        )
    elif report.revision in known_revisions():
        report.problems.append(
            f"数据库版本 {report.revision} 比本程序需要的版本 {head} 旧。"
            "请关闭并重新打开程序，它会先备份再自动升级数据库。"
        )
    else:
        report.problems.append(
            f"数据库版本 {report.revision} 比本程序新，本程序不认识。"
            "请把联络组履职档案台升级到最新版本后再检查。"
        )


def _check_schema(db: Database, report: HealthReport) -> bool:
    """Every table and column the app reads is there (a table dropped by another program, or a
    damaged copy, would otherwise fail later in the middle of some page). False when not."""
    try:
        with db.engine.connect() as conn:
            found = inspect(conn)
            tables = set(found.get_table_names())
            missing: list[str] = []
            for table in Base.metadata.sorted_tables:
                if table.name not in tables:
                    missing.append(
                        _TABLE_LABELS.get(table.name, table.name) + f"（表 {table.name}）"
                    )
                    continue
                columns = {c["name"] for c in found.get_columns(table.name)}
                missing.extend(
                    f"表 {table.name} 的列 {column.name}"
                    for column in table.columns
                    if column.name not in columns
                )
    except DBAPIError as exc:
        report.problems.append(f"无法读取数据库的结构（{exc.orig}）。{report.hint}")
        return False
    if missing:
        shown = "、".join(missing[:5]) + ("等" if len(missing) > 5 else "")
        report.problems.append(
            f"数据库缺少本程序需要的内容：{shown}，数据库可能被其他程序改动过或已损坏。{report.hint}"
        )
        return False
    return True


def _limited(report_list: list[str], messages: Iterable[str], summary: str) -> None:
    """Add messages up to _DETAIL_LIMIT, then one line saying how many more there are
    (``summary`` is formatted with ``n``)."""
    items = list(messages)
    report_list.extend(items[:_DETAIL_LIMIT])
    if len(items) > _DETAIL_LIMIT:
        report_list.append(summary.format(n=len(items) - _DETAIL_LIMIT))


def _consultation_label(number: str, title: str) -> str:
    return f"协商活动 {number}《{title}》" if number else f"协商活动《{title}》"


def _check_numbers(s: Session, report: HealthReport) -> None:
    rows = s.execute(
        select(ConsultationRow.id, ConsultationRow.number, ConsultationRow.title).order_by(
            ConsultationRow.id
        )
    ).all()
    malformed = [
        f"协商活动《{title}》的编号「{number}」格式不正确（应类似「织里-2024-议-001」）。"
        "请在该活动中核对编号，或联系技术支持修正。"
        for _id, number, title in rows
        if parse_consultation_number(number or "") is None
    ]
    _limited(report.problems, malformed, "另有 {n} 个协商活动的编号格式不正确。")
    seen = Counter((number or "").strip() for _id, number, _title in rows)
    duplicates = [
        f"编号「{number}」被 {n} 个协商活动同时使用，编号必须唯一。"
        "请核对这些活动，并联系技术支持为重复的活动重新编号。"
        for number, n in sorted(seen.items())
        if n > 1 and number
    ]
    _limited(report.problems, duplicates, "另有 {n} 个编号重复。")


def _check_consultation_totals(s: Session, report: HealthReport) -> None:
    ids = list(s.scalars(select(ConsultationRow.id).order_by(ConsultationRow.id)))
    messages: list[str] = []
    for start in range(0, len(ids), _CHUNK):
        rows = s.scalars(
            select(ConsultationRow)
            .where(ConsultationRow.id.in_(ids[start : start + _CHUNK]))
            .options(
                selectinload(ConsultationRow.participants),
                selectinload(ConsultationRow.speeches),
                selectinload(ConsultationRow.outcome_items),
                selectinload(ConsultationRow.attachments),
            )
        ).all()
        for row in rows:
            label = _consultation_label(row.number, row.title)
            try:
                computed = consultation_from_row(row)
            except (ValueError, KeyError, TypeError) as exc:
                log.warning("consultation %s cannot be read", row.id, exc_info=True)
                messages.append(f"{label}的内容无法读取（{exc}），数据可能被改动过。{report.hint}")
                continue
            diffs = [
                f"{name}记为 {getattr(row, attr)}，按明细应为 {getattr(computed, attr)}"
                for attr, name in _COUNT_FIELDS
                if getattr(row, attr) != getattr(computed, attr)
            ]
            if diffs:
                fix = "" if report.of_backup else "请打开该活动并保存一次，统计数字会自动更正。"
                messages.append(f"{label}的统计数字与明细不一致：{'；'.join(diffs)}。{fix}")
        s.expunge_all()  # keep memory flat on large databases
    _limited(report.problems, messages, "另有 {n} 个协商活动的统计数字与明细不一致。")


def _check_search_index(s: Session, report: HealthReport) -> None:
    """The text-search index holds every record's text as it is now (it would miss records
    otherwise). Mending it changes no record: ``check --rebuild-search``."""
    found = search_index.check(s.connection())
    if found.agrees:
        return
    parts = []
    if found.missing:
        parts.append(f"{found.missing} 条记录不在索引中")
    if found.stale:
        parts.append(f"{found.stale} 条记录的索引内容已过时")
    if found.extra:
        parts.append(f"{found.extra} 条索引指向已不存在的记录")
    report.problems.append(
        f"全文搜索索引与记录不一致（{'，'.join(parts)}），搜索可能漏掉或多出记录。"
        "索引可以从记录重新建立，不会改动任何记录：请运行 liaison-desk check --rebuild-search。"
    )


def _check_sort_keys(s: Session, report: HealthReport) -> None:
    """Each person's stored pinyin sort key is the key of the name (the roster is sorted by
    it: a wrong key puts a person out of place, a missing one first)."""
    wrong: list[str] = []
    last = 0
    while True:
        rows = s.execute(
            select(PersonRow.id, PersonRow.name, PersonRow.name_sort_key)
            .where(PersonRow.id > last)
            .order_by(PersonRow.id)
            .limit(_CHUNK * 50)
        ).all()
        if not rows:
            break
        wrong.extend(
            f"人员「{name}」的排序键与姓名不符，名册中会排错位置。请打开该人员并保存一次即可更正。"
            for _pid, name, key in rows
            if key != sort_key(name)
        )
        last = rows[-1][0]
    _limited(report.problems, wrong, "另有 {n} 个人员的排序键与姓名不符。")


# -------------------------------------------------------------------------------- attachments


@dataclass
class _Reference:
    names: list[str] = field(default_factory=list)
    records: list[str] = field(default_factory=list)

    def describe(self) -> str:
        names = "、".join(f"「{n}」" for n in dict.fromkeys(self.names)) or "「（无文件名）」"
        records = "、".join(dict.fromkeys(self.records))
        return f"{names}（{records}）" if records else names


def _attachment_references(s: Session) -> dict[str, _Reference]:
    """sha256 → which files under which names belong to which records (recycle bin included)."""
    stmt = (
        select(
            AttachmentRow.sha256,
            AttachmentRow.original_name,
            AttachmentRow.deleted_at,
            AttachmentRow.consultation_id,
            AttachmentRow.case_id,
            ConsultationRow.number,
            ConsultationRow.title,
            CaseRow.title,
        )
        .outerjoin(ConsultationRow, ConsultationRow.id == AttachmentRow.consultation_id)
        .outerjoin(CaseRow, CaseRow.id == AttachmentRow.case_id)
        .order_by(AttachmentRow.id)
    )
    result: dict[str, _Reference] = {}
    for sha, name, deleted, c_id, case_id, number, c_title, case_title in s.execute(stmt):
        if c_id is not None:
            record = _consultation_label(number or "", c_title or "")
        elif case_id is not None:
            record = f"协商案例《{case_title or ''}》"
        else:
            record = "未关联记录"
        if deleted is not None:
            record += "，在回收站中"
        ref = result.setdefault(str(sha or "").lower(), _Reference())
        ref.names.append(name)
        ref.records.append(record)
    return result


def _check_store(
    store: AttachmentStore,
    references: dict[str, _Reference],
    report: HealthReport,
    progress: Progress | None,
) -> None:
    stored = store.all_hashes()
    report.counts[ATTACHMENT_FILES] = len(stored)
    folder = f"附件文件夹「{store.root}」"

    invalid = [ref for sha, ref in references.items() if not _is_sha256(sha)]
    _limited(
        report.problems,
        (
            f"附件 {ref.describe()} 的文件标识无效，数据库可能被改动过。{report.hint}"
            for ref in invalid
        ),
        "另有 {n} 个附件的文件标识无效。",
    )
    missing = sorted(sha for sha in references if _is_sha256(sha) and sha not in stored)
    if missing and not store.root.is_dir():
        report.problems.append(
            f"找不到{folder}，{len(missing)} 个附件文件都缺失。"
            "请把附件文件夹放回数据库文件旁边（文件夹名应为「数据库文件名-附件」），或从备份恢复。"
        )
    else:
        _limited(
            report.problems,
            (
                f"附件文件缺失：{references[sha].describe()}，{folder}中找不到这个文件。"
                "请把完整的附件文件夹放回数据库文件旁边，或从备份恢复。"
                for sha in missing
            ),
            "另有 {n} 个附件文件缺失。",
        )

    corrupt: list[str] = []
    total = len(stored)
    for done, sha in enumerate(sorted(stored), 1):
        if not store.verify(sha):
            corrupt.append(sha)
        if progress is not None:
            progress(done, total)
    _limited(
        report.problems,
        (
            (
                f"附件文件已损坏：{references[sha].describe()}，文件内容与记录不符"
                "（可能是磁盘故障或文件被改动）。请从备份恢复附件文件夹。"
            )
            if sha in references
            else (
                f"附件文件夹中的文件 {sha[:12]}… 已损坏（没有记录使用它）。"
                "可以删除它；如果经常出现，请检查磁盘。"
            )
            for sha in corrupt
        ),
        "另有 {n} 个附件文件已损坏。",
    )

    unreferenced = sorted(stored - references.keys())
    if unreferenced:
        size = 0
        for sha in unreferenced:
            with contextlib.suppress(OSError):
                size += store.path_of(sha).stat().st_size
        report.warnings.append(
            f"{folder}中有 {len(unreferenced)} 个文件（共 {_megabytes(size)}）没有被任何记录使用。"
            "这不影响使用，可以放心清理。"
        )


def _is_sha256(value: str) -> bool:
    return len(value) == 64 and all(c in "0123456789abcdef" for c in value)


def _megabytes(size: int) -> str:
    return f"{size / 1024 / 1024:.1f} MB"
