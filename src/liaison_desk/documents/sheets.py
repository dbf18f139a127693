"""The four printed sheets of a consultation (formats.md): 签到表, 议事记录表, 交办单 and
微协商记录卡, laid out by ``documents.layout`` (tables: ``documents.tables``) on GB/T 9704 pages.

One :class:`PrintJob` holds one sheet for each consultation given (each starting on a new page;
for 交办单 one slip per responsible body), already laid out; it draws on any paged device
(``render``: QPdfWriter, or the QPrinter of the printer and of the print preview), writes a PDF
(``write_pdf``), or paints one page on any painter (``render_page``, ``page_image``).

Every page carries its consultation's number and a QR code of it in the top margin at the right
(see ``documents.qr`` for the exact place), so a signed, scanned sheet finds its way back to
the record. Page numbers "— n —" count the pages of each consultation's sheet (of each slip) from 1.

Masking (``SheetOptions.mask``, domain.md "Privacy"), decided by the one policy in
``domain.privacy``: when on, everyone's phone number is shown as 138****8000 unless the person
consented, and in free text (minutes, speeches, consensus, outcome items) mobile and ID numbers are
hidden and residents' names become 张某; residents (群众代表, 其他) are also named 张某 in the record
sheet's and the card's lists of participants and speakers. Members, officials and people whose
consent is recorded keep their names. What "on" hides follows the database's masking settings
(``SheetData.rules``). The sign-in sheet never masks names: people sign next to them. When off,
nothing is masked.

Nothing a reader looks up is broken across two lines: columns holding names, phone numbers and
dates are sized from the measured width of their text (at least a four-character name, an 11-digit
mobile and "2024年12月31日", in whichever faces the settings chose), and wherever text wraps, it
wraps before a full date, a number (masked or not), a time, a short note in brackets (（主任）) or
the name of anyone the sheet may name, never inside one (``layout.TextBox``'s ``keep``).

The micro card is one page: in 小四 when it fits, else in tighter spacing and smaller type down to
9 pt (the title then in 小二), every text in full — the demo year's longest card, and longer ones,
fit. Only text that does not fit even then (thousands of characters) goes on to a next page, which
opens with a "（续）" line naming the card and its number; the signatures stay with the last item.

Left out on purpose: the record sheet's photos (optional in formats.md); the card's agenda (the
card is the one-page summary, the record sheet has everything); slips for items solved on the spot
or not adopted (nothing to hand over).
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, time
from pathlib import Path

from PySide6.QtGui import QImage, QPagedPaintDevice, QPainter

from liaison_desk import __version__
from liaison_desk.documents import layout, pdf_writer
from liaison_desk.documents.layout import (
    TEXT_WIDTH,
    TITLE_SIZE,
    Align,
    Blank,
    Block,
    FillLines,
    FontBook,
    Op,
    Page,
    Paragraph,
    Spacer,
    Style,
    TextBox,
)
from liaison_desk.documents.qr import qr_ops
from liaison_desk.documents.sheet_data import SheetData, SheetKind, SheetOptions
from liaison_desk.documents.tables import Cell, Row, Table, TableStyle
from liaison_desk.domain.entities import Consultation, OutcomeItem
from liaison_desk.domain.enums import ConsultationStatus, OutcomeStatus, ParticipantCategory
from liaison_desk.domain.masking import mask_name
from liaison_desk.domain.privacy import MaskingRules, Privacy
from liaison_desk.domain.rules import Problem, ValidationError


class NothingToPrint(ValidationError):
    """The consultations asked for give no page of this kind (slips: no item to hand over)."""

    def __init__(self, message: str) -> None:
        super().__init__([Problem("consultations", message)])


# --- the job ------------------------------------------------------------------------------------


@dataclass
class _Document:
    """One consultation's sheet (or one slip): its pages and the furniture of each page."""

    number: str
    pages: list[Page]
    furniture: list[list[Op]]


