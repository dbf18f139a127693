"""A small page-layout engine for printed sheets: GB/T 9704 pages, text with fixed line spacing,
blocks that flow over pages, and one drawing code for every paged device.

Around it: ``documents.tables`` (tables that repeat their header rows), ``documents.qr`` (the QR
code of the consultation number) and ``documents.pdf_writer`` (``write_pdf``: the PDF/A-1b file,
with the outline, links and page labels that pikepdf adds).

Geometry (formats.md): A4 portrait; the text block (版心) is 156 × 225 mm, 37 mm from the top and
28 mm from the left edge. Everything a sheet says is drawn inside the text block; outside it go only

- the page number "— n —" (4号 宋体 role, 14 pt): its line 7 mm below the text block, odd pages at
  the right (one character in from the text block's right edge), even pages at the left (one
  character in from its left edge);
- the QR code of the consultation number in the top margin at the right (``documents.qr`` says
  exactly where).

Units. Everything is measured and placed in points (1/72 inch) from the top-left corner of the
paper. Text is laid out once against a 72-dpi reference device, where a font of n points is n units
tall, with design metrics and no hinting, so line breaks do not depend on the output. To draw,
:func:`paint_page` needs a painter whose unit is one point (see :func:`begin_points`); the same
operations then draw on a QPdfWriter, a QPrinter (printer and print preview) or a QImage.

Text. Chinese breaks at any character, Latin words stay together where they fit
(``WrapAtWordBoundaryOrAnywhere``, with the Unicode line-breaking rules, so "，" never starts a
line); a printed sheet also names what never breaks (``keep``: its names, numbers and dates), and a
line that would end inside one ends before it. Font fallback is left on: each role's font lists the chosen face, then the bundled Noto faces,
then Qt's own fallback, so a rare character that the chosen face lacks still prints. (Qt's PDF
writer leaves characters outside the BMP, such as 𬌗, out of the PDF's text layer: they print,
but copying them from the PDF gives nothing.)

Pagination. A paragraph flows line by line (never two lines on top of each other, never a line
clipped); a table's rows move whole or split between lines (``documents.tables``).
"""

from __future__ import annotations

import dataclasses
import logging
import math
import re
import threading
from abc import ABC, abstractmethod
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from enum import Enum
from typing import Protocol

from PySide6.QtCore import QMarginsF, QPointF, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QImage,
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPainter,
    QPainterPath,
    QPen,
    QTextCharFormat,
    QTextLayout,
    QTextLine,
    QTextOption,
)

from liaison_desk import fonts

log = logging.getLogger(__name__)

MM = 72 / 25.4  # points per millimetre

PAGE_WIDTH = 210 * MM
PAGE_HEIGHT = 297 * MM
TEXT_LEFT = 28 * MM
TEXT_TOP = 37 * MM
TEXT_WIDTH = 156 * MM
TEXT_HEIGHT = 225 * MM
TEXT_RIGHT = TEXT_LEFT + TEXT_WIDTH
TEXT_BOTTOM = TEXT_TOP + TEXT_HEIGHT

# GB/T 9704 type: 2号 title, 3号 body on a grid of 22 lines, 4号 page numbers, 小四 in forms.
TITLE_SIZE = 22.0
BODY_SIZE = 16.0
BODY_LINE_HEIGHT = TEXT_HEIGHT / 22  # 28.9 pt
# GB/T 9704: 28 characters to a full line of 3号 body text. 28 × 16 pt is 448 pt, more than the
# 442 pt text block: like Word's document grid, the characters are set at the block's width / 28
# (15.79 pt), not at their own 16 pt advance, which would give 27.
BODY_CHARS_PER_LINE = 28
PAGE_NUMBER_SIZE = 14.0
FORM_SIZE = 12.0

PAGE_NUMBER_GAP = 7 * MM  # from the bottom of the text block to the page number's dash
EPS = 1e-6  # heights compared in points: a line that fits to a millionth of a point fits


