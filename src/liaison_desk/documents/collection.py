"""A collection of case write-ups (案例汇编) as one PDF: a cover, a contents page, then every case
as ``documents.case_document`` lays it out, each starting on a new page.

Page numbers. The cover and the contents pages carry no page number (as printed compilations
do); the cases are numbered "— 1 —", "— 2 —" … from the first page of the first case, odd pages
at the right and even pages at the left (GB/T 9704). The contents lists each case with the
printed number of the page it starts on. The cases are laid out first, so the numbers are known
before the contents is laid out: the contents' own length cannot shift them (one pass is enough).

Cover: the title in 一号 (26 pt) title face, centred in the upper third (broken before the year
when it does not fit on one line); the issuer (编印单位) and the date in Chinese numerals
(二〇二五年一月) in 3号 楷体 at the foot of the text block.

Contents: "目　录" in 2号 title face; per case its title in 3号 仿宋 with dot leaders to the page
number at the right, and the subtitle under it in 4号 楷体.

For a reader on screen (and an archive), the PDF has a bookmark for the contents and one per case
(its numbered sections under it), each contents entry links to its case's first page, and the
page labels read as the printed numbers: "封面" for the cover, i, ii … for the contents, then
1, 2 … as "— n —" says.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QPainter, QPainterPath

from liaison_desk.documents import layout
from liaison_desk.documents.case_data import CaseDocumentData
from liaison_desk.documents.case_document import PagedDocument, case_pages
from liaison_desk.documents.layout import (
    BODY_LINE_HEIGHT,
    BODY_SIZE,
    TEXT_HEIGHT,
    TEXT_LEFT,
    TEXT_RIGHT,
    TEXT_TOP,
    TEXT_WIDTH,
    TITLE_SIZE,
    Align,
    Block,
    BookmarkOp,
    FillOp,
    FontBook,
    LinkOp,
    Op,
    Page,
    Pager,
    Paragraph,
    Spacer,
    Style,
    TextBox,
    TextLineOp,
)
from liaison_desk.documents.pdf_writer import PageLabel
from liaison_desk.progress import Progress

COVER_TITLE_SIZE = 26.0  # 一号
COVER_TITLE_LINE = 46.0
COVER_TITLE_TOP = TEXT_HEIGHT * 0.22  # from the top of the text block
NUMBER_COLUMN = 3 * BODY_SIZE  # room for the page number at the right of a contents line
LEADER_PITCH = 8.0
LEADER_RADIUS = 0.75


@dataclass(frozen=True)
class CollectionInfo:
    """What the cover says. ``fonts``: role → family from the settings (see FontBook)."""

    title: str
    issuer: str = ""
    on: date | None = None
    fonts: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class ContentsEntry:
    title: str
    subtitle: str
    page: int  # the printed number "— n —" of the page the case starts on
    pdf_page: int  # 1-based index of that page in the PDF file


@dataclass(frozen=True)
class CollectionResult:
    path: Path | None
    page_count: int  # pages in the file
    front_pages: int  # cover and contents: unnumbered
    entries: tuple[ContentsEntry, ...]


# --- cover ---------------------------------------------------------------------------------------

_CN_DIGITS = "〇一二三四五六七八九"
_CN_MONTHS = ("一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二")


def chinese_date(d: date) -> str:
    """2025-01-10 → 二〇二五年一月 (the month only, as covers print it)."""
    year = "".join(_CN_DIGITS[int(ch)] for ch in str(d.year))
    return f"{year}年{_CN_MONTHS[d.month - 1]}月"


def _cover_title_lines(title: str, book: FontBook, style: Style) -> str:
    """The title, broken before its year (or before "协商案例汇编") when it does not fit on one
    line of the cover."""
    probe = TextBox(title, style, book, TEXT_WIDTH)
    if probe.line_count <= 1:
        return title
    import re

    match = re.search(r"\d{4}(?:[—-]\d{4})?年", title)
    if match and match.start() > 0:
        return f"{title[: match.start()]}\n{title[match.start() :]}"
    for tail in ("协商案例汇编", "案例汇编"):
        at = title.rfind(tail)
        if at > 0:
            return f"{title[:at]}\n{title[at:]}"
    return title


def cover_page(info: CollectionInfo, book: FontBook) -> Page:
    title_style = Style(
        role="title", size=COVER_TITLE_SIZE, line_height=COVER_TITLE_LINE, align=Align.CENTER
    )
    ops: Page = []
    title = TextBox(
        _cover_title_lines(info.title, book, title_style), title_style, book, TEXT_WIDTH
    )
    top = TEXT_TOP + COVER_TITLE_TOP
    for i in range(title.line_count):
        ops.append(TextLineOp(title, i, TEXT_LEFT, top + i * COVER_TITLE_LINE))
    foot_style = Style(role="heading2", size=BODY_SIZE, align=Align.CENTER)
    lines = [x for x in (info.issuer, chinese_date(info.on) if info.on else "") if x.strip()]
    foot = TextBox("\n".join(lines), foot_style, book, TEXT_WIDTH)
    foot_top = TEXT_TOP + TEXT_HEIGHT - (foot.line_count + 1) * BODY_LINE_HEIGHT
    for i in range(foot.line_count):
        ops.append(TextLineOp(foot, i, TEXT_LEFT, foot_top + i * BODY_LINE_HEIGHT))
    return ops


# --- contents ------------------------------------------------------------------------------------


class _Entry(Block):
    """One line (or more) of the contents: the case title, dot leaders, the page number; the
    subtitle under it."""

    TITLE = Style(role="body", size=BODY_SIZE, align=Align.LEFT)
    SUBTITLE = Style(role="heading2", size=14.0, line_height=24.0, align=Align.LEFT, indent=2)

    def __init__(self, entry: ContentsEntry, book: FontBook, key: str) -> None:
        self.key = key  # the case's bookmark: the entry links to it
        self.title = TextBox(entry.title, self.TITLE, book, TEXT_WIDTH - NUMBER_COLUMN)
        self.number = TextBox(str(entry.page), self.TITLE, book, NUMBER_COLUMN)
        self.subtitle = TextBox(entry.subtitle, self.SUBTITLE, book, TEXT_WIDTH - NUMBER_COLUMN)
        self.space_after = 8.0

    @property
    def height(self) -> float:
        return self.title.height + self.subtitle.height

    def lead_height(self) -> float:
        return self.height

    def place(self, pager: Pager, follow: float) -> None:
        if not pager.fits(self.height) and not pager.fresh:
            pager.new_page()
        lh = self.TITLE.line_height
        pager.add(LinkOp(QRectF(TEXT_LEFT, pager.top, TEXT_WIDTH, self.height), self.key))
        for i in range(self.title.line_count):
            pager.add(TextLineOp(self.title, i, TEXT_LEFT, pager.top))
            if i == self.title.line_count - 1:
                self._leader_and_number(pager, i)
            pager.advance(lh)
        for i in range(self.subtitle.line_count):
            pager.add(TextLineOp(self.subtitle, i, TEXT_LEFT, pager.top))
            pager.advance(self.SUBTITLE.line_height)
        pager.advance(self.space_after)

    def _leader_and_number(self, pager: Pager, index: int) -> None:
        top = pager.top
        number_width = self.number.natural_width()
        number_x = TEXT_RIGHT - number_width
        pager.add(TextLineOp(self.number, 0, number_x, top))
        start = TEXT_LEFT + self.title.natural_width(index) + BODY_SIZE / 2
        end = number_x - BODY_SIZE / 3
        y = top + self.title.baseline(index) - LEADER_RADIUS
        path = QPainterPath()
        x = end - LEADER_RADIUS
        while x - LEADER_RADIUS >= start:
            path.addEllipse(QPointF(x, y), LEADER_RADIUS, LEADER_RADIUS)
            x -= LEADER_PITCH
        if not path.isEmpty():
            pager.add(FillOp(path))


def _case_key(n: int) -> str:
    return f"case-{n + 1}"


def contents_pages(entries: Sequence[ContentsEntry], book: FontBook) -> list[Page]:
    heading = Style(role="title", size=TITLE_SIZE, line_height=36.0, align=Align.CENTER)
    blocks: list[Block] = [
        Paragraph(
            "目　录",
            heading,
            book,
            space_after=BODY_LINE_HEIGHT / 2,
            bookmark=BookmarkOp("目录", 0),
        ),
        Spacer(BODY_LINE_HEIGHT / 2),
    ]
    blocks.extend(_Entry(e, book, _case_key(n)) for n, e in enumerate(entries))
    return layout.paginate(blocks)


# --- the whole -----------------------------------------------------------------------------------


class _Collection(PagedDocument):
    """The pages, reporting progress (and honouring a cancel) as they are drawn."""

    def __init__(
        self,
        title: str,
        pages: Sequence[tuple[Page, list[Op]]],
        page_labels: Sequence[PageLabel],
        on_page: Callable[[int, int], None] | None = None,
    ) -> None:
        super().__init__(title, pages, page_labels)
        self._on_page = on_page

    def render_page(self, painter: QPainter, index: int) -> None:
        if self._on_page is not None:
            self._on_page(index, self.page_count())
        super().render_page(painter, index)


def build_collection(
    cases: Sequence[CaseDocumentData],
    info: CollectionInfo,
    progress: Progress | None = None,
) -> tuple[PagedDocument, CollectionResult]:
    """Lay out the collection. ``progress(done, total)`` runs over the layout (the first half)
    and the drawing (the second half, while the pages are drawn on a device); a cancel raises
    ``Cancelled`` out of it. Needs a QGuiApplication."""
    book = FontBook(info.fonts)
    total = 2 * max(len(cases), 1)

    def report(done: int) -> None:
        if progress is not None:
            progress(done, total)

    body: list[Page] = []
    starts: list[tuple[CaseDocumentData, int]] = []
    for n, data in enumerate(cases):
        report(n)
        starts.append((data, len(body) + 1))
        body.extend(case_pages(data, book, _case_key(n)))
    report(len(cases))
    entries = [ContentsEntry(d.title, d.subtitle, page, 0) for d, page in starts]
    contents = contents_pages(entries, book)
    front = 1 + len(contents)
    entries = [dataclasses.replace(e, pdf_page=front + e.page) for e in entries]
    pages: list[tuple[Page, list[Op]]] = [(cover_page(info, book), [])]
    pages += [(page, []) for page in contents]
    pages += [(page, layout.page_number_ops(book, i + 1)) for i, page in enumerate(body)]

    def on_page(index: int, count: int) -> None:
        report(len(cases) + round(index * len(cases) / max(count, 1)))

    # The viewer's labels: "封面", the contents in roman numerals (they print no number), then the
    # printed numbers of the cases.
    labels = [PageLabel(0, "", prefix="封面"), PageLabel(1, "r"), PageLabel(front, "D")]
    document = _Collection(info.title, pages, labels, on_page if progress is not None else None)
    result = CollectionResult(None, len(pages), front, tuple(entries))
    return document, result


def write_collection(
    cases: Sequence[CaseDocumentData],
    path: Path,
    info: CollectionInfo,
    progress: Progress | None = None,
) -> CollectionResult:
    """Write the collection as a PDF (fonts embedded) to ``path``: through a temporary file
    renamed when complete; on ``Cancelled`` or any error nothing is left behind."""
    document, result = build_collection(cases, info, progress)
    document.write_pdf(Path(path))
    if progress is not None:
        progress(2 * max(len(cases), 1), 2 * max(len(cases), 1))
    return dataclasses.replace(result, path=Path(path))


__all__ = [
    "CollectionInfo",
    "CollectionResult",
    "ContentsEntry",
    "build_collection",
    "chinese_date",
    "write_collection",
]
