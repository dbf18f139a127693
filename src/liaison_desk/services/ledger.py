"""The ledger (台账) workbook: export a consultation list, import a ledger back.

Export writes what a list page shows (the same ``ConsultationFilter``) as formats.md lays it out:
sheet 协商活动, one row per consultation, and sheet 意见建议, one row per outcome item, in date
order.

A ledger is two things: a report read outside the group (the township, the district), and the
group's working copy, edited in Excel or WPS and imported back. The first leaves the app, so it
is masked by default like every other exit path (domain/privacy.py: one ``Privacy`` built from
the records exported, the groups' rosters and the people linked to them; what it hides follows
the masking settings): phone and ID numbers in the text of everyone whose consent is not
recorded, and residents' names as 张某. A masked ledger says so above its headings and carries a
hidden marker, and the import refuses it (``MaskedLedgerError``), writing nothing: its
138****8000 and 张某 would overwrite the numbers and names they hide. The working copy is an
explicit choice (``masked=False``; the dialog's 工作底稿, ``ledger export --no-mask``) and holds
the records as they are, so it round-trips.

Import is in two steps, so that nothing is written unless the whole file is good:

``plan_import`` reads the file and works out, row by row, what would happen — created, updated,
unchanged, skipped, or an error with its reason — without writing anything; ``apply_import``
then saves every change of a plan without errors in ONE transaction (all or nothing), through
the same code as the consultation form (``ConsultationService.save_in``: the lock rule, the
revision check, numbering and the audit entry).

How rows are matched:

- 协商活动: a row with a 编号 that is in the database updates that record; a row without one
  creates a record, numbered on import. A 编号 that is not in the database creates the record
  under that number when it fits the row (the group's short name, the kind, the year), so a
  group's ledger kept elsewhere can be brought in with its numbers. A number of another group
  or kind, a record in the recycle bin, or a change to an archived (locked) record is an error.
- A 协商活动 row without a 编号 whose group, date and topic (议题, compared without spaces and
  full-width forms) are those of a record in the database, or of an earlier row of the file, is
  a duplicate (重复，已跳过): importing the same number-less ledger twice creates nothing twice.
- A row without 联络组 takes the group chosen for the import (``--group``, the dialog's choice,
  or the list page's); a row that names its own group keeps it.
- 意见建议: rows are matched by 活动编号 + 序号, 序号 being the item's place in its consultation's
  list (1, 2, …). A row without a 序号, or with one past the end of the list, adds an item.
  Items not in the file are left as they are: a ledger never deletes.
- Computed columns (委员人次, 参与人次, 建议条数, 已解决条数) are written for reading and checked
  on import, never imported into an existing record: a ledger row cannot name participants,
  and the counts follow from the participants and the outcome items. A differing value is
  reported as a note. For a NEW record, 委员人次 and 参与人次 become head counts (CPPCC members,
  and the rest as 其他) so that the year's statistics keep the group's counts.
- Columns that the sheet lacks are left unchanged (a new record gets the form's defaults);
  columns not mapped to a standard one are reported and ignored.
"""

from __future__ import annotations

import copy
import logging
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from liaison_desk.documents.ledger import (
    COLUMNS,
    CONSULTATION_SHEET,
    ITEM_SHEET,
    MASKED_NOTE_MARK,
    LedgerFile,
    LedgerFileError,
    RawSheet,
    Role,
    SheetLayout,
    column_letter,
    propose_layout,
    read_ledger,
    write_ledger,
)
from liaison_desk.documents.package import safe_file_name
from liaison_desk.domain.backup_retention import BackupKind
from liaison_desk.domain.entities import Consultation, LiaisonGroup, Person
from liaison_desk.domain.enums import (
    ConsultationKind,
)
from liaison_desk.domain.privacy import MaskingRules, Privacy
from liaison_desk.domain.queries import ConsultationFilter, PageRequest, PersonFilter
from liaison_desk.domain.rules import (
    ConflictError,
    Problem,
    ValidationError,
)
from liaison_desk.progress import Progress, within
from liaison_desk.services.backups import BackupService
from liaison_desk.services.base import ServiceContext
from liaison_desk.services.consultations import ConsultationService
from liaison_desk.services.ledger_import import (
    COMPUTED_COLUMNS,
    ImportPlanner,
    LedgerImportPlan,
    LedgerRow,
    RowResult,
    apply_heading_map,
    fold_text,
    group_by_name,
    heading_of,
    parse_heading_map,
    report_lines,
)
from liaison_desk.services.people import GroupService
from liaison_desk.services.settings import SettingsService
from liaison_desk.storage import repositories as repo
from liaison_desk.storage.session import Session

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class ExportResult:
    path: Path
    consultations: int
    items: int
    masked: bool = True