class Align(Enum):
    LEFT = Qt.AlignmentFlag.AlignLeft
    CENTER = Qt.AlignmentFlag.AlignHCenter
    RIGHT = Qt.AlignmentFlag.AlignRight
    JUSTIFY = Qt.AlignmentFlag.AlignJustify


# --- fonts ------------------------------------------------------------------------------------


class FontBook:
    """The family of each document role (title, body, heading1, heading2, page_number; see
    ``fonts.DOCUMENT_FACES``): the settings' choice when installed, else the first official face
    installed, else the bundled face. Registers the bundled fonts first."""

    def __init__(self, choices: Mapping[str, str] | None = None) -> None:
        fonts.register_bundled_fonts()
        self._families: dict[str, str] = {}
        self._fallbacks: dict[str, str] = {}
        self._heavy: dict[str, bool] = {}
        for role, face in fonts.DOCUMENT_FACES.items():
            chosen = ((choices or {}).get(role) or "").strip()
            preferred = (chosen, *face.preferred) if chosen else face.preferred
            family = fonts.document_font(preferred, face.fallback)
            self._families[role] = family
            self._fallbacks[role] = face.fallback
            # The official title face is heavy by design; its bundled stand-in is set in bold.
            self._heavy[role] = face.fallback_bold and family == face.fallback
        log.debug("document fonts: %s", self._families)

    def family(self, role: str) -> str:
        return self._families[role]

    def families(self) -> dict[str, str]:
        return dict(self._families)

    def font(self, role: str, size: float, bold: bool = False) -> QFont:
        """The role's font at ``size`` points (on the 72-dpi reference, 1 pt = 1 unit). Its family
        list ends with the bundled faces, and Qt's own fallback stays on, so no character is
        dropped for want of a glyph."""
        family = self._families[role]
        chain = [family]
        for extra in (self._fallbacks[role], fonts.BUNDLED_SERIF, fonts.BUNDLED_SANS):
            if extra not in chain:
                chain.append(extra)
        font = QFont()
        font.setFamilies(chain)
        font.setPointSizeF(size)
        font.setBold(bold or self._heavy[role])
        font.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
        return font


_local = threading.local()  # jobs may be laid out off the GUI thread (the preview does)


def reference_device() -> QImage:
    """A 72-dpi device for measuring text: there a font of n points is n units tall. One per
    thread."""
    image: QImage | None = getattr(_local, "reference", None)
    if image is None:
        image = QImage(1, 1, QImage.Format.Format_RGB32)
        dots_per_metre = round(72 / 0.0254)
        image.setDotsPerMeterX(dots_per_metre)
        image.setDotsPerMeterY(dots_per_metre)
        _local.reference = image
    return image


# --- text -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Style:
    """How a piece of text looks: the font role, size and weight, the fixed line height (every
    line takes exactly this much, whatever its glyphs), the alignment and the first-line indent
    in characters (2 for body paragraphs). ``grid``: characters to a full line of the text's
    width, as on Word's document grid (GB/T 9704's 28): every character advances by width /
    ``grid`` instead of its own width (0: by its own width)."""

    role: str = "body"
    size: float = BODY_SIZE
    line_height: float = BODY_LINE_HEIGHT
    bold: bool = False
    align: Align = Align.JUSTIFY
    indent: float = 0.0
    grid: int = 0


@dataclass(frozen=True)
class Format:
    """A run of a paragraph set in another role or weight than the paragraph's style (a run-in
    heading in 黑体, a bold phrase): ``length`` characters from ``start``."""

    start: int
    length: int
    role: str
    bold: bool = False


def clean_paragraphs(text: str) -> list[str]:
    """Paragraphs of ``text``: one per line, tabs and stray control characters made spaces,
    blank lines dropped."""
    paragraphs = []
    for raw in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        line = "".join(" " if (ch < " " or ch == "\x7f") else ch for ch in raw).strip()
        if line:
            paragraphs.append(line)
    return paragraphs


