"""Every Excel workbook the app writes goes through here (ledger, 归档文件目录, statistics…).

Text from data is stored as text, never as a formula: openpyxl turns any string that starts with
"=" into a live formula (``<f>`` element), and a title such as ``=HYPERLINK("http://…","老街新韵")``
would run as a link in Excel or WPS. So every string cell is typed as a string (``data_type "s"``:
a shared string, no ``<f>``), and text that starts with one of the characters a spreadsheet
evaluates (= + - @, and a tab or line break before them) also gets Excel's quote prefix, so that
editing the cell later (F2, Enter) keeps it text. Numbers, dates and times stay numbers, dates and
times. The app writes no formulas of its own; ``save_workbook`` checks every cell once more before
the file is written, so a writer that forgot ``put`` cannot leak one.

Saving builds the file in memory and writes it through ``write_atomically``: nothing half-written
under the real name, and no zip file left open when the disk is full (openpyxl's own ``save`` to a
path leaves its ``ZipFile`` to the garbage collector, which then reports "Exception ignored in
ZipFile.__del__" on the terminal).
"""

from __future__ import annotations

import io
import unicodedata
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE, Cell

from liaison_desk.documents.atomic import write_atomically

CREATOR = "联络组履职档案台"

# What a spreadsheet evaluates when a cell starts with it (OWASP "CSV injection"): the formula
# and DDE triggers, also after leading tabs and line breaks.
_TRIGGERS = ("=", "+", "-", "@", "\t", "\r", "\n")


def clean_text(text: str) -> str:
    """Text as a cell can hold it: the control characters XML forbids are left out."""
    return ILLEGAL_CHARACTERS_RE.sub("", text)


def looks_like_formula(text: str) -> bool:
    """Would Excel or WPS evaluate ``text`` typed into a cell?"""
    return text.startswith(_TRIGGERS)


def _as_text(cell: Cell, text: str) -> None:
    text = clean_text(text)
    cell.value = text
    cell.data_type = "s"  # after the value: openpyxl types "=…" as a formula on assignment
    if looks_like_formula(text):
        cell.quotePrefix = True


def put(cell: Cell, value: Any) -> None:
    """Set ``cell`` to ``value``: text always as text; int, float, bool, date, time as such;
    None empties it."""
    if value is None:
        cell.value = None
    elif isinstance(value, str):
        _as_text(cell, value)
    elif isinstance(value, bool | int | float | date | time | datetime | timedelta):
        cell.value = value
    else:
        _as_text(cell, str(value))


def display_width(text: str) -> float:
    """Width of ``text`` in Excel's character units (the width of a digit of the default font):
    a Chinese character, and a character that Chinese fonts draw as wide (·, “”), takes two."""
    width = 0.0
    for ch in text:
        width += 2.0 if unicodedata.east_asian_width(ch) in ("W", "F", "A") else 1.1
    return width


def new_workbook(title: str) -> Workbook:
    """An empty workbook with the app as its author and ``title`` in its properties."""
    book = Workbook()
    book.properties.title = title
    book.properties.creator = CREATOR
    return book


def neutralise_formulas(book: Workbook) -> int:
    """Turn any formula cell of ``book`` into its text (the app writes no formulas of its own);
    how many there were."""
    found = 0
    for sheet in book.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                if cell.data_type == "f" or (isinstance(cell.value, str) and cell.data_type != "s"):
                    found += 1
                    _as_text(cell, str(cell.value))
                elif (
                    isinstance(cell.value, str)
                    and looks_like_formula(cell.value)
                    and not cell.quotePrefix
                ):
                    cell.quotePrefix = True
    return found


def workbook_bytes(book: Workbook) -> bytes:
    """The .xlsx file of ``book``, formulas from data turned into text."""
    neutralise_formulas(book)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def save_workbook(book: Workbook, path: Path) -> Path:
    """Write ``book`` to ``path`` (.xlsx) through a temporary file beside it, renamed when
    complete; OSError (disk full, no permission…) leaves nothing behind."""
    path = Path(path)
    write_atomically(path, workbook_bytes(book))
    return path


__all__ = [
    "CREATOR",
    "clean_text",
    "display_width",
    "looks_like_formula",
    "neutralise_formulas",
    "new_workbook",
    "put",
    "save_workbook",
    "workbook_bytes",
]