class MaskedLedgerError(LedgerFileError):
    """A masked ledger (exported for reading outside the group) cannot be imported back."""

    def __init__(self, path: Path) -> None:
        super().__init__(
            f"「{Path(path).name}」是隐藏了个人信息的台账（供外发阅读）：其中的电话号码、身份证号"
            "和群众姓名已显示为“138****8000”“张某”，导入会用它们覆盖数据库中的真实内容，"
            "所以没有导入，什么也没有写入。要在 Excel 或 WPS 中修改台账后导入，请在本软件中导出"
            "“工作底稿（不隐藏个人信息）”（命令行：liaison-desk ledger export --no-mask），"
            "在工作底稿上修改后再导入。"
        )
        self.english = (
            f"“{Path(path).name}” is a masked ledger (for reading outside the group): its phone "
            "and ID numbers and residents' names are hidden (138****8000, 张某), and importing "
            "it would overwrite the real ones, so nothing was imported. To edit a ledger and "
            "import it back, export a working copy (not masked) and edit that."
        )


def masked_note(rules: MaskingRules) -> str:
    """The note above the headings of a masked ledger: exactly what is hidden (the same words
    as the print preview and the package dialog), and that it cannot be imported back."""
    numbers = rules.phones or rules.id_cards
    if numbers and rules.resident_names:
        what = (
            "已隐藏所有未登记同意公开的人（政协委员、干部也一样）的手机号和身份证号，"
            "以及群众的姓名（显示为“张某”）"
        )
    elif numbers:
        what = "已隐藏所有未登记同意公开的人（政协委员、干部也一样）的手机号和身份证号"
    elif rules.resident_names:
        what = "已隐藏群众的姓名（显示为“张某”），电话号码按设置照常显示"
    else:
        what = "按“隐私保护”设置没有隐藏任何内容"
    return (
        f"{MASKED_NOTE_MARK}{what}。本台账供外发阅读，不能导入回联络组履职档案台；"
        "要修改后导入，请导出“工作底稿（不隐藏个人信息）”。"
    )


# Field names as the report says what changed.


def _narrowing(f: ConsultationFilter, *, for_file: bool) -> list[str]:
    """What narrows the list beyond group, kind and year, in words: 已归档, 含“停车”, 3月1日至6月30日."""
    parts = []
    if f.status is not None:
        parts.append(f.status.label)
    if f.held_from or f.held_to:
        start = f"{f.held_from:%Y%m%d}" if for_file and f.held_from else ""
        end = f"{f.held_to:%Y%m%d}" if for_file and f.held_to else ""
        if not for_file:
            start = (
                f"{f.held_from.year}年{f.held_from.month}月{f.held_from.day}日"
                if f.held_from
                else ""
            )
            end = f"{f.held_to.year}年{f.held_to.month}月{f.held_to.day}日" if f.held_to else ""
        parts.append(f"{start or '起'}至{end or '今'}")
    if f.text.strip():
        parts.append(f"含“{f.text.strip()}”")
    return parts


def _refuse_records_imported_meanwhile(s: Any, plan: LedgerImportPlan) -> None:
    """Under the write lock: a new record without a number that another import (another
    window, or the command line) saved since the plan was made would be created twice. The
    whole import is refused instead; planned again, those rows show as 重复."""
    for change in plan.changes:
        record = change.record
        if record.id is not None or record.number or record.held_on is None:
            continue
        if record.group_id is None or not fold_text(record.title):
            continue
        same_day = repo.list_consultations(
            s,
            ConsultationFilter(
                group_id=record.group_id, held_from=record.held_on, held_to=record.held_on
            ),
            PageRequest(),
        ).items
        for other in same_day:
            if fold_text(other.title) == fold_text(record.title):
                raise ConflictError(
                    "",
                    f"台账导入期间，{other.number}《{other.title}》已由另一处（另一个窗口或命令行）"
                    "导入或录入，这次导入没有写入任何内容。请重新导入这份台账：已有的记录会显示为"
                    "“重复”并跳过。",
                )