class TextBox:
    """Text laid out at a width: one QTextLayout per paragraph, lines at a fixed pitch. Line ``i``
    is drawn in a slot of ``style.line_height`` whose top the caller chooses. ``formats`` set
    runs of a one-paragraph text (already clean: no line breaks, no control characters, no
    spaces at the ends) in other roles or in bold, at the style's size. ``keep``: what never
    breaks across lines (a sheet's names, numbers and dates): a line that would end inside a match
    ends before it instead, unless the match alone fills the line."""

    def __init__(
        self,
        text: str,
        style: Style,
        book: FontBook,
        width: float,
        formats: Sequence[Format] = (),
        keep: re.Pattern[str] | None = None,
    ) -> None:
        self.style = style
        self.width = width
        self.text = text
        self._layouts: list[QTextLayout] = []
        self._lines: list[tuple[int, int]] = []  # (layout, line in layout)
        # On a grid each character takes width / grid: its advance is scaled to that (letter
        # spacing in per cent of the advance; Qt drops absolute spacing on the 72-dpi reference).
        # Qt keeps advances in 1/64ths of a unit: the pitch is rounded down to one, so that the
        # last character of a full line never spills over (justification spreads the rest).
        pitch = math.floor(width / style.grid * 64) / 64 if style.grid else style.size
        spacing = pitch / style.size * 100 if style.grid else 100.0
        font = _spaced(book.font(style.role, style.size, style.bold), spacing)
        option = QTextOption(style.align.value)
        option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        option.setUseDesignMetrics(True)
        indent = style.indent * pitch
        for paragraph in clean_paragraphs(text):
            layout = QTextLayout(paragraph, font, reference_device())
            layout.setTextOption(option)
            if formats:
                layout.setFormats(_format_ranges(formats, style.size, book, spacing))
            layout.setCacheEnabled(True)
            layout.beginLayout()
            first = True
            while True:
                line = layout.createLine()
                if not line.isValid():
                    break
                shift = indent if first else 0.0
                line.setLineWidth(max(width - shift, style.size))
                if keep is not None:
                    _keep_whole(line, paragraph, keep, max(width - shift, style.size))
                # Centre the glyphs' box in the slot: the same for every line of this font.
                line.setPosition(QPointF(shift, (style.line_height - line.height()) / 2))
                self._lines.append((len(self._layouts), line.lineNumber()))
                first = False
            layout.endLayout()
            self._layouts.append(layout)

    @property
    def line_count(self) -> int:
        return len(self._lines)

    @property
    def height(self) -> float:
        return self.line_count * self.style.line_height

    def line_text(self, index: int) -> str:
        layout_index, line_index = self._lines[index]
        layout = self._layouts[layout_index]
        line = layout.lineAt(line_index)
        return layout.text()[line.textStart() : line.textStart() + line.textLength()]

    def natural_width(self, index: int = 0) -> float:
        """Width of the text of line ``index`` (with its indent), for right-aligned pieces."""
        layout_index, line_index = self._lines[index]
        line = self._layouts[layout_index].lineAt(line_index)
        return line.position().x() + line.naturalTextWidth()

    def max_width(self) -> float:
        return max((self.natural_width(i) for i in range(self.line_count)), default=0.0)

    def baseline(self, index: int = 0) -> float:
        """Distance from the top of a line's slot to its baseline."""
        layout_index, line_index = self._lines[index]
        line = self._layouts[layout_index].lineAt(line_index)
        return line.position().y() + line.ascent()

    def draw_line(self, painter: QPainter, index: int, x: float, top: float) -> None:
        layout_index, line_index = self._lines[index]
        self._layouts[layout_index].lineAt(line_index).draw(painter, QPointF(x, top))


def _spaced(font: QFont, percent: float) -> QFont:
    """``font`` with every advance scaled to ``percent`` (100: as designed)."""
    if percent != 100.0:
        font.setLetterSpacing(QFont.SpacingType.PercentageSpacing, percent)
    return font