class PrintJob:
    """Laid-out sheets, ready to draw on any device as often as needed."""

    def __init__(self, title: str, documents: Sequence[_Document]) -> None:
        self.title = title
        self._pages: list[tuple[Page, list[Op], str]] = [
            (page, extra, doc.number)
            for doc in documents
            for page, extra in zip(doc.pages, doc.furniture, strict=True)
        ]
        self.document_count = len(documents)

    def page_count(self) -> int:
        return len(self._pages)

    def content_of(self, index: int) -> Page:
        """What page ``index`` says inside its text block (without page number and QR code)."""
        return self._pages[index][0]

    def consultation_number_of(self, index: int) -> str:
        """The consultation number that page ``index`` carries (and its QR code encodes)."""
        return self._pages[index][2]

    def render_page(self, painter: QPainter, index: int) -> None:
        """Draw page ``index`` with a painter whose unit is one point from the paper's top-left
        corner (``layout.begin_points``)."""
        page, extra, _ = self._pages[index]
        layout.paint_page(painter, [*page, *extra])

    def render(self, device: QPagedPaintDevice) -> None:
        """Set ``device`` (QPdfWriter or QPrinter) to A4 portrait and draw every page, with a new
        page between them."""
        layout.render(self, device)

    def write_pdf(self, path: Path) -> None:
        """Write the job as a PDF (fonts embedded) to ``path``: through a temporary file in the
        same folder, renamed when complete; nothing is left behind on error (OSError)."""
        pdf_writer.write_pdf(
            self,
            Path(path),
            pdf_writer.PdfInfo(title=self.title, creator=f"联络组履职档案台 {__version__}"),
        )

    def page_image(self, index: int, dpi: float = 150) -> QImage:
        """Page ``index`` on a white A4 image at ``dpi`` (thumbnails, tests)."""
        return layout.page_image(self, index, dpi)


def build_job(kind: SheetKind, data: Sequence[SheetData], options: SheetOptions) -> PrintJob:
    """Lay out ``kind`` for each consultation in ``data`` (each starting on a new page). Needs a
    QGuiApplication. NothingToPrint when no page results (slips without items to hand over)."""
    book = FontBook(options.fonts)
    documents: list[_Document] = []
    for item in data:
        for blocks in _SHEETS[kind](item, options, book):
            pages = layout.paginate(blocks)
            documents.append(_document(item.consultation.number, pages, book))
    if not documents:
        if kind is SheetKind.SLIP:
            raise NothingToPrint(
                "所选协商活动没有需要交办的意见建议（现场解决和不予采纳的不出交办单），没有可打印的交办单。"
            )
        raise NothingToPrint("没有选择要打印的协商活动。")
    return PrintJob(_job_title(kind, data), documents)


def _document(number: str, pages: list[Page], book: FontBook) -> _Document:
    qr = qr_ops(book, number) if number else []
    furniture = [[*layout.page_number_ops(book, i + 1), *qr] for i in range(len(pages))]
    return _Document(number, pages, furniture)


def _job_title(kind: SheetKind, data: Sequence[SheetData]) -> str:
    name = kind.label
    if kind is SheetKind.CARD and data:
        name = f"{data[0].consultation.kind.short_label}记录卡"
    if not data:
        return name
    first = data[0].consultation.number or data[0].consultation.title
    if len(data) == 1:
        return f"{first} {name}"
    return f"{first} 等 {len(data)} 项 {name}"


# --- privacy -----------------------------------------------------------------------------------


def _privacy(data: SheetData, mask: bool) -> Privacy:
    """Who this sheet masks: the one policy (domain/privacy.py) over its consultation and the
    people it may name (or the package's decision it belongs to); nothing when the secretary
    chose an unmasked copy."""
    if mask and data.privacy is not None:
        return data.privacy
    return Privacy(
        data.people.values(), [data.consultation], data.rules if mask else MaskingRules.NOTHING
    )


# --- formatting --------------------------------------------------------------------------------


def _date(d: date | None) -> str:
    return f"{d.year}年{d.month}月{d.day}日" if d else ""


def _clock(t: time | None) -> str:
    return f"{t.hour}:{t.minute:02d}" if t else ""


def _when(c: Consultation) -> str:
    times = "—".join(x for x in (_clock(c.start_time), _clock(c.end_time)) if x)
    return " ".join(x for x in (_date(c.held_on), times) if x)


def _group_name(data: SheetData) -> str:
    return data.group.name if data.group is not None else ""


# --- what never breaks across lines, and columns sized to their text --------------------------

