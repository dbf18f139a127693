"""Tables for the layout engine (``documents.layout``): forms (label, value, label, value) and
lists alike, each row dividing the columns its own way.

Pagination. A table row moves whole to the next page when it does not fit; only a row taller than
a page, or one marked splittable (long minutes), is split, and always between two lines of text.
The table's header rows are repeated at the top of each page it continues on, after its
continuation rows (a "续" line).
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from enum import Enum

from liaison_desk.documents.layout import (
    EPS,
    FORM_SIZE,
    TEXT_HEIGHT,
    TEXT_LEFT,
    Align,
    Block,
    FontBook,
    Pager,
    RuleOp,
    Style,
    TextBox,
    TextLineOp,
)


class VAlign(Enum):
    TOP = "top"
    CENTER = "center"


@dataclass(frozen=True)
class Cell:
    text: str = ""
    span: int = 1
    role: str = "body"
    bold: bool = False
    align: Align = Align.LEFT
    valign: VAlign = VAlign.CENTER


@dataclass
class Row:
    """One table row. ``min_height``: room to write by hand. ``splittable``: may break between
    lines at a page end even when it would fit on the next page (long free text); any row taller
    than a page is split anyway."""

    cells: list[Cell]
    min_height: float = 0.0
    keep_with_next: bool = False
    splittable: bool = False


@dataclass
class _LaidCell:
    cell: Cell
    x: float
    width: float
    box: TextBox


@dataclass
class _LaidRow:
    row: Row
    cells: list[_LaidCell]
    slots: int  # line slots, the unit a split respects
    height: float

    def slice_height(self, count: int, pad: float, lh: float) -> float:
        return 2 * pad + count * lh


@dataclass(frozen=True)
class TableStyle:
    size: float = FORM_SIZE
    line_height: float = 20.0
    pad_x: float = 4.0
    pad_y: float = 3.0
    borders: bool = True
    border_width: float = 0.5


class Table(Block):
    """A table whose rows may each divide the columns differently (``Cell.span``), so it serves
    for forms (label, value, label, value) and lists alike. ``caption`` rows open the table once;
    ``header`` rows follow them and are repeated on every page the table continues on, after the
    ``continuation`` rows (a "续" line), which only those pages have. ``keep``: see
    :class:`TextBox`, for every cell."""

    def __init__(
        self,
        columns: Sequence[float],
        rows: Sequence[Row],
        book: FontBook,
        *,
        header: Sequence[Row] = (),
        caption: Sequence[Row] = (),
        continuation: Sequence[Row] = (),
        style: TableStyle = TableStyle(),
        x: float = TEXT_LEFT,
        keep: re.Pattern[str] | None = None,
    ) -> None:
        self.columns = list(columns)
        self.style = style
        self.x = x
        self.book = book
        self.keep = keep
        self.caption = [self._lay(r) for r in caption]
        self.continuation = [self._lay(r) for r in continuation]
        self.header = [self._lay(r) for r in header]
        self.rows = [self._lay(r) for r in rows]
        self._last_bottom: tuple[int, float] | None = None

    @property
    def width(self) -> float:
        return sum(self.columns)

    def _lay(self, row: Row) -> _LaidRow:
        st = self.style
        laid: list[_LaidCell] = []
        column = 0
        for cell in row.cells:
            span = max(1, cell.span)
            x = self.x + sum(self.columns[:column])
            width = sum(self.columns[column : column + span])
            column += span
            text_style = Style(
                role=cell.role,
                size=st.size,
                line_height=st.line_height,
                bold=cell.bold,
                align=cell.align,
            )
            box = TextBox(cell.text, text_style, self.book, width - 2 * st.pad_x, keep=self.keep)
            laid.append(_LaidCell(cell, x, width, box))
        if column != len(self.columns):
            raise ValueError(f"row spans {column} columns, the table has {len(self.columns)}")
        lines = max((c.box.line_count for c in laid), default=0)
        content = 2 * st.pad_y + max(lines, 1) * st.line_height
        height = max(content, row.min_height)
        slots = max(lines, math.floor((height - 2 * st.pad_y) / st.line_height + EPS), 1)
        return _LaidRow(row, laid, slots, height)

    def _lead(self, row: _LaidRow) -> float:
        if row.row.splittable:
            return min(
                row.height,
                row.slice_height(min(row.slots, 2), self.style.pad_y, self.style.line_height),
            )
        return row.height

    def lead_height(self) -> float:
        first = self._lead(self.rows[0]) if self.rows else 0.0
        return sum(r.height for r in self.caption + self.header) + first

    def _emit(self, pager: Pager, row: _LaidRow, start: int = 0, end: int | None = None) -> None:
        """Draw line slots ``start``–``end`` of ``row`` at the pager's position; without
        ``end`` the whole row, its cells centred vertically as asked."""
        st = self.style
        whole = end is None
        stop = row.slots if end is None else min(end, row.slots)
        height = row.height if whole else row.slice_height(stop - start, st.pad_y, st.line_height)
        top = pager.top
        if st.borders:
            # Each line once: the row's top unless the row above on this page already drew it
            # as its bottom, each cell's left edge, the last cell's right edge, the bottom.
            here = (len(pager.pages), round(top, 3))
            left, right = row.cells[0].x, row.cells[-1].x + row.cells[-1].width
            w = st.border_width
            if here != self._last_bottom:
                pager.add(RuleOp(left, top, right, top, w))
            for cell in row.cells:
                pager.add(RuleOp(cell.x, top, cell.x, top + height, w))
            pager.add(RuleOp(right, top, right, top + height, w))
            pager.add(RuleOp(left, top + height, right, top + height, w))
            self._last_bottom = (len(pager.pages), round(top + height, 3))
        for cell in row.cells:
            count = cell.box.line_count
            if whole and cell.cell.valign is VAlign.CENTER:
                first_top = top + (height - count * st.line_height) / 2
            else:
                first_top = top + st.pad_y - start * st.line_height
            for i in range(start, min(stop, count)):
                pager.add(
                    TextLineOp(cell.box, i, cell.x + st.pad_x, first_top + i * st.line_height)
                )
        pager.advance(height)

    def _continue(self, pager: Pager) -> None:
        pager.new_page()
        for row in self.continuation + self.header:
            self._emit(pager, row)

    def place(self, pager: Pager, follow: float) -> None:
        st = self.style
        opening = self.caption + self.header
        if not pager.fits(self.lead_height()) and not pager.fresh:
            pager.new_page()
        for row in opening:
            self._emit(pager, row)
        header_height = sum(r.height for r in self.continuation + self.header)
        room_on_a_page = TEXT_HEIGHT - header_height
        for i, row in enumerate(self.rows):
            need = row.height
            if row.row.keep_with_next and i + 1 < len(self.rows):
                need += self._lead(self.rows[i + 1])
            elif i + 1 == len(self.rows):
                need += follow
            if pager.fits(need):
                self._emit(pager, row)
                continue
            if not row.row.splittable and row.height <= room_on_a_page + EPS:
                self._continue(pager)
                self._emit(pager, row)
                continue
            # Split between lines: as many whole lines as fit here, the rest on the next pages.
            start = 0
            while start < row.slots:
                fit = math.floor((pager.remaining - 2 * st.pad_y) / st.line_height + EPS)
                left = row.slots - start
                if fit < min(2, left) and not (pager.y <= header_height + EPS):
                    self._continue(pager)
                    continue
                count = max(1, min(fit, left))
                if 0 < left - count < 2 and count > 2:
                    count -= 1  # no single line alone at the top of the next page
                self._emit(pager, row, start, start + count)
                start += count
                if start < row.slots:
                    self._continue(pager)