# Punctuation that never ends a line: a line broken before a kept word moves these along with it.
_OPENING = "（(〔［[｛{【〖《〈「『“‘"


def _keep_whole(line: QTextLine, text: str, keep: re.Pattern[str], width: float) -> None:
    """Shorten ``line`` so that it ends before a match of ``keep`` that it would cut in two (and
    before the opening brackets or quotes just in front of it). A match starting the line stays
    as Qt broke it: it is longer than a line."""
    start = line.textStart()
    end = start + line.textLength()
    if end >= len(text):
        return
    for match in keep.finditer(text, start):
        if match.start() >= end:
            return
        if match.start() < end < match.end():
            cut = match.start()
            while cut > start and text[cut - 1] in _OPENING:
                cut -= 1
            if cut > start:
                line.setNumColumns(cut - start, width)
            return


def _format_ranges(
    formats: Sequence[Format], size: float, book: FontBook, spacing: float = 100.0
) -> list[QTextLayout.FormatRange]:
    ranges = []
    for f in formats:
        char_format = QTextCharFormat()
        char_format.setFont(_spaced(book.font(f.role, size, f.bold), spacing))
        r = QTextLayout.FormatRange()
        r.start, r.length, r.format = f.start, f.length, char_format
        ranges.append(r)
    return ranges


# --- what a page holds ------------------------------------------------------------------------


class Op(Protocol):
    """One thing drawn on a page, in points from the paper's top-left corner."""

    def draw(self, painter: QPainter) -> None: ...


_BLACK = QColor(0, 0, 0)


@dataclass(frozen=True)
class TextLineOp:
    box: TextBox
    index: int
    x: float
    top: float

    def draw(self, painter: QPainter) -> None:
        painter.setPen(QPen(_BLACK))
        self.box.draw_line(painter, self.index, self.x, self.top)


@dataclass(frozen=True)
class RuleOp:
    """A straight line (cell borders, lines to write on)."""

    x1: float
    y1: float
    x2: float
    y2: float
    width: float = 0.5

    def draw(self, painter: QPainter) -> None:
        pen = QPen(_BLACK, self.width)
        pen.setCapStyle(Qt.PenCapStyle.SquareCap)
        painter.setPen(pen)
        painter.drawLine(QPointF(self.x1, self.y1), QPointF(self.x2, self.y2))


@dataclass(frozen=True, eq=False)
class ImageOp:
    """A picture (the bytes of a JPEG or PNG file) scaled into ``rect``: a photo in a case
    document. Decoded only while it is drawn, so a long document keeps its photos compressed."""

    data: bytes
    rect: QRectF

    def draw(self, painter: QPainter) -> None:
        image = QImage.fromData(self.data)
        if image.isNull():
            log.warning("a picture could not be decoded; left blank")
            return
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, True)
        painter.drawImage(self.rect, image)
        painter.restore()


@dataclass(frozen=True)
class BookmarkOp:
    """Draws nothing: an entry of the PDF's outline (bookmarks) pointing at ``top`` of this
    page, ``level`` deep (0: top level). ``key`` also names the place as the target of a
    :class:`LinkOp`."""

    title: str
    top: float
    level: int = 0
    key: str = ""

    def draw(self, painter: QPainter) -> None:
        pass


@dataclass(frozen=True)
class LinkOp:
    """Draws nothing: ``rect`` of this page is a link, in the PDF, to the place a
    :class:`BookmarkOp` with this ``key`` marks (a contents entry to its case)."""

    rect: QRectF
    key: str

    def draw(self, painter: QPainter) -> None:
        pass


@dataclass(frozen=True)
class FillOp:
    """A filled shape (the QR code's modules, as vector rectangles)."""

    path: QPainterPath

    def draw(self, painter: QPainter) -> None:
        painter.fillPath(self.path, _BLACK)


