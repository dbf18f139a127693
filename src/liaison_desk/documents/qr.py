"""The QR code of a consultation number on a printed sheet, so a signed, scanned sheet finds its
way back to its record (``services.scans`` reads it).

Place (formats.md): 18 mm square, in the top margin at the right, its right edge on the text
block's right edge, 8 mm from the top of the paper, with the number in small type right-aligned
under it (about 29–32 mm from the top, so still above the text block). The code is UTF-8 with its
ECI header, so every reader (zbar, ZXing, phones) decodes the Chinese alike. It is drawn as vector
rectangles, like everything else on the page (``documents.layout``).
"""

from __future__ import annotations

import functools

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QPainterPath

from liaison_desk.documents.layout import (
    MM,
    TEXT_RIGHT,
    TEXT_WIDTH,
    Align,
    FillOp,
    FontBook,
    Op,
    Style,
    TextBox,
    TextLineOp,
)

QR_SIZE = 18 * MM
QR_TOP = 8 * MM
QR_LABEL_SIZE = 8.0
QR_LABEL_GAP = 3 * MM  # between the code and its label: the code's quiet zone stays clear


@functools.lru_cache(maxsize=256)  # a job carries the same number on each of its pages
def qr_matrix(text: str) -> tuple[tuple[bool, ...], ...]:
    """The modules of a QR code of ``text`` (UTF-8, error correction M or better), no border.
    The code declares its encoding (ECI 26, UTF-8): without it readers guess, and zbar reads
    织里-2024-议-012 as Shift-JIS garble."""
    import segno

    code = segno.make_qr(text, error="m", boost_error=True, encoding="utf-8", eci=True)
    return tuple(tuple(bool(v) for v in row) for row in code.matrix)


def qr_ops(book: FontBook, text: str) -> list[Op]:
    """The QR code of ``text`` as vector rectangles (one per run of dark modules in a row), in
    the top margin at the right, with ``text`` under it."""
    matrix = qr_matrix(text)
    modules = len(matrix)
    unit = QR_SIZE / modules
    left = TEXT_RIGHT - QR_SIZE
    path = QPainterPath()
    path.setFillRule(Qt.FillRule.WindingFill)
    for r, row in enumerate(matrix):
        c = 0
        while c < modules:
            if not row[c]:
                c += 1
                continue
            run = c
            while run < modules and row[run]:
                run += 1
            path.addRect(QRectF(left + c * unit, QR_TOP + r * unit, (run - c) * unit, unit))
            c = run
    style = Style(
        role="heading1", size=QR_LABEL_SIZE, line_height=QR_LABEL_SIZE * 1.4, align=Align.LEFT
    )
    label = TextBox(text, style, book, TEXT_WIDTH)
    label_x = TEXT_RIGHT - label.natural_width()
    label_top = QR_TOP + QR_SIZE + QR_LABEL_GAP
    return [FillOp(path), TextLineOp(label, 0, label_x, label_top)]