# Full dates (2024年12月31日), numbers with their masked forms (13812345678, 138****5678,
# 0572-****5678, ID numbers), times (14:00—16:30) and short notes in brackets (（主任）).
_KEEP_ALWAYS = (
    r"\d{4}年\d{1,2}月\d{1,2}日",
    r"\d{4}年\d{1,2}月",
    r"\d{1,2}月\d{1,2}日",
    r"\d{1,2}:\d{2}(?:—\d{1,2}:\d{2})?",
    r"[0-9][0-9*\-]*[0-9Xx]",
    r"（[^（）\n]{1,8}）",
)
_LONGEST_NAME = 8  # a longer "name" is a phrase: it may wrap like any text


def _person_name(text: str) -> str:
    """The name in a field such as 责任人 "胡琳梅（主任）"."""
    return re.split(r"[（(]", text, maxsplit=1)[0].strip()


def _keep(data: SheetData, privacy: Privacy) -> re.Pattern[str]:
    """What this sheet never breaks across lines: the dates, numbers and times it prints, and
    the name of everyone it may name, as recorded and as masked (张某)."""
    c = data.consultation
    names: set[str] = set()
    people: list[str] = [p.name for p in c.participants]
    people += [p.name for p in data.people.values()]
    people += [c.host, c.recorder, *(s.speaker for s in c.speeches)]
    people += [_person_name(i.responsible_person) for i in c.outcome_items]
    if data.group is not None:
        people.append(data.group.secretary)
    for name in people:
        name = name.strip()
        if 2 <= len(name) <= _LONGEST_NAME:
            names.update((name, mask_name(name)))
    names.update(privacy.name(p) for p in c.participants if len(privacy.name(p)) >= 2)
    ordered = sorted(names, key=lambda n: (-len(n), n))
    return re.compile("|".join([*_KEEP_ALWAYS, *(re.escape(n) for n in ordered)]))


def _measure(book: FontBook, style: TableStyle, role: str, texts: Iterable[str]) -> float:
    """The width of the widest line of ``texts`` in ``role`` at the table's size."""
    text_style = Style(role=role, size=style.size, line_height=style.line_height, align=Align.LEFT)
    return max(
        (TextBox(t, text_style, book, TEXT_WIDTH).max_width() for t in texts if t), default=0.0
    )


def _column(
    book: FontBook,
    values: Iterable[str],
    heading: str = "",
    *,
    style: TableStyle | None = None,
    at_least: float = 0.0,
    at_most: float = TEXT_WIDTH,
) -> float:
    """A column just wide enough for its heading and each value on one line (within limits)."""
    style = style or TableStyle()
    widest = max(
        _measure(book, style, "heading1", [heading]), _measure(book, style, "body", values)
    )
    return min(at_most, max(at_least, math.ceil(widest + 2 * style.pad_x + 1.0)))


# What a column sized by its text must hold at least: a four-character name, an 11-digit mobile
# and the longest date (whatever the faces chosen in the settings).
_NAME_SAMPLE = "欧阳娜娜"
_PHONE_SAMPLE = "13800000000"
_DATE_SAMPLE = "2024年12月31日"


def _name_column(book: FontBook, names: Iterable[str], heading: str, style: TableStyle) -> float:
    cap = _measure(book, style, "body", ["字" * _LONGEST_NAME]) + 2 * style.pad_x + 1.0
    return _column(book, [_NAME_SAMPLE, *names], heading, style=style, at_most=cap)


TITLE_STYLE = Style(role="title", size=TITLE_SIZE, line_height=36.0, align=Align.CENTER)
FORM = TableStyle()
INFO = TableStyle(borders=False, pad_y=1.0)
SIGN_STYLE = Style(role="body", size=14.0, line_height=28.0, align=Align.LEFT)


def _title(
    book: FontBook, group: str, name: str, style: Style = TITLE_STYLE, space_after: float = 12.0
) -> Paragraph:
    """The title centred in 2号 title face (or ``style``): group and sheet name on one line when
    it fits with room to spare, else on two lines (the group on the first)."""
    one_line = f"{group}{name}"
    probe = TextBox(one_line, style, book, TEXT_WIDTH)
    text = one_line
    if group and (probe.line_count > 1 or probe.max_width() > TEXT_WIDTH * 0.92):
        text = f"{group}\n{name}"
    return Paragraph(text, style, book, space_after=space_after)