Page = list[Op]


class Pager:
    """Hands out vertical space in the text block, page by page."""

    def __init__(self) -> None:
        self.pages: list[Page] = [[]]
        self.y = 0.0  # used height of the current page's text block

    @property
    def remaining(self) -> float:
        return TEXT_HEIGHT - self.y

    @property
    def fresh(self) -> bool:
        """Nothing placed on this page yet."""
        return self.y <= EPS

    @property
    def top(self) -> float:
        """Where the next thing goes, from the top of the paper."""
        return TEXT_TOP + self.y

    def fits(self, height: float) -> bool:
        return height <= self.remaining + EPS

    def new_page(self) -> None:
        self.pages.append([])
        self.y = 0.0

    def add(self, op: Op) -> None:
        self.pages[-1].append(op)

    def advance(self, height: float) -> None:
        self.y = min(self.y + height, TEXT_HEIGHT)


# --- blocks -----------------------------------------------------------------------------------


class Block(ABC):
    """Something that flows down the text block. ``keep_with_next``: never the last thing on a
    page (a heading, a caption)."""

    keep_with_next: bool = False

    @abstractmethod
    def lead_height(self) -> float:
        """The least of this block that must follow a keep-with-next block on its page."""

    @abstractmethod
    def place(self, pager: Pager, follow: float) -> None:
        """Put the block on the pages; ``follow`` is the lead height of the next block when this
        one is kept with it (else 0)."""


class Paragraph(Block):
    """Text with fixed line spacing, flowing line by line over pages (never splitting a
    paragraph of two or three lines so that a single line stands alone)."""

    def __init__(
        self,
        text: str,
        style: Style,
        book: FontBook,
        *,
        width: float = TEXT_WIDTH,
        x: float = TEXT_LEFT,
        space_before: float = 0.0,
        space_after: float = 0.0,
        keep_with_next: bool = False,
        formats: Sequence[Format] = (),
        bookmark: BookmarkOp | None = None,
    ) -> None:
        self.box = TextBox(text, style, book, width, formats)
        self.x = x
        self.space_before = space_before
        self.space_after = space_after
        self.keep_with_next = keep_with_next
        self.bookmark = bookmark  # its ``top`` is set to where the first line lands

    def lead_height(self) -> float:
        return self.box.style.line_height * min(self.box.line_count, 2)

    def place(self, pager: Pager, follow: float) -> None:
        count = self.box.line_count
        if count == 0:
            return
        lh = self.box.style.line_height
        if not pager.fresh:
            pager.advance(self.space_before)
        need = lh * min(count, 2)
        if self.keep_with_next:
            need = lh * count + follow
        if not pager.fits(need) and not pager.fresh:
            pager.new_page()
        if self.bookmark is not None:
            pager.add(dataclasses.replace(self.bookmark, top=pager.top))
        for i in range(count):
            if not pager.fits(lh):
                pager.new_page()
            pager.add(TextLineOp(self.box, i, self.x, pager.top))
            pager.advance(lh)
        pager.advance(self.space_after)


