"""Reading an Excel workbook (.xlsx) that came from outside: bounded and total.

A ledger is a file someone else made, so nothing it declares is trusted. Before any XML is
parsed, the file's size, its number of zip entries, each entry's and the total uncompressed
size are checked against the budgets below (Python's zipfile never inflates an entry past the
size its directory declares, so these checks bound the work). The worksheets and shared strings
are parsed as a stream straight from expat, building no tree, and the small parts (workbook,
relationships, styles) with defusedxml; either way a DTD, an entity or an external reference is
refused (a "billion laughs" is never expanded). Memory stays bounded whatever the file says: the sheet's ``<dimension>`` is never consulted (a sheet declaring
A1:XFD1048576 costs nothing, and rows past a stale dimension are read), empty cells are not
stored, and rows and columns with content are counted against their budgets as they come.

Cells come back as Python values the way a reader of the ledger needs them: text, numbers (int
when whole), bool, datetime/date/time for cells formatted as dates (including the Chinese
built-in formats 27–36 and 50–58 that openpyxl does not know), a formula's cached result, an
error such as ``#N/A`` as its text, and ``UnreadableDate`` for a date cell whose serial number is
no date. Every failure is a ``WorkbookRefused`` with a Chinese message that says what to do.

openpyxl is used only for its tables of number formats and its date arithmetic; its reader
trusts ``<dimension>`` (finding 3 of issue 12: 7.6 GB for a 104 KB file), keeps per-row
attributes and builds whole XML subtrees, so it is not used for files from outside.
"""

from __future__ import annotations

import logging
import posixpath
import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import IO, Any
from xml.etree.ElementTree import Element, ParseError
from xml.parsers import expat

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import fromstring
from openpyxl.styles.numbers import BUILTIN_FORMATS, is_date_format, is_timedelta_format
from openpyxl.utils.datetime import CALENDAR_MAC_1904, CALENDAR_WINDOWS_1900, from_excel

from liaison_desk.errors import UserFacingError

log = logging.getLogger(__name__)

# --- budgets --------------------------------------------------------------------------------------
# A township's ledger has tens to a few thousand rows of ~17 columns; the app's own export of
# 50,000 consultations is ~8 MB on disk and ~60 MB unpacked. The budgets leave room for that and
# for Excel's and WPS's extra parts, and keep the worst file inside a few hundred MB of memory
# and a few seconds (benchmarks/crafted_ledgers.py prints the figures).
MAX_FILE_BYTES = 20 * 1024 * 1024  # on disk
MAX_ENTRIES = 2_000  # zip entries: a workbook has ~10–50 parts, more with many images
MAX_SHEET_BYTES = 64 * 1024 * 1024  # one worksheet or the shared strings, unpacked (streamed)
MAX_PART_BYTES = 5 * 1024 * 1024  # workbook.xml, styles.xml, relationships (parsed whole)
MAX_TOTAL_BYTES = 200 * 1024 * 1024  # all entries unpacked together
MAX_ROWS = 50_000  # rows with content, all sheets together
MAX_COLUMNS = 200  # the last column with content; a ledger has 17 (formats.md)
# Cells as written in the sheets, empty (styled) ones included: what parsing time grows with.
# The app's own export at MAX_ROWS (25,000 consultations, 24,000 items) writes 737,000.
MAX_CELLS = 1_000_000
MAX_SHARED_STRINGS = 1_000_000  # distinct texts (a sheet within MAX_ROWS × 17 needs ~850,000)

# Excel's own limits: a cell reference past them is no workbook Excel wrote.
_EXCEL_ROWS = 1_048_576
_EXCEL_COLUMNS = 16_384

# Built-in number formats that are dates or times in a Chinese Excel or WPS (not in openpyxl's
# table, which has the en-US set): 27–36 and 50–58 are 年月日 / 时分 formats.
_CJK_DATE_FORMATS = frozenset(range(27, 37)) | frozenset(range(50, 59))