def _label(text: str, span: int = 1) -> Cell:
    return Cell(text, span=span, role="heading1", align=Align.CENTER)


def _value(text: str, span: int = 1, align: Align = Align.LEFT) -> Cell:
    return Cell(text, span=span, role="body", align=align)


def _head(text: str) -> Cell:
    return Cell(text, role="heading1", align=Align.CENTER)


def _caption(text: str, span: int) -> Row:
    return Row([Cell(text, span=span, role="heading1", align=Align.LEFT)], keep_with_next=True)


def _none_row(span: int, text: str = "（无）") -> Row:
    return Row([Cell(text, span=span, role="body", align=Align.CENTER)])


def _participants_text(c: Consultation, privacy: Privacy, *, inline: bool = False) -> str:
    """Who took part, by category with counts; the counted crowd; who was absent; the totals.
    One line each, or ``inline`` in one paragraph (the card)."""
    lines = []
    for category in ParticipantCategory:
        names = [privacy.name(p) for p in c.participants if p.category is category and p.attended]
        if names:
            lines.append(f"{category.label}（{len(names)}人）：{'、'.join(names)}")
    crowd = [f"{h.category.label}{h.count}人" for h in c.head_counts if h.count]
    if crowd:
        lines.append(f"另有到场未登记姓名：{'、'.join(crowd)}")
    absent = [
        privacy.name(p) + (f"（{privacy.text(p.absence_reason)}）" if p.absence_reason else "")
        for p in c.participants
        if not p.attended
    ]
    if absent:
        lines.append(f"缺席（{len(absent)}人）：{'、'.join(absent)}")
    lines.append(
        f"应到{c.expected_count}人，实到{c.attended_count}人，参与{c.attendance_total}人次"
        f"（其中政协委员{c.member_attendance}人次）。"
    )
    if inline:
        return "；".join(line.rstrip("。") for line in lines) + "。"
    return "\n".join(lines)


def _signatures(book: FontBook) -> FillLines:
    return FillLines(
        [
            ["主持人：", Blank(96), "　记录人：", Blank(96)],
            ["日期：", Blank(48), "年", Blank(30), "月", Blank(30), "日"],
        ],
        SIGN_STYLE,
        book,
        space_before=24.0,
    )


def _open_items(c: Consultation) -> list[OutcomeItem]:
    return [i for i in c.outcome_items if not i.is_deleted]


def _status(item: OutcomeItem) -> str:
    if item.solved_on_spot and item.status is OutcomeStatus.SOLVED:
        return "已解决（现场）"
    return item.status.label


# --- 签到表 ------------------------------------------------------------------------------------

_SIGNIN_ROW = 26.0  # room to sign by hand (about 9 mm)
_SIGN_WIDTH = 64.0  # room to sign by hand (about 23 mm)
_NOTE_WIDTH = 44.0


def _signin_columns(
    book: FontBook, last: int, names: Sequence[str], phones: Sequence[str]
) -> tuple[float, ...]:
    """序号 姓名 单位 职务 联系电话 签名 备注: 序号, 姓名 and 联系电话 as wide as their text (a
    four-character name and an 11-digit mobile on one line), room to sign and note, and the
    rest shared by 单位 and 职务."""
    number = _column(book, [str(last)], "序号")
    name = _name_column(book, names, "姓名", TableStyle())
    phone = _column(book, [_PHONE_SAMPLE, *phones], "联系电话")
    rest = TEXT_WIDTH - number - name - phone - _SIGN_WIDTH - _NOTE_WIDTH
    unit = math.floor(rest * 0.58)
    return (number, name, unit, rest - unit, phone, _SIGN_WIDTH, _NOTE_WIDTH)