class Picture(Block):
    """A picture (the bytes of an image file, ``pixels`` wide and high) centred in the text
    block, scaled to at most ``max_width`` × ``max_height`` points (keeping its proportions),
    with its caption centred under it; picture and caption stay together on one page."""

    def __init__(
        self,
        data: bytes,
        pixels: tuple[int, int],
        caption: str,
        caption_style: Style,
        book: FontBook,
        *,
        max_width: float = TEXT_WIDTH,
        max_height: float = TEXT_HEIGHT / 2,
        gap: float = 6.0,
        space_before: float = 0.0,
        space_after: float = 0.0,
    ) -> None:
        self.data = data
        width = max(pixels[0], 1)
        height = max(pixels[1], 1)
        scale = min(max_width / width, max_height / height)
        self.width = width * scale
        self.height = height * scale
        self.caption = TextBox(caption, caption_style, book, TEXT_WIDTH)
        self.gap = gap if self.caption.line_count else 0.0
        self.space_before = space_before
        self.space_after = space_after

    @property
    def total_height(self) -> float:
        return self.height + self.gap + self.caption.height

    def lead_height(self) -> float:
        return self.total_height

    def place(self, pager: Pager, follow: float) -> None:
        if not pager.fresh:
            pager.advance(self.space_before)
        if not pager.fits(self.total_height) and not pager.fresh:
            pager.new_page()
        width, height = self.width, self.height
        if self.total_height > TEXT_HEIGHT:  # never: max_height is below a page; but be safe
            shrink = max(TEXT_HEIGHT - self.gap - self.caption.height, 1.0) / height
            width, height = width * shrink, height * shrink
        left = TEXT_LEFT + (TEXT_WIDTH - width) / 2
        pager.add(ImageOp(self.data, QRectF(left, pager.top, width, height)))
        pager.advance(height + self.gap)
        for i in range(self.caption.line_count):
            pager.add(TextLineOp(self.caption, i, TEXT_LEFT, pager.top))
            pager.advance(self.caption.style.line_height)
        pager.advance(self.space_after)


class Spacer(Block):
    def __init__(self, height: float) -> None:
        self.height = height

    def lead_height(self) -> float:
        return 0.0

    def place(self, pager: Pager, follow: float) -> None:
        if not pager.fresh:
            pager.advance(self.height)


class PageBreak(Block):
    def lead_height(self) -> float:
        return 0.0

    def place(self, pager: Pager, follow: float) -> None:
        if not pager.fresh:
            pager.new_page()


@dataclass(frozen=True)
class Blank:
    """A line to write on, ``width`` points long, inside a :class:`FillLines` line."""

    width: float


class FillLines(Block):
    """Lines of labels and blanks to fill by hand (主持人：______), kept together at the bottom
    right of the page; on the next page when they do not fit below what is already there."""

    def __init__(
        self,
        lines: Sequence[Sequence[str | Blank]],
        style: Style,
        book: FontBook,
        *,
        space_before: float = 0.0,
    ) -> None:
        self.style = style
        self.space_before = space_before
        self.lines: list[list[tuple[TextBox | Blank, float]]] = []  # (piece, width)
        for parts in lines:
            pieces: list[tuple[TextBox | Blank, float]] = []
            for part in parts:
                if isinstance(part, Blank):
                    pieces.append((part, part.width))
                else:
                    box = TextBox(
                        part, dataclasses.replace(style, align=Align.LEFT), book, TEXT_WIDTH
                    )
                    pieces.append((box, box.max_width()))
            self.lines.append(pieces)
        self._probe = TextBox("字", style, book, TEXT_WIDTH)

    @property
    def height(self) -> float:
        return len(self.lines) * self.style.line_height

    def lead_height(self) -> float:
        return self.height

    def place(self, pager: Pager, follow: float) -> None:
        if not pager.fits(self.height + self.space_before) and not pager.fresh:
            pager.new_page()
        lh = self.style.line_height
        block_width = max((sum(w for _, w in line) for line in self.lines), default=0.0)
        left = TEXT_RIGHT - block_width
        top = TEXT_TOP + TEXT_HEIGHT - self.height
        baseline = self._probe.baseline()
        for row, pieces in enumerate(self.lines):
            x = left
            slot = top + row * lh
            for piece, width in pieces:
                if isinstance(piece, Blank):
                    y = slot + baseline + 2.0
                    pager.add(RuleOp(x + 2.0, y, x + width - 2.0, y, 0.6))
                elif piece.line_count:
                    pager.add(TextLineOp(piece, 0, x, slot))
                x += width
        pager.y = TEXT_HEIGHT