class LedgerService:
    def __init__(
        self,
        ctx: ServiceContext,
        consultations: ConsultationService,
        groups: GroupService,
        settings: SettingsService,
        backups: BackupService | None = None,
    ) -> None:
        self.ctx = ctx
        self.consultations = consultations
        self.groups = groups
        self.settings = settings  # the masking settings say what a masked ledger hides
        self.backups = backups  # an automatic backup before every import that writes

    # --- export -----------------------------------------------------------------------------

    def default_file_name(self, f: ConsultationFilter, *, masked: bool = True) -> str:
        """织里镇联络组-民生议事堂台账-2024.xlsx: what the filter shows, for the save dialog —
        a status, a search or a date range narrowing the list is named too, so a file holding
        one session is not called 全部…台账. The unmasked working copy ends in -工作底稿, so
        the two are not mistaken for each other in a folder."""
        group = next((g for g in self.groups.all() if g.id == f.group_id), None)
        who = group.name if group else "全部联络组"
        what = f.kind.short_label if f.kind else "协商活动"
        year = str(f.year) if f.year else "全部年度"
        narrower = "-".join(_narrowing(f, for_file=True))
        name = f"{who}-{what}台账-{year}" + (f"-{narrower}" if narrower else "")
        suffix = "" if masked else "-工作底稿"
        return safe_file_name(name, max_length=80 - len(suffix)) + suffix + ".xlsx"

    def masking_rules(self) -> MaskingRules:
        """What a masked ledger hides (the masking settings), for the export dialog's note."""
        return MaskingRules.from_settings(self.settings.values())

    def title(self, f: ConsultationFilter) -> str:
        """The heading printed on every page: 织里镇联络组 民生议事堂台账（2024年）."""
        group = next((g for g in self.groups.all() if g.id == f.group_id), None)
        # Without a group the heading names the office (报送单位 in the settings), as the
        # statistics and returns do; this app is not only Wuxing district's.
        office = str(self.settings.values().get("cases.issuing_office") or "").strip()
        who = group.name if group else f"{office}各联络组"
        what = f.kind.short_label if f.kind else "协商活动"
        parts = ([f"{f.year}年"] if f.year else []) + _narrowing(f, for_file=False)
        return f"{who} {what}台账" + (f"（{'，'.join(parts)}）" if parts else "")

    def export(
        self,
        f: ConsultationFilter,
        path: Path,
        progress: Progress | None = None,
        *,
        masked: bool = True,
    ) -> ExportResult:
        """Write the consultations the filter finds (oldest first) and their outcome items to
        ``path``. ``masked`` (the default: a ledger read outside the group) hides numbers and
        residents' names as the one privacy policy says and marks the file so that the import
        refuses it; ``masked=False`` writes the group's working copy, everything as recorded.
        A cancel (``progress`` raises ``Cancelled``) writes no file."""
        summaries = self.consultations.search(f, PageRequest()).items
        summaries.sort(key=lambda r: (r.held_on, r.number))
        groups = {g.id: g.name for g in self.groups.all()}
        total = len(summaries) * 2  # reading, then writing
        rules = self.masking_rules() if masked else MaskingRules.NOTHING
        with self.ctx.db.reading() as s:
            found = repo.consultations_by_number(s, [r.number for r in summaries])
            records = [
                c
                for r in summaries
                if (c := found.get(r.number)) is not None and not c.is_deleted  # not meanwhile
            ]
            people = _people_named_in(s, records) if masked else []
        privacy = Privacy(people, records, rules)
        consultation_rows: list[dict[str, Any]] = []
        item_rows: list[dict[str, Any]] = []
        for done, c in enumerate(records, start=1):
            group = groups.get(c.group_id or 0, "")
            consultation_rows.append(consultation_values(c, group, privacy))
            item_rows += item_values(c, privacy)
            if progress is not None:
                progress(done, total)
        writing = within(progress, len(summaries), len(summaries), total)
        note = masked_note(rules) if masked else ""
        write_ledger(
            Path(path), consultation_rows, item_rows, self.title(f), writing, masked_note=note
        )
        return ExportResult(Path(path), len(consultation_rows), len(item_rows), masked)

    # --- import -----------------------------------------------------------------------------

    def group_named(self, text: str) -> LiaisonGroup | None:
        """The group a ledger (or ``--group``) names: its name, town or short name."""
        return group_by_name(self.groups.all(), text)

    def read(self, path: Path) -> tuple[LedgerFile, list[SheetLayout]]:
        """The file's sheets and the proposed layout (which sheet is which, which column is
        which) for the user to check; ``LedgerFileError`` when it cannot be read,
        ``MaskedLedgerError`` when it is a masked ledger."""
        ledger = _importable(read_ledger(Path(path)))
        return ledger, propose_layout(ledger)

    def plan_import(
        self,
        source: Path | LedgerFile,
        layouts: Sequence[SheetLayout] | None = None,
        *,
        heading_map: dict[str, str] | None = None,
        default_kind: ConsultationKind | None = None,
        default_group_id: int | None = None,
    ) -> LedgerImportPlan:
        """What importing the ledger would do, row by row; writes nothing.

        ``layouts`` (from ``read``, changed by the user) say which sheet and column is which;
        by default they are proposed from the headings. ``heading_map`` maps headings of the
        file onto standard column headings ({"协商主题": "议题"}), for the command line.
        ``default_kind`` and ``default_group_id`` fill in rows without 类型 or 联络组 (the list
        page a ledger is imported from)."""
        ledger = read_ledger(Path(source)) if isinstance(source, Path | str) else source
        _importable(ledger)
        layouts = [copy.deepcopy(x) for x in (layouts or propose_layout(ledger))]
        plan = LedgerImportPlan(ledger, layouts)
        if heading_map:
            apply_heading_map(plan, heading_map)
        sheets = self._check_layouts(plan)
        if plan.problems:
            return plan
        ImportPlanner(
            self.consultations, self.groups.all(), plan, default_kind, default_group_id
        ).run(sheets)
        return plan

    def apply_import(self, plan: LedgerImportPlan) -> LedgerImportPlan:
        """Save every change of ``plan`` in one transaction: all of them or, on any error (a
        record changed meanwhile, a number taken meanwhile), none. A plan with errors is
        refused: ``ValidationError``."""
        if not plan.ok:
            raise ValidationError(
                [Problem("file", "台账中有错误，没有导入任何内容。请按检查结果改正后重新导入。")]
            )
        if plan.applied:
            raise ValidationError([Problem("file", "这份台账已经导入过了。")])
        _importable(plan.file)
        # Records that bring their own number first, so a number handed out on import can
        # never be one that a later row of the same file asks for.
        ordered = sorted(plan.changes, key=lambda ch: not ch.record.number)
        if self.backups is not None and plan.changes:
            self.backups.back_up_before(BackupKind.BEFORE_IMPORT)
        with self.ctx.db.session() as s:
            _refuse_records_imported_meanwhile(s, plan)
            for change in ordered:
                saved = self.consultations.save_in(s, copy.deepcopy(change.record))
                change.saved_number = saved.number
        for change in plan.changes:
            if change.row is not None and change.row.result is RowResult.CREATED:
                if not change.row.number:
                    change.row.note(f"编号为 {change.saved_number}")
                change.row.number = change.saved_number
        plan.applied = True
        log.info("ledger %s imported: %s", plan.file.path, plan.summary())
        return plan

    def _check_layouts(self, plan: LedgerImportPlan) -> dict[Role, tuple[RawSheet, SheetLayout]]:
        sheets: dict[Role, tuple[RawSheet, SheetLayout]] = {}
        raw = {s.title: s for s in plan.file.sheets}
        for layout in plan.layouts:
            sheet = raw.get(layout.title)
            if sheet is None or layout.role is None:
                continue
            if layout.role in sheets:
                plan.problems.append(
                    f"工作表「{sheets[layout.role][0].title}」和「{sheet.title}」都被当作"
                    f"“{_ROLE_NAMES[layout.role]}”：请只选一个。"
                )
                continue
            sheets[layout.role] = (sheet, layout)
            columns = {c.key: c for c in COLUMNS[layout.role]}
            used: dict[str, int] = {}
            for index, key in sorted(layout.mapping.items()):
                if key not in columns:
                    plan.problems.append(f"工作表「{sheet.title}」：未知的标准列「{key}」。")
                elif key in used:
                    first = used[key]
                    plan.problems.append(
                        f"工作表「{sheet.title}」的 {column_letter(first)} 列"
                        f"「{heading_of(sheet, first)}」和 {column_letter(index)} 列"
                        f"「{heading_of(sheet, index)}」都对应“{columns[key].heading}”：请只保留一列。"
                    )
                else:
                    used[key] = index
            ignored = [
                f"{column_letter(i)} 列「{h}」"
                for i, h in enumerate(sheet.headings)
                if h and i not in layout.mapping
            ]
            if ignored:
                plan.notes.append(f"工作表「{sheet.title}」中这些列不导入：{'、'.join(ignored)}。")
            missing = [
                c.heading
                for c in COLUMNS[layout.role]
                if c.exported and c.key not in used and c.key not in COMPUTED_COLUMNS
            ]
            if missing:
                plan.notes.append(
                    f"工作表「{sheet.title}」中没有这些列，已有记录的相应内容保持不变，"
                    f"新记录留空或取默认值：{'、'.join(missing)}。"
                )
            needed = "consultation_number" if layout.role == "items" else None
            if needed and needed not in used:
                plan.problems.append(
                    f"工作表「{sheet.title}」没有“活动编号”列，无法知道每条意见建议属于哪场活动。"
                    "请在列对应中指定哪一列是活动编号。"
                )
            if layout.role == "consultations" and not {"number", "title"} & used.keys():
                plan.problems.append(
                    f"工作表「{sheet.title}」既没有“编号”列也没有“议题”列，无法导入。"
                    "请在列对应中指定。"
                )
        for layout in plan.layouts:
            if layout.role is None and layout.title in raw and raw[layout.title].headings:
                plan.notes.append(f"工作表「{layout.title}」不导入。")
        if not sheets and not plan.problems:
            plan.problems.append(
                f"没有找到可以导入的工作表：台账应有“{CONSULTATION_SHEET}”或“{ITEM_SHEET}”工作表，"
                "或在列对应中指定每个工作表的内容。"
            )
        return sheets