class WorkbookRefused(UserFacingError):
    """The file cannot be read as a workbook; ``message`` (Chinese) says why and what to do."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


@dataclass(frozen=True)
class UnreadableDate:
    """A cell formatted as a date whose number is no date (e.g. 1e10)."""

    cell: str  # A1
    serial: float

    def __str__(self) -> str:
        return f"{self.serial:g}"


@dataclass
class SheetRows:
    """One worksheet as found: its non-empty rows as (1-based row number, values by column)."""

    title: str
    rows: list[tuple[int, list[Any]]]


@dataclass
class FoundWorkbook:
    """A workbook as found: its worksheets, and its workbook-wide defined names (name → the
    text Excel keeps for it, e.g. ``"是"``), which is where a program leaves a marker that
    survives editing in Excel or WPS."""

    sheets: list[SheetRows]
    names: dict[str, str]


# --- the checks before the work -------------------------------------------------------------------


def _megabytes(n: int) -> str:
    return f"{n / 1024 / 1024:.0f} MB"


def _damaged(name: str, what: str = "") -> WorkbookRefused:
    detail = f"（{what}）" if what else ""
    return WorkbookRefused(
        f"「{name}」已损坏，无法读取{detail}。请用 Excel 或 WPS 打开它检查，另存为新的 .xlsx 文件后再导入；"
        "打不开时请找回原来的文件。"
    )


def _check_archive(path: Path, zf: zipfile.ZipFile) -> None:
    name = path.name
    infos = zf.infolist()
    if len(infos) > MAX_ENTRIES:
        raise WorkbookRefused(
            f"「{name}」里有 {len(infos)} 个部件，远多于一个台账工作簿（最多 {MAX_ENTRIES} 个），"
            "不像是 Excel 保存的台账，没有导入。请在 Excel 或 WPS 中另存为新的 .xlsx 文件后再导入。"
        )
    total = 0
    for info in infos:
        if info.flag_bits & 0x1:
            raise WorkbookRefused(
                f"「{name}」设置了密码（已加密），无法读取。"
                "请在 Excel 或 WPS 中打开它，去掉密码后另存为 .xlsx，再导入。"
            )
        total += info.file_size
        limit = MAX_SHEET_BYTES if _streamed(info.filename) else MAX_PART_BYTES
        if info.file_size > limit and _parsed(info.filename):
            raise WorkbookRefused(
                f"「{name}」中的部件「{info.filename}」解压后有 {_megabytes(info.file_size)}，"
                f"超过了可以读取的 {_megabytes(limit)}，没有导入。台账太大时请按年度分成几个文件分别导入。"
            )
    if total > MAX_TOTAL_BYTES:
        raise WorkbookRefused(
            f"「{name}」解压后有 {_megabytes(total)}，超过了可以读取的 {_megabytes(MAX_TOTAL_BYTES)}，"
            "没有导入。台账太大时请按年度分成几个文件分别导入；文件中有大量图片时请删去图片后另存。"
        )


def _streamed(part: str) -> bool:
    return part.startswith("xl/worksheets/") or part.endswith("sharedStrings.xml")


def _parsed(part: str) -> bool:
    """Parts this reader parses (others, such as images, only count towards the total)."""
    return part.endswith((".xml", ".rels"))


# --- the package's structure ----------------------------------------------------------------------


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _attr(el: Element, local: str) -> str | None:
    """An attribute by its local name, whatever its namespace (r:id, strict OOXML…)."""
    for key, value in el.attrib.items():
        if _local(key) == local:
            return value
    return None


def _small_xml(zf: zipfile.ZipFile, part: str) -> Element:
    info = zf.getinfo(part)
    if info.file_size > MAX_PART_BYTES:  # also for a part that is not named .xml
        raise WorkbookRefused(f"「{part}」太大")
    with zf.open(info) as f:
        data = f.read(MAX_PART_BYTES + 1)
    return fromstring(data, forbid_dtd=True)


def _relationships(zf: zipfile.ZipFile, part: str) -> dict[str, tuple[str, str]]:
    """Relationship id → (type, target part) of ``part``."""
    folder, base = posixpath.split(part)
    rels = posixpath.join(folder, "_rels", base + ".rels")
    if rels not in zf.NameToInfo:
        return {}
    found = {}
    for el in _small_xml(zf, rels):
        target = el.get("Target") or ""
        if el.get("TargetMode") == "External" or not target:
            continue
        if target.startswith("/"):
            resolved = target.lstrip("/")
        else:
            resolved = posixpath.normpath(posixpath.join(folder, target))
        found[el.get("Id") or ""] = (el.get("Type") or "", resolved)
    return found


@dataclass
class _Styles:
    date_styles: frozenset[int]  # cell style indexes (s="…") whose format is a date or time
    timedelta_styles: frozenset[int]


def _styles(zf: zipfile.ZipFile, part: str | None) -> _Styles:
    if part is None or part not in zf.NameToInfo:
        return _Styles(frozenset(), frozenset())
    root = _small_xml(zf, part)
    custom: dict[int, str] = {}
    xfs: list[int] = []
    for el in root:
        name = _local(el.tag)
        if name == "numFmts":
            for fmt in el:
                try:
                    custom[int(fmt.get("numFmtId") or "")] = fmt.get("formatCode") or ""
                except ValueError:
                    continue
        elif name == "cellXfs":
            for xf in el:
                try:
                    xfs.append(int(xf.get("numFmtId") or 0))
                except ValueError:
                    xfs.append(0)
    dates, spans = set(), set()
    for index, fmt_id in enumerate(xfs):
        code = custom.get(fmt_id, BUILTIN_FORMATS.get(fmt_id, ""))
        if fmt_id in _CJK_DATE_FORMATS and fmt_id not in custom:
            dates.add(index)
        elif code and is_date_format(code):
            dates.add(index)
            if is_timedelta_format(code):
                spans.add(index)
    return _Styles(frozenset(dates), frozenset(spans))


# --- streaming XML --------------------------------------------------------------------------------


class _Where:
    """A cell's address (B7), formatted only when a message needs it."""

    __slots__ = ("column", "row")

    def __init__(self, column: int, row: int) -> None:
        self.column, self.row = column, row

    def __str__(self) -> str:
        return f"{_column_letters(self.column)}{self.row}"