def paginate(blocks: Sequence[Block]) -> list[Page]:
    """Flow ``blocks`` down the text block of as many pages as they need."""
    pager = Pager()
    for i, block in enumerate(blocks):
        follow = 0.0
        if block.keep_with_next and i + 1 < len(blocks):
            follow = blocks[i + 1].lead_height()
        block.place(pager, follow)
    return pager.pages


# --- page furniture: the page number --------------------------------------------------------


def page_number_ops(book: FontBook, number: int) -> list[Op]:
    """ "— n —" in the page-number role at 14 pt, its dash 7 mm below the text block: odd pages
    at the right, even pages at the left, one character in from the text block's edge."""
    style = Style(
        role="page_number",
        size=PAGE_NUMBER_SIZE,
        line_height=PAGE_NUMBER_SIZE * 1.5,
        align=Align.LEFT,
    )
    box = TextBox(f"— {number} —", style, book, TEXT_WIDTH)
    # The dash sits about a third of an em above the baseline.
    baseline = TEXT_BOTTOM + PAGE_NUMBER_GAP + PAGE_NUMBER_SIZE * 0.32
    top = baseline - box.baseline()
    width = box.natural_width()
    x = TEXT_RIGHT - PAGE_NUMBER_SIZE - width if number % 2 else TEXT_LEFT + PAGE_NUMBER_SIZE
    return [TextLineOp(box, 0, x, top)]


# --- drawing on devices ------------------------------------------------------------------------


def begin_points(painter: QPainter, dpi_x: float, dpi_y: float) -> None:
    """Make one unit of ``painter`` one point on a device of the given resolution."""
    painter.scale(dpi_x / 72, dpi_y / 72)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)


def paint_page(painter: QPainter, ops: Iterable[Op]) -> None:
    """Draw one page's operations; the painter's unit must be one point (:func:`begin_points`)."""
    painter.save()
    try:
        for op in ops:
            op.draw(painter)
    finally:
        painter.restore()


def a4_layout() -> QPageLayout:
    """A4 portrait, painting from the paper's corner (margins are the sheets' own business)."""
    layout = QPageLayout(
        QPageSize(QPageSize.PageSizeId.A4),
        QPageLayout.Orientation.Portrait,
        QMarginsF(0, 0, 0, 0),
        QPageLayout.Unit.Point,
    )
    layout.setMode(QPageLayout.Mode.FullPageMode)
    return layout


class PaintedPages(Protocol):
    def page_count(self) -> int: ...

    def render_page(self, painter: QPainter, index: int) -> None: ...


def render(pages: PaintedPages, device: QPagedPaintDevice) -> None:
    """Set ``device`` (QPdfWriter or QPrinter) to A4 portrait and draw every page on it."""
    if hasattr(device, "setFullPage"):
        device.setFullPage(True)  # a QPrinter: paint from the paper's corner
    if not device.setPageLayout(a4_layout()):
        log.warning("the device refused the A4 page layout; drawing on its own page")
    painter = QPainter()
    if not painter.begin(device):
        raise OSError("无法开始打印：打印机或文件无法打开。")
    try:
        begin_points(painter, device.logicalDpiX(), device.logicalDpiY())
        for index in range(pages.page_count()):
            if index:
                device.newPage()
            pages.render_page(painter, index)
    finally:
        painter.end()


def page_image(pages: PaintedPages, index: int, dpi: float = 150) -> QImage:
    """Page ``index`` drawn on a white A4 image at ``dpi`` (thumbnails, tests)."""
    width = round(PAGE_WIDTH / 72 * dpi)
    height = round(PAGE_HEIGHT / 72 * dpi)
    image = QImage(width, height, QImage.Format.Format_RGB32)
    image.fill(QColor(255, 255, 255))
    dots_per_metre = round(dpi / 0.0254)
    image.setDotsPerMeterX(dots_per_metre)
    image.setDotsPerMeterY(dots_per_metre)
    painter = QPainter(image)
    try:
        begin_points(painter, dpi, dpi)
        pages.render_page(painter, index)
    finally:
        painter.end()
    return image