def signin_sheet(data: SheetData, options: SheetOptions, book: FontBook) -> list[list[Block]]:
    c = data.consultation
    privacy = _privacy(data, options.mask)
    info = Table(
        (56.0, 190.0, 56.0, TEXT_WIDTH - 302.0),
        [
            Row([_label("编号："), _value(c.number), _label("主持人："), _value(c.host)]),
            Row([_label("议题："), _value(c.title, span=3)]),
            Row([_label("时间："), _value(_when(c)), _label("地点："), _value(c.venue)]),
        ],
        book,
        style=INFO,
        keep=_keep(data, privacy),
    )
    header = [Row([_head(h) for h in ("序号", "姓名", "单位", "职务", "联系电话", "签名", "备注")])]
    rows: list[Row] = []
    phones = [privacy.participant_phone(p) for p in c.participants]
    for n, (p, phone) in enumerate(zip(c.participants, phones, strict=True), start=1):
        # A sheet printed after the session (for the archive) marks who was absent, and why;
        # before it (planned), attendance is what the sheet is there to record.
        away = not p.attended and c.status is not ConsultationStatus.PLANNED
        sign = "（缺席）" if away else ""
        note = privacy.text(p.absence_reason) if away else ""
        rows.append(
            Row(
                [
                    _value(str(n), align=Align.CENTER),
                    _value(p.name, align=Align.CENTER),
                    _value(p.unit),
                    _value(p.title),
                    _value(phone, align=Align.CENTER),
                    _value(sign, align=Align.CENTER),
                    _value(note),
                ],
                min_height=_SIGNIN_ROW,
            )
        )
    start = len(rows) + 1
    for n in range(start, start + max(0, options.blank_rows)):
        rows.append(
            Row([_value(str(n), align=Align.CENTER)] + [_value("")] * 6, min_height=_SIGNIN_ROW)
        )
    if c.status is ConsultationStatus.PLANNED or not c.participants:
        attended = absent = "＿＿＿"
    else:
        attended, absent = str(c.attended_count), str(c.expected_count - c.attended_count)
    totals = f"应到 {c.expected_count} 人　　实到 {attended} 人　　缺席 {absent} 人"
    rows.append(
        Row([Cell(totals, span=7, role="heading1", align=Align.CENTER)], min_height=_SIGNIN_ROW)
    )
    columns = _signin_columns(
        book, start + max(0, options.blank_rows) - 1, [p.name for p in c.participants], phones
    )
    table = Table(columns, rows, book, header=header, keep=_keep(data, privacy))
    title = _title(book, _group_name(data), f"{c.kind.label}活动签到表")
    return [[title, info, Spacer(8.0), table]]


# --- 议事记录表 --------------------------------------------------------------------------------

# label, value, label, value: the first value takes a date with its times on one line.
_FORM_COLUMNS = (64.0, 178.0, 64.0, TEXT_WIDTH - 306.0)
_WIDE_COLUMNS = (64.0, TEXT_WIDTH - 64.0)


def _basic_form(c: Consultation, privacy: Privacy, *, inline: bool = False) -> list[Row]:
    """编号, 议题来源, 议题, 时间, 地点, 主持人, 记录人, 参加人员 and 议程, as form rows."""
    agenda = "\n".join(f"{n}. {item}" for n, item in enumerate(c.agenda, start=1)) or "（未记录）"
    return [
        Row([_label("编号"), _value(c.number), _label("议题来源"), _value(c.topic_source.label)]),
        Row([_label("议题"), _value(c.title, span=3)]),
        Row([_label("时间"), _value(_when(c)), _label("地点"), _value(c.venue)]),
        Row([_label("主持人"), _value(c.host), _label("记录人"), _value(c.recorder)]),
        Row(
            [_label("参加人员"), _value(_participants_text(c, privacy, inline=inline), span=3)],
            splittable=True,
        ),
        Row([_label("议程"), _value(privacy.text(agenda), span=3)], splittable=True),
    ]


