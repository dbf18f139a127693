"""One member's 履职档案 of a year as a PDF in the layout of GB/T 9704 (formats.md "Page
geometry"), with the case document's look (``documents.case_document``): the title in 2号 title
face, the group as a subtitle in 3号 楷体, numbered level-1 headings in 黑体, body paragraphs in
3号 仿宋 on the 28-character grid, page numbers "— n —". The figures are tables in 12 pt (the
printed sheets' size): 基本情况, 履职积分 (what, how many, points each, points), the sessions
taken part in, the suggestions and what became of them, the cases and their selection level;
a note at the end says how each figure is counted.

:func:`member_record_data` is the one place a ``MemberRecord`` becomes the document's data,
masked by the ``Privacy`` it is given (phone and ID numbers of the member; residents' names and
numbers inside quoted text). The PDF goes through ``layout.write_pdf`` (PDF/A-1b)."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from liaison_desk.documents import layout
from liaison_desk.documents.case_document import (
    BODY_STYLE,
    SUBTITLE_STYLE,
    TITLE_STYLE,
    PagedDocument,
    numbered,
)
from liaison_desk.documents.layout import (
    BODY_LINE_HEIGHT,
    MM,
    TEXT_WIDTH,
    Align,
    Block,
    BookmarkOp,
    FontBook,
    Paragraph,
    Spacer,
)
from liaison_desk.documents.tables import Cell, Row, Table
from liaison_desk.domain.case_text import chinese_numeral
from liaison_desk.domain.enums import OutcomeStatus
from liaison_desk.domain.member_record import MemberRecord
from liaison_desk.domain.privacy import Privacy

# What became of a suggestion, as the record groups the statuses.
OUTCOME_WORDS: dict[OutcomeStatus, str] = {
    OutcomeStatus.SOLVED: "已解决",
    OutcomeStatus.IN_PROGRESS: "办理中",
    OutcomeStatus.PENDING: "办理中（待交办）",
    OutcomeStatus.UNSOLVED: "未解决",
    OutcomeStatus.NOT_ADOPTED: "不予采纳",
}

HOW_COUNTED = (
    "统计口径：只计当年已举行（非计划中）、不在回收站的协商活动。出席指本人在参加人员名单中且"
    "到会，或是该场的主持人、发言人；主持、发言按记录中的主持人和发言人姓名计（本人在名单中的"
    "活动或本联络组的活动）。意见建议：记录中没有“提出人”一栏，凡本人在该场的发言中写有某条"
    "意见建议原文的，计为本人提出，办理情况和是否采纳以该条的记录为准。案例：当年协商案例中"
    "关联了本人参加的活动的，入选层级取报送结果为“入选”的最高一级。积分分值在“设置·履职积分”中"
    "设定。"
)


@dataclass(frozen=True)
class MemberRecordData:
    """The record ready to lay out; every text already masked as it leaves the app."""

    title: str  # 张三委员2024年度履职档案
    subtitle: str  # ——织里镇联络组
    person_rows: tuple[tuple[str, str], ...]
    points: tuple[tuple[str, int, int, int], ...]  # item, count, each, points
    total: int
    sessions: tuple[tuple[str, str, str, str, str], ...]  # date, number, kind, title, role
    suggestions: tuple[tuple[str, str, str, str], ...]  # date, content, outcome, adopted
    cases: tuple[tuple[str, str], ...]  # title, level
    made_on: date
    fonts: Mapping[str, str] = field(default_factory=dict)


def member_record_data(
    record: MemberRecord,
    group_name: str,
    privacy: Privacy,
    fonts: Mapping[str, str],
    made_on: date,
) -> MemberRecordData:
    a = record.activity
    p = record.person
    name = privacy.name(p)
    sessions = []
    for s in a.sessions:
        roles = ["出席"]
        if s.hosted:
            roles.append("主持")
        if s.speeches:
            roles.append(f"发言{s.speeches}次" if s.speeches > 1 else "发言")
        sessions.append(
            (
                s.held_on.isoformat(),
                s.number,
                s.kind.short_label,
                privacy.text(s.title),
                "、".join(roles),
            )
        )
    return MemberRecordData(
        title=f"{name}委员{a.year}年度履职档案",
        subtitle=f"——{group_name}" if group_name else "",
        person_rows=(
            ("姓名", name),
            ("所属联络组", group_name),
            ("工作单位", privacy.text(p.unit)),
            ("职务", privacy.text(p.title)),
            ("界别", p.sector),
            ("委员层级", f"{p.cppcc_level.label}政协委员" if p.cppcc_level else ""),
            ("联系电话", privacy.phone(p)),
            ("身份证号", privacy.id_card(p)),
        ),
        points=tuple((li.item, li.count, li.each, li.points) for li in record.lines),
        total=record.points,
        sessions=tuple(sessions),
        suggestions=tuple(
            (
                s.held_on.isoformat(),
                privacy.text(s.content),
                OUTCOME_WORDS[s.status],
                "是" if s.adopted else "否",
            )
            for s in a.suggestions
        ),
        cases=tuple((privacy.text(c.title), c.level or "未入选") for c in a.cases),
        made_on=made_on,
        fonts=dict(fonts),
    )


# --- layout ----------------------------------------------------------------------------------


# Never broken across lines: dates (2024-01-18), record numbers (织里-2024-微-002), phone and ID
# numbers as printed (185****4482).
KEEP = re.compile(r"\d{4}-\d{2}-\d{2}|[^\s、，]{1,8}-\d{4}-[议微]-\d+|[0-9][0-9*\-]*[0-9Xx]")


def _table(
    book: FontBook,
    widths_mm: Sequence[float],
    headings: Sequence[str],
    rows: Sequence[Sequence[object]],
    numeric: Sequence[int] = (),
) -> Table:
    scale = TEXT_WIDTH / (sum(widths_mm) * MM)
    columns = [w * MM * scale for w in widths_mm]
    header = [Row([Cell(h, bold=True, align=Align.CENTER) for h in headings])]
    body = [
        Row(
            [
                Cell(str(v), align=Align.RIGHT if i in numeric else Align.LEFT)
                for i, v in enumerate(values)
            ]
        )
        for values in rows
    ]
    return Table(columns, body, book, header=header, keep=KEEP)


def _heading(n: int, text: str, book: FontBook) -> Paragraph:
    heading = f"{chinese_numeral(n)}、{text}"
    return Paragraph(
        heading,
        dataclasses.replace(BODY_STYLE, role="heading1"),
        book,
        keep_with_next=True,
        space_before=BODY_LINE_HEIGHT / 2,
        bookmark=BookmarkOp(heading, 0, level=1),
    )


def _none(text: str, book: FontBook) -> Paragraph:
    return Paragraph(text, BODY_STYLE, book)


def record_blocks(data: MemberRecordData, book: FontBook) -> list[Block]:
    blocks: list[Block] = [
        Paragraph(
            data.title,
            TITLE_STYLE,
            book,
            keep_with_next=True,
            bookmark=BookmarkOp(data.title, 0, level=0, key="record"),
        )
    ]
    if data.subtitle:
        blocks.append(
            Paragraph(data.subtitle, SUBTITLE_STYLE, book, space_before=6.0, keep_with_next=True)
        )
    blocks.append(Spacer(BODY_LINE_HEIGHT / 2))
    rows = list(data.person_rows)
    pairs = [rows[i : i + 2] for i in range(0, len(rows), 2)]
    blocks.append(_heading(1, "基本情况", book))
    form_rows = []
    for pair in pairs:
        cells: list[Cell] = []
        for label, value in pair:
            cells += [Cell(label, bold=True, align=Align.CENTER), Cell(value)]
        if len(pair) == 1:
            cells += [Cell(""), Cell("")]
        form_rows.append(Row(cells))
    scale = TEXT_WIDTH / (156 * MM)
    blocks.append(Table([w * MM * scale for w in (28, 50, 28, 50)], form_rows, book, keep=KEEP))

    blocks.append(_heading(2, "履职积分", book))
    points = [(item, count, each, pts) for item, count, each, pts in data.points]
    points.append(("合计", "", "", data.total))  # type: ignore[arg-type]
    blocks.append(
        _table(book, (70, 28, 30, 28), ("项目", "次数", "每次分值", "得分"), points, (1, 2, 3))
    )

    blocks.append(_heading(3, "参加协商活动", book))
    if data.sessions:
        blocks.append(
            _table(
                book,
                (27, 40, 24, 39, 26),
                ("日期", "编号", "类型", "议题", "履职情况"),
                data.sessions,
            )
        )
    else:
        blocks.append(_none("本年度没有参加协商活动的记录。", book))

    blocks.append(_heading(4, "提出的意见建议及办理情况", book))
    if data.suggestions:
        blocks.append(
            _table(
                book,
                (27, 87, 26, 16),
                ("协商日期", "意见建议", "办理情况", "采纳"),
                data.suggestions,
            )
        )
    else:
        blocks.append(_none("记录中没有找到本人在发言中提出的意见建议。", book))

    blocks.append(_heading(5, "参与的协商案例", book))
    if data.cases:
        blocks.append(_table(book, (120, 36), ("案例标题", "入选层级"), data.cases))
    else:
        blocks.append(_none("本年度没有关联本人所参加活动的协商案例。", book))

    blocks.append(Spacer(BODY_LINE_HEIGHT / 2))
    note = dataclasses.replace(BODY_STYLE, size=12.0, line_height=20.0, grid=0)
    blocks.append(Paragraph(HOW_COUNTED, note, book))
    made = data.made_on
    blocks.append(
        Paragraph(
            f"制表日期：{made.year}年{made.month}月{made.day}日",
            dataclasses.replace(note, align=Align.RIGHT, indent=0),
            book,
            space_before=6.0,
        )
    )
    return blocks


def build_member_record_pdf(data: MemberRecordData) -> PagedDocument:
    """The record laid out, pages numbered from 1. Needs a QGuiApplication."""
    book = FontBook(data.fonts)
    pages = layout.paginate(record_blocks(data, book))
    return PagedDocument(data.title, numbered(pages, book))


def write_member_record_pdf(data: MemberRecordData, path: Path) -> None:
    """Write the record as a PDF to ``path`` (temporary file, then renamed; OSError on failure)."""
    build_member_record_pdf(data).write_pdf(Path(path))