class UnsafeXml(ValueError):
    """An XML part declares a DTD or entities: Excel never writes them; a crafted file does."""


_START, _END = 0, 1
_CHUNK = 1 << 16


def _hardened_parser() -> Any:
    """An expat parser (namespaces resolved, "uri}local" names) that refuses a DTD, an entity
    declaration or an external reference (``UnsafeXml``), as defusedxml does, so nothing is
    ever expanded."""
    parser = expat.ParserCreate(namespace_separator="}")
    parser.buffer_text = True

    def refuse(*_args: object) -> None:
        raise UnsafeXml("DTD, entity or external reference")

    def refuse_reference(*_args: object) -> int:
        raise UnsafeXml("external reference")

    parser.StartDoctypeDeclHandler = refuse
    parser.EntityDeclHandler = refuse
    parser.UnparsedEntityDeclHandler = refuse
    parser.ExternalEntityRefHandler = refuse_reference
    return parser


def _stream(source: IO[bytes]) -> Iterator[tuple[int, str, dict[str, str], str, list[str]]]:
    """(event, local name, attributes, text, names of the open elements) for each start and
    end tag, straight from expat: no tree is built, so memory is the open path and the text of
    one element, whatever the part's size. A DTD, an entity declaration or an external
    reference is refused (``UnsafeXml``), as defusedxml does, so nothing is ever expanded."""
    parser = _hardened_parser()
    events: list[tuple[int, str, dict[str, str], str]] = []
    text: list[str] = []
    no_attributes: dict[str, str] = {}

    def start(name: str, attributes: dict[str, str]) -> None:
        events.append((_START, name[name.rfind("}") + 1 :], attributes, ""))
        text.clear()

    def end(name: str) -> None:
        events.append((_END, name[name.rfind("}") + 1 :], no_attributes, "".join(text)))
        text.clear()

    parser.StartElementHandler = start
    parser.EndElementHandler = end
    parser.CharacterDataHandler = text.append
    tags: list[str] = []
    while True:
        chunk = source.read(_CHUNK)
        parser.Parse(chunk, not chunk)
        for event, name, attributes, content in events:
            if event == _START:
                tags.append(name)
                yield event, name, attributes, content, tags
            else:
                yield event, name, attributes, content, tags
                tags.pop()
        events.clear()
        if not chunk:
            return


def _shared_strings(zf: zipfile.ZipFile, part: str | None) -> list[str]:
    if part is None or part not in zf.NameToInfo:
        return []
    strings: list[str] = []
    pieces: list[str] = []
    with zf.open(part) as source:
        for event, name, _attributes, text, tags in _stream(source):
            if event != _END:
                continue
            if name == "t" and "rPh" not in tags:  # rPh: phonetic guide, not the text
                pieces.append(text)
            elif name == "si":
                strings.append("".join(pieces))
                pieces.clear()
                if len(strings) > MAX_SHARED_STRINGS:
                    raise WorkbookRefused(
                        f"工作簿中的不同文字超过了 {MAX_SHARED_STRINGS:,} 条，超出了台账的规模，没有导入。"
                        "请按年度分成几个文件分别导入。"
                    )
    return strings