def record_sheet(data: SheetData, options: SheetOptions, book: FontBook) -> list[list[Block]]:
    c = data.consultation
    privacy = _privacy(data, options.mask)
    keep = _keep(data, privacy)
    blocks: list[Block] = [_title(book, _group_name(data), f"{c.kind.label}活动议事记录表")]
    blocks.append(Table(_FORM_COLUMNS, _basic_form(c, privacy), book, keep=keep))

    # 协商程序: the consultation's own copy of the checklist.
    done_on = _column(book, [_DATE_SAMPLE, *(_date(s.done_on) for s in c.checklist)], "完成日期")
    steps_columns = (40.0, 150.0, 72.0, done_on, TEXT_WIDTH - 262.0 - done_on)
    steps = [
        Row(
            [
                _value(str(n), align=Align.CENTER),
                _value(step.name),
                _value("已完成" if step.done else "未完成", align=Align.CENTER),
                _value(_date(step.done_on), align=Align.CENTER),
                _value(privacy.text(step.note)),
            ]
        )
        for n, step in enumerate(c.checklist, start=1)
    ] or [_none_row(5, "（未记录）")]
    blocks.append(
        Table(
            steps_columns,
            steps,
            book,
            caption=[_caption("协商程序", 5)],
            header=[Row([_head(h) for h in ("序号", "步骤", "完成情况", "完成日期", "备注")])],
            keep=keep,
        )
    )

    # 发言摘要
    speaker = _name_column(
        book, [privacy.speaker(s.speaker) for s in c.speeches], "发言人", TableStyle()
    )
    speech_columns = (36.0, speaker, 90.0, TEXT_WIDTH - 126.0 - speaker)
    speeches = [
        Row(
            [
                _value(str(n), align=Align.CENTER),
                _value(privacy.speaker(s.speaker), align=Align.CENTER),
                _value(privacy.text(s.capacity)),
                _value(privacy.text(s.content)),
            ],
            splittable=True,
        )
        for n, s in enumerate(c.speeches, start=1)
    ] or [_none_row(4, "（未记录）")]
    blocks.append(
        Table(
            speech_columns,
            speeches,
            book,
            caption=[_caption("发言摘要", 4)],
            header=[Row([_head(h) for h in ("序号", "发言人", "身份", "内容")])],
            keep=keep,
        )
    )

    # 会议记录, 协商成果
    blocks.append(
        Table(
            _WIDE_COLUMNS,
            [
                Row(
                    [_label("会议记录"), _value(privacy.text(c.minutes) or "（未记录）")],
                    splittable=True,
                ),
                Row(
                    [_label("协商成果"), _value(privacy.text(c.consensus) or "（未记录）")],
                    splittable=True,
                ),
            ],
            book,
            keep=keep,
        )
    )

    # 意见建议
    deadline = _column(book, [_DATE_SAMPLE, *(_date(i.deadline) for i in c.outcome_items)], "时限")
    item_columns = (40.0, TEXT_WIDTH - 200.0 - deadline, 100.0, deadline, 60.0)
    items = [
        Row(
            [
                _value(str(n), align=Align.CENTER),
                _value(privacy.text(i.content)),
                _value(i.responsible_body),
                _value(_date(i.deadline), align=Align.CENTER),
                _value(_status(i), align=Align.CENTER),
            ],
            splittable=True,
        )
        for n, i in enumerate(_open_items(c), start=1)
    ] or [_none_row(5)]
    blocks.append(
        Table(
            item_columns,
            items,
            book,
            caption=[_caption(f"意见建议（{len(_open_items(c))}条）", 5)],
            header=[Row([_head(h) for h in ("序号", "内容", "责任单位", "时限", "状态")])],
            keep=keep,
        )
    )
    blocks.append(_signatures(book))
    return [blocks]


# --- 交办单 ------------------------------------------------------------------------------------


def _items_to_hand_over(c: Consultation) -> dict[str, list[OutcomeItem]]:
    """Outcome items by responsible body (in the order they come), leaving out those solved on
    the spot and those not adopted: nothing to hand over there."""
    bodies: dict[str, list[OutcomeItem]] = {}
    for item in _open_items(c):
        if item.solved_on_spot or item.status is OutcomeStatus.NOT_ADOPTED:
            continue
        bodies.setdefault(item.responsible_body.strip(), []).append(item)
    return bodies