_ROLE_NAMES: dict[Role, str] = {"consultations": CONSULTATION_SHEET, "items": ITEM_SHEET}


def _importable(ledger: LedgerFile) -> LedgerFile:
    """The ledger, unless it is a masked one: ``MaskedLedgerError``, before anything is planned."""
    if ledger.masked:
        raise MaskedLedgerError(ledger.path)
    return ledger


def _people_named_in(s: Session, records: Sequence[Consultation]) -> list[Person]:
    """The people a ledger of these records may name: the rosters of their groups (a resident
    named in a consensus is masked even when not a participant, as in a package) and the roster
    entries of their participants."""
    person_ids = {p.person_id for c in records for p in c.participants if p.person_id is not None}
    people = {p.id: p for p in repo.all_people(s, person_ids) if p.id is not None}
    for gid in dict.fromkeys(c.group_id for c in records if c.group_id is not None):
        roster = repo.list_people(s, PersonFilter(group_id=gid), PageRequest()).items
        people.update({p.id: p for p in roster if p.id is not None})
    return list(people.values())


# --- export values ------------------------------------------------------------------------------

_SHOWN = Privacy(rules=MaskingRules.NOTHING)


def consultation_values(
    c: Consultation, group_name: str, privacy: Privacy = _SHOWN
) -> dict[str, Any]:
    """A consultation as its row on 协商活动; names and numbers in its text as ``privacy`` says
    (by default as recorded: the working copy)."""
    text = privacy.text
    return {
        "number": c.number,
        "kind": c.kind.short_label,
        "title": text(c.title),
        "topic_source": c.topic_source.label,
        "held_on": c.held_on,
        "start_time": c.start_time,
        "end_time": c.end_time,
        "venue": text(c.venue),
        "group": group_name,
        "host": text(c.host),
        "recorder": text(c.recorder),
        "member_attendance": c.member_attendance,
        "attendance_total": c.attendance_total,
        "suggestion_count": c.suggestion_count,
        "solved_count": c.solved_count,
        "status": c.status.label,
        "consensus": text(c.consensus),
    }


def item_values(c: Consultation, privacy: Privacy = _SHOWN) -> list[dict[str, Any]]:
    """A consultation's live outcome items as their rows on 意见建议; names and numbers in
    their text as ``privacy`` says (by default as recorded)."""
    text = privacy.text
    rows = []
    for position, item in enumerate((i for i in c.outcome_items if not i.is_deleted), start=1):
        rows.append(
            {
                "consultation_number": c.number,
                "position": position,
                "content": text(item.content),
                "responsible_body": text(item.responsible_body),
                "responsible_person": text(item.responsible_person),
                "deadline": item.deadline,
                "solved_on_spot": item.solved_on_spot,
                "adopted": item.adopted,
                "status": item.status.label,
                "resolved_on": item.resolved_on,
                "revisit_on": item.revisit_on,
                "revisit_note": text(item.revisit_note),
                "satisfaction": item.satisfaction.label if item.satisfaction else None,
            }
        )
    return rows


__all__ = [
    "ExportResult",
    "LedgerImportPlan",
    "LedgerRow",
    "LedgerService",
    "MaskedLedgerError",
    "RowResult",
    "masked_note",
    "parse_heading_map",
    "report_lines",
]