_CELL_REF = re.compile(r"([A-Za-z]{1,3})(\d+)")


def _column_index(letters: str) -> int:
    n = 0
    for ch in letters.upper():
        n = n * 26 + ord(ch) - 64
    return n


def _column_letters(n: int) -> str:
    letters = ""
    while n:
        n, rest = divmod(n - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


class _SheetReader:
    def __init__(
        self,
        book: str,
        title: str,
        strings: list[str],
        styles: _Styles,
        epoch: datetime,
        budget: list[int],
    ) -> None:
        self.book, self.title = book, title
        self.strings, self.styles, self.epoch = strings, styles, epoch
        self.budget = budget  # [rows with content, cells] left, shared by all sheets

    def read(self, source: IO[bytes]) -> list[tuple[int, list[Any]]]:
        """The rows with content, as (row number, values from column A). Expat calls the
        handlers below directly (no event objects, no tree): a sheet of a million cells is
        read in a few seconds, and memory holds one row at a time besides the result."""
        rows: list[tuple[int, list[Any]]] = []
        budget = self.budget
        row_number = column = 0
        cells: dict[int, Any] = {}
        cell: dict[str, str] = {}
        value_text: str | None = None
        inline: list[str] = []
        text: list[str] = []
        in_row = in_cell = capturing = False
        in_inline = in_phonetic = 0
        pending = [""]  # the reference of the last empty cells, read only when needed

        def start(name: str, attributes: dict[str, str]) -> None:
            nonlocal row_number, column, cells, cell, value_text, inline
            nonlocal in_row, in_cell, capturing, in_inline, in_phonetic
            local = name[name.rfind("}") + 1 :]
            if local == "c":
                cell, value_text, inline, in_cell = attributes, None, [], True
                budget[1] -= 1
                if budget[1] < 0:
                    raise WorkbookRefused(
                        f"「{self.book}」中的单元格超过了 {MAX_CELLS:,} 个（包括设置了格式的空单元格），"
                        "超出了台账的规模，没有导入。请删除表格右侧和下方多余的行和列"
                        "（或按年度分成几个文件），另存后再导入。"
                    )
            elif local == "v":
                if in_cell and not in_inline:
                    text.clear()
                    capturing = True
            elif local == "t":
                if in_inline and not in_phonetic:
                    text.clear()
                    capturing = True
            elif local == "row":
                row_number = self._row_number(attributes.get("r"), row_number)
                column, cells, in_row = 0, {}, True
                pending[0] = ""
            elif local == "is":
                in_inline += 1
            elif local == "rPh":
                in_phonetic += 1

        def end(name: str) -> None:
            nonlocal column, value_text, in_row, in_cell, capturing, in_inline, in_phonetic
            local = name[name.rfind("}") + 1 :]
            if local == "c":
                in_cell = False
                if not in_row:
                    return
                ref = cell.get("r")
                if ref is None and pending[0]:
                    # Where the empty cells before this one ended: this one follows it.
                    column = self._column(pending[0], column, row_number, check_order=False)
                pending[0] = ""
                if value_text is None and not inline:
                    # An empty, formatted cell (often a million of them to the sheet's edge):
                    # where it stands is read only if a later cell has no "r" of its own.
                    if ref is None:
                        column = self._column(None, column, row_number)
                    else:
                        pending[0] = ref
                    return
                column = self._column(ref, column, row_number)
                value = self._value(cell, value_text, inline, column, row_number)
                if value is not None and value != "":
                    if column > MAX_COLUMNS:
                        raise WorkbookRefused(
                            f"「{self.book}」的工作表「{self.title}」在 {_column_letters(column)}{row_number} "
                            f"有内容，超过了台账可以有的 {MAX_COLUMNS} 列，没有导入。"
                            "请删除右侧多余的列（或把它们移到另一个文件）后另存，再导入。"
                        )
                    cells[column] = value
            elif local == "v":
                if capturing:
                    value_text, capturing = "".join(text), False
            elif local == "t":
                if capturing:
                    inline.append("".join(text))
                    capturing = False
            elif local == "row":
                in_row = False
                if not cells:
                    return
                budget[0] -= 1
                if budget[0] < 0:
                    raise WorkbookRefused(
                        f"「{self.book}」中有内容的行超过了 {MAX_ROWS:,} 行，超出了台账的规模，没有导入。"
                        "请按年度分成几个文件分别导入。"
                    )
                values: list[Any] = [None] * max(cells)
                for index, found in cells.items():
                    values[index - 1] = found
                rows.append((row_number, values))
            elif local == "is":
                in_inline -= 1
            elif local == "rPh":
                in_phonetic -= 1

        def characters(data: str) -> None:
            if capturing:
                text.append(data)

        parser = _hardened_parser()
        parser.StartElementHandler = start
        parser.EndElementHandler = end
        parser.CharacterDataHandler = characters
        while chunk := source.read(_CHUNK):
            parser.Parse(chunk, False)
        parser.Parse(b"", True)
        return rows

    def _row_number(self, text: str | None, previous: int) -> int:
        if text is None:
            number = previous + 1
        else:
            try:
                number = int(text)
            except ValueError:
                raise _damaged(
                    self.book, f"工作表「{self.title}」的行号「{text[:20]}」无效"
                ) from None
        if not 1 <= number <= _EXCEL_ROWS or number <= previous:
            raise _damaged(self.book, f"工作表「{self.title}」的行号 {number} 无效")
        return number

    def _column(self, ref: str | None, previous: int, row: int, *, check_order: bool = True) -> int:
        if ref is None:
            column = previous + 1
        else:
            match = _CELL_REF.fullmatch(ref)
            if match is None or int(match[2]) != row:
                raise _damaged(self.book, f"工作表「{self.title}」的单元格「{ref[:20]}」位置无效")
            column = _column_index(match[1])
        if not 1 <= column <= _EXCEL_COLUMNS or (check_order and column <= previous):
            raise _damaged(self.book, f"工作表「{self.title}」第 {row} 行的单元格位置无效")
        return column

    def _value(
        self, cell: dict[str, str], text: str | None, inline: list[str], column: int, row: int
    ) -> Any:
        where = _Where(column, row)
        kind = cell.get("t") or "n"
        if kind == "inlineStr":
            return "".join(inline)
        if text is None:
            return None
        if kind == "s":
            try:
                return self.strings[int(text)]
            except (ValueError, IndexError):
                raise _damaged(self.book, f"单元格 {where} 引用的文字不存在") from None
        if kind in ("str", "e"):  # a formula's text result; an error such as #N/A as its text
            return text
        if kind == "b":
            return text.strip() in ("1", "true")
        if kind == "d":
            try:
                return datetime.fromisoformat(text.strip().removesuffix("Z"))
            except ValueError:
                return UnreadableDate(str(where), float("nan"))
        try:
            number = float(text)
        except ValueError:
            raise _damaged(self.book, f"单元格 {where} 的数值「{text[:20]}」无效") from None
        style_id = cell.get("s") or "0"
        style = int(style_id) if style_id.isdigit() else 0
        if style in self.styles.date_styles:
            try:
                when = from_excel(number, self.epoch, style in self.styles.timedelta_styles)
            except (OverflowError, ValueError):
                return UnreadableDate(str(where), number)
            return when
        if number.is_integer() and abs(number) < 2**53:
            return int(number)
        return number


# --- the reader -----------------------------------------------------------------------------------

_WORKSHEET = "/worksheet"
_OFFICE_DOCUMENT = "/officeDocument"


def read_workbook(path: Path) -> FoundWorkbook:
    """The worksheets of the .xlsx file at ``path`` with their non-empty rows, or
    ``WorkbookRefused`` (a clear Chinese reason) — never another exception for any file."""
    path = Path(path)
    name = path.name
    try:
        if not path.is_file():
            raise WorkbookRefused(f"找不到文件「{path}」。请检查文件名和所在文件夹。")
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise WorkbookRefused(
                f"「{name}」有 {_megabytes(size)}，超过了台账文件可以有的 {_megabytes(MAX_FILE_BYTES)}，"
                "没有导入。请按年度分成几个文件分别导入；文件中有大量图片时请删去图片后另存。"
            )
        with path.open("rb") as f:
            head = f.read(8)
        if head.startswith(b"\xd0\xcf\x11\xe0"):
            raise WorkbookRefused(
                f"「{name}」是旧版 Excel（.xls）文件，或设置了打开密码。"
                "请在 Excel 或 WPS 中打开它，去掉密码后“另存为” Excel 工作簿（.xlsx），再导入。"
            )
        if not head.startswith(b"PK"):
            raise WorkbookRefused(
                f"「{name}」不是 Excel 工作簿（.xlsx）文件。"
                "请选择用 Excel 或 WPS 保存的 .xlsx 台账文件；表格（.csv）请先另存为 .xlsx。"
            )
        with zipfile.ZipFile(path) as zf:
            _check_archive(path, zf)
            return _read(zf, name)
    except WorkbookRefused:
        raise
    except (DefusedXmlException, UnsafeXml) as exc:
        log.info("workbook %s refused: %r", path, exc)
        raise WorkbookRefused(
            f"「{name}」中含有 Excel 不会写入的 XML 声明（实体或文档类型定义），"
            "可能是特意构造的文件，为安全起见没有读取。请用 Excel 或 WPS 打开它，另存为新的 .xlsx 文件后再导入。"
        ) from exc
    except (ParseError, expat.ExpatError) as exc:
        log.info("workbook %s: XML error %s", path, exc)
        raise _damaged(name, "XML 格式不正确") from exc
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, NotImplementedError) as exc:
        log.info("workbook %s: zip error %r", path, exc)
        raise _damaged(name, "压缩包结构不完整") from exc
    except OSError as exc:
        log.info("workbook %s: %r", path, exc)
        why = "没有读取权限" if isinstance(exc, PermissionError) else "读取磁盘出错"
        raise WorkbookRefused(
            f"无法读取「{name}」：{why}。请检查文件是否还在、U 盘是否已插好，"
            "或把文件复制到本机后再试一次。"
        ) from exc
    except MemoryError as exc:
        raise WorkbookRefused(
            f"「{name}」太大，内存不足，无法读取。请按年度分成几个文件分别导入。"
        ) from exc
    except Exception as exc:  # a file from outside: anything else is damage, not a bug of ours
        log.info("workbook %s unreadable", path, exc_info=True)
        raise _damaged(name, type(exc).__name__) from exc