def assignment_slips(data: SheetData, options: SheetOptions, book: FontBook) -> list[list[Block]]:
    c = data.consultation
    privacy = _privacy(data, options.mask)
    keep = _keep(data, privacy)
    group = data.group
    slips: list[list[Block]] = []
    for body, items in _items_to_hand_over(c).items():
        deadlines = [i.deadline for i in items if i.deadline]
        due = (
            f"请于{_date(max(deadlines))}前办结，并将办理情况书面反馈联络组。"
            if deadlines
            else "请及时办理，并将办理情况书面反馈联络组。"
        )
        contact = "，".join(
            x
            for x in (
                f"{group.secretary}（{group.name}）"
                if group and group.secretary
                else (group.name if group else ""),
                f"联系电话 {group.secretary_phone}" if group and group.secretary_phone else "",
            )
            if x
        )
        form = Table(
            _FORM_COLUMNS,
            [
                Row(
                    [
                        _label("协商编号"),
                        _value(c.number),
                        _label("协商日期"),
                        _value(_date(c.held_on)),
                    ]
                ),
                Row([_label("协商议题"), _value(c.title, span=3)]),
                Row([_label("责任单位"), _value(body or "", span=3)], min_height=28.0),
            ],
            book,
            keep=keep,
        )
        item_rows = [
            Row(
                [
                    _value(str(n), align=Align.CENTER),
                    _value(privacy.text(i.content)),
                    _value(i.responsible_person),
                    _value(_date(i.deadline), align=Align.CENTER),
                ],
                splittable=True,
            )
            for n, i in enumerate(items, start=1)
        ]
        # 责任人 and 完成时限 as wide as a name with its post and a date; the content the rest.
        person = _column(
            book,
            [_NAME_SAMPLE, *(i.responsible_person for i in items)],
            "责任人",
            at_most=_measure(book, TableStyle(), "body", ["字" * _LONGEST_NAME]) + 9.0,
        )
        due_by = _column(book, [_DATE_SAMPLE, *(_date(i.deadline) for i in items)], "完成时限")
        listing = Table(
            (40.0, TEXT_WIDTH - 40.0 - person - due_by, person, due_by),
            item_rows,
            book,
            caption=[_caption(f"交办事项（{len(items)}条）", 4)],
            header=[Row([_head(h) for h in ("序号", "内容", "责任人", "完成时限")])],
            keep=keep,
        )
        reply = Table(
            _FORM_COLUMNS,
            [
                Row([_label("办理时限"), _value(due, span=3)]),
                Row([_label("联系人"), _value(contact, span=3)]),
                Row([_label("办理情况"), _value("", span=3)], min_height=180.0),
                Row(
                    [
                        _label("答复人"),
                        _value(""),
                        _label("答复日期"),
                        _value("年　　月　　日", align=Align.RIGHT),
                    ],
                    min_height=30.0,
                ),
            ],
            book,
            keep=keep,
        )
        issuer = FillLines(
            [
                [f"交办单位：{group.name if group else ''}（盖章）"],
                ["交办日期：", Blank(48), "年", Blank(30), "月", Blank(30), "日"],
            ],
            SIGN_STYLE,
            book,
            space_before=24.0,
        )
        slips.append(
            [_title(book, _group_name(data), "协商意见交办单"), form, listing, reply, issuer]
        )
    return slips


# --- 微协商记录卡 ------------------------------------------------------------------------------


@dataclass(frozen=True)
class _CardText:
    """What a card says, masked as asked: worked out once, laid out in one style after another."""

    form: list[Row]
    checklist: str
    minutes: str
    speeches: str
    consensus: str
    items: str
    keep: re.Pattern[str]


def _card_text(data: SheetData, options: SheetOptions) -> _CardText:
    c = data.consultation
    privacy = _privacy(data, options.mask)
    checklist = "　".join(f"{'√' if s.done else '□'}{s.name}" for s in c.checklist) or "（未记录）"
    speeches = (
        "\n".join(
            f"{privacy.speaker(s.speaker)}（{privacy.text(s.capacity)}）：{privacy.text(s.content)}"
            if s.capacity
            else f"{privacy.speaker(s.speaker)}：{privacy.text(s.content)}"
            for s in c.speeches
        )
        or "（未记录）"
    )
    items = "\n".join(
        f"{n}. {privacy.text(i.content)}"
        + "（"
        + "；".join(
            x
            for x in (
                f"责任单位：{i.responsible_body}" if i.responsible_body else "",
                f"时限：{_date(i.deadline)}" if i.deadline else "",
                _status(i),
            )
            if x
        )
        + "）"
        for n, i in enumerate(_open_items(c), start=1)
    )
    return _CardText(
        form=_basic_form(c, privacy, inline=True)[:5],
        checklist=checklist,
        minutes=privacy.text(c.minutes) or "（未记录）",
        speeches=speeches,
        consensus=privacy.text(c.consensus) or "（未记录）",
        items=items or "（无）",
        keep=_keep(data, privacy),
    )