def _read(zf: zipfile.ZipFile, name: str) -> FoundWorkbook:
    root_rels = _relationships(zf, "")
    book_part = next(
        (target for kind, target in root_rels.values() if kind.endswith(_OFFICE_DOCUMENT)),
        "xl/workbook.xml",
    )
    if book_part not in zf.NameToInfo:
        raise WorkbookRefused(
            f"「{name}」不是 Excel 工作簿（里面没有工作表），可能是改了扩展名的 Word 文档或压缩包。"
            "请选择用 Excel 或 WPS 保存的 .xlsx 台账文件。"
        )
    book = _small_xml(zf, book_part)
    rels = _relationships(zf, book_part)
    strings_part = next((t for k, t in rels.values() if k.endswith("/sharedStrings")), None)
    styles_part = next((t for k, t in rels.values() if k.endswith("/styles")), None)
    epoch = CALENDAR_WINDOWS_1900
    sheets: list[tuple[str, str]] = []
    names: dict[str, str] = {}
    for el in book.iter():
        tag = _local(el.tag)
        if tag == "workbookPr" and (el.get("date1904") or "").lower() in ("1", "true"):
            epoch = CALENDAR_MAC_1904
        elif tag == "sheet":
            kind, target = rels.get(_attr(el, "id") or "", ("", ""))
            if kind.endswith(_WORKSHEET):  # chart sheets and dialog sheets hold no rows
                sheets.append((el.get("name") or "", target))
        elif tag == "definedName" and el.get("localSheetId") is None:
            names[el.get("name") or ""] = (el.text or "").strip()
    styles = _styles(zf, styles_part)
    strings = _shared_strings(zf, strings_part)
    budget = [MAX_ROWS, MAX_CELLS]
    found = []
    for title, part in sheets:
        if part not in zf.NameToInfo:
            raise _damaged(name, f"缺少工作表「{title}」")
        reader = _SheetReader(name, title, strings, styles, epoch, budget)
        with zf.open(part) as source:
            found.append(SheetRows(title, reader.read(source)))
    return FoundWorkbook(found, names)


__all__ = [
    "MAX_CELLS",
    "MAX_COLUMNS",
    "MAX_ENTRIES",
    "MAX_FILE_BYTES",
    "MAX_PART_BYTES",
    "MAX_ROWS",
    "MAX_SHEET_BYTES",
    "MAX_TOTAL_BYTES",
    "FoundWorkbook",
    "SheetRows",
    "UnreadableDate",
    "WorkbookRefused",
    "read_workbook",
]