def _card_blocks(
    data: SheetData, text: _CardText, book: FontBook, style: TableStyle
) -> list[Block]:
    """The card's title and form, every text in full. Should it run over a page, the next page
    opens with a "（续）" line naming the card and its number, and the signatures never stand
    alone there."""
    c = data.consultation
    rows = [
        *text.form,
        Row([_label("协商程序"), _value(text.checklist, span=3)]),
        Row([_label("协商情况"), _value(text.minutes, span=3)], splittable=True),
        Row([_label("发言摘要"), _value(text.speeches, span=3)], splittable=True),
        Row([_label("协商成果"), _value(text.consensus, span=3)], splittable=True),
        # Kept with the signatures: they never stand alone on a page.
        Row([_label("意见建议"), _value(text.items, span=3)], keep_with_next=True),
        Row(
            [_label("主持人签名"), _value(""), _label("记录人签名"), _value("")],
            min_height=max(2 * style.line_height, _SIGNATURE_ROW),
        ),
    ]
    # The label column just holds five characters: the text gets the rest of the width.
    label = 5 * style.size + 2 * style.pad_x + 4
    columns = (label, 178.0, label, TEXT_WIDTH - 178.0 - 2 * label)
    name = f"{c.kind.short_label}记录卡"
    continued = Row(
        [Cell(f"{_group_name(data)}{name}（续）　编号：{c.number}", span=4, role="heading1")]
    )
    title = (
        _title(book, _group_name(data), name)
        if style.size >= _CARD_SMALL_TITLE_BELOW
        else _title(book, _group_name(data), name, _CARD_SMALL_TITLE, space_after=6.0)
    )
    table = Table(columns, rows, book, style=style, continuation=[continued], keep=text.keep)
    return [title, table]


_SIGNATURE_ROW = 28.0  # room to sign by hand (about 10 mm), however small the card's type
# A card in type below 五号 has its title in 小二 (18 pt), leaving the room to its text.
_CARD_SMALL_TITLE_BELOW = 10.5
_CARD_SMALL_TITLE = Style(role="title", size=18.0, line_height=26.0, align=Align.CENTER)

# 小四 in the forms' spacing, then ever tighter down to 9 pt (the least still read with ease on
# paper): a card fits one page at the first of these that holds it.
CARD_STYLES = (
    TableStyle(),
    TableStyle(line_height=18.0, pad_y=2.5),
    TableStyle(size=10.5, line_height=15.0, pad_y=2.0),
    TableStyle(size=10.5, line_height=14.0, pad_y=2.0),
    TableStyle(size=10.0, line_height=13.0, pad_x=3.0, pad_y=1.5),
    TableStyle(size=9.0, line_height=12.0, pad_x=3.0, pad_y=1.5),
    TableStyle(size=9.0, line_height=11.0, pad_x=3.0, pad_y=1.0),
)


def micro_card(data: SheetData, options: SheetOptions, book: FontBook) -> list[list[Block]]:
    """The micro-consultation on one page: in 小四 when it fits, else in tighter spacing and
    smaller type down to 9 pt, every text in full. Only text too long for a page even then
    (several thousand characters) continues on a second page, marked "（续）" at its top; the
    signatures are the form's last row, with the last item above them."""
    text = _card_text(data, options)
    # The first style that fits, found by halving (each style is tighter than the one before);
    # the tightest when none does.
    tried: dict[int, list[Block]] = {}
    low, high = 0, len(CARD_STYLES)
    while low < high:
        middle = (low + high) // 2
        tried[middle] = _card_blocks(data, text, book, CARD_STYLES[middle])
        if len(layout.paginate(tried[middle])) == 1:
            high = middle
        else:
            low = middle + 1
    index = min(low, len(CARD_STYLES) - 1)
    return [tried.get(index) or _card_blocks(data, text, book, CARD_STYLES[index])]


_SHEETS = {
    SheetKind.SIGNIN: signin_sheet,
    SheetKind.RECORD: record_sheet,
    SheetKind.SLIP: assignment_slips,
    SheetKind.CARD: micro_card,
}

__all__ = ["NothingToPrint", "PrintJob", "SheetKind", "SheetOptions", "build_job"]
