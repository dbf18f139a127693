"""The bounded reader of workbooks from outside (documents/spreadsheet.py), through
``read_ledger``: crafted files get a clear Chinese refusal or the right rows — the declared
``<dimension>`` is not trusted either way (issue 12, findings 3, 4 and 12)."""

from __future__ import annotations

import re
import warnings
import zipfile
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest

from liaison_desk.documents import spreadsheet
from liaison_desk.documents.ledger import LedgerFileError, as_date, read_ledger, write_ledger

SHEET = "xl/worksheets/sheet1.xml"
ROW = {"title": "老街新韵", "held_on": date(2024, 3, 5), "venue": "老街", "group": "织里镇联络组"}


def ledger(path: Path, rows: int = 1) -> Path:
    write_ledger(path, [dict(ROW, title=f"议题{i}") for i in range(rows)], [])
    return path


def rewrite(path: Path, part: str, change: Callable[[bytes], bytes]) -> Path:
    with zipfile.ZipFile(path) as z:
        entries = [(i, z.read(i)) for i in z.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for info, data in entries:
            z.writestr(info, change(data) if info.filename == part else data)
    return path


def with_dimension(xml: bytes, ref: str, extra_row: bytes = b"") -> bytes:
    xml = re.sub(rb'<dimension ref="[^"]*"/>', b'<dimension ref="%s"/>' % ref.encode(), xml)
    return xml.replace(b"</sheetData>", extra_row + b"</sheetData>")


def refusal(path: Path) -> str:
    with pytest.raises(LedgerFileError) as info:
        read_ledger(path)
    message = info.value.problems[0].message
    assert "（）" not in message and "Error" not in message and "Traceback" not in message
    return message


def test_rows_past_a_stale_dimension_are_read(tmp_path: Path) -> None:
    row = '<row r="245"><c r="C245" t="inlineStr"><is><t>迟到的一行</t></is></c></row>'.encode()
    path = rewrite(
        ledger(tmp_path / "台账.xlsx", 3), SHEET, lambda x: with_dimension(x, "A1:Q10", row)
    )
    sheet = read_ledger(path).sheets[0]
    assert [n for n, _cells in sheet.rows] == [2, 3, 4, 245]
    assert sheet.rows[-1][1][2] == "迟到的一行"


def test_a_huge_declared_dimension_costs_nothing(tmp_path: Path) -> None:
    """Finding 3: A1:XFD1048576 with one real cell drove the old reader past 7.6 GB."""
    last = b'<row r="1048576"><c r="Q1048576" t="inlineStr"><is><t>last</t></is></c></row>'
    path = rewrite(
        ledger(tmp_path / "台账.xlsx"), SHEET, lambda x: with_dimension(x, "A1:XFD1048576", last)
    )
    sheet = read_ledger(path).sheets[0]
    assert [n for n, _cells in sheet.rows] == [2, 1048576]
    assert len(sheet.rows[-1][1]) == 17  # up to its last cell with content, not the dimension

    far = b'<row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t>x</t></is></c></row>'
    path = rewrite(
        ledger(tmp_path / "台账2.xlsx"), SHEET, lambda x: with_dimension(x, "A1:XFD1048576", far)
    )
    assert "XFD1048576" in refusal(path) and "200 列" in refusal(path)


def test_entities_are_refused_not_expanded(tmp_path: Path) -> None:
    entities = b"".join(
        b'<!ENTITY a%d "%s">' % (i, b"&a%d;" % (i - 1) * 10 if i else b"ha") for i in range(10)
    )
    bomb = (
        b'<?xml version="1.0"?><!DOCTYPE w [' + entities + b"]>"
        b"<worksheet xmlns='http://schemas.openxmlformats.org/spreadsheetml/2006/main'>"
        b"<sheetData><row r='1'><c r='A1' t='inlineStr'><is><t>&a9;</t></is></c></row>"
        b"</sheetData></worksheet>"
    )
    path = rewrite(ledger(tmp_path / "台账.xlsx"), SHEET, lambda _x: bomb)
    assert "安全" in refusal(path)
    # The same in a part read whole (the workbook's own XML).
    path = rewrite(
        ledger(tmp_path / "台账2.xlsx"),
        "xl/workbook.xml",
        lambda x: b'<?xml version="1.0"?><!DOCTYPE w [<!ENTITY e "x">]>' + x.split(b"?>", 1)[-1],
    )
    assert "安全" in refusal(path)


def test_budgets_are_checked_before_the_work(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = ledger(tmp_path / "台账.xlsx", rows=30)
    monkeypatch.setattr(spreadsheet, "MAX_ROWS", 20)
    assert "20 行" in refusal(path) or "20,000" in refusal(path) or "超过了" in refusal(path)
    monkeypatch.setattr(spreadsheet, "MAX_ROWS", 50_000)
    monkeypatch.setattr(spreadsheet, "MAX_COLUMNS", 10)
    assert "10 列" in refusal(path)
    monkeypatch.setattr(spreadsheet, "MAX_COLUMNS", 200)
    monkeypatch.setattr(spreadsheet, "MAX_FILE_BYTES", 1000)
    assert "超过了台账文件可以有的" in refusal(path)
    monkeypatch.setattr(spreadsheet, "MAX_FILE_BYTES", 20 << 20)
    monkeypatch.setattr(spreadsheet, "MAX_SHEET_BYTES", 1000)
    assert "解压后有" in refusal(path)
    monkeypatch.setattr(spreadsheet, "MAX_SHEET_BYTES", 64 << 20)
    monkeypatch.setattr(spreadsheet, "MAX_CELLS", 100)  # 30 rows of 17 cells
    assert "单元格超过了" in refusal(path)
    monkeypatch.setattr(spreadsheet, "MAX_CELLS", 1_000_000)
    monkeypatch.setattr(spreadsheet, "MAX_ENTRIES", 3)
    assert "部件" in refusal(path)


def test_a_zip_bomb_entry_is_refused_by_its_declared_size(tmp_path: Path) -> None:
    path = ledger(tmp_path / "台账.xlsx")
    with zipfile.ZipFile(path, "a", zipfile.ZIP_DEFLATED) as z:
        for i in range(30):
            z.writestr(f"xl/media/image{i}.png", b"\0" * (8 << 20))
    assert "解压后有" in refusal(path)


def test_an_encrypted_entry_and_broken_xml_are_refused_in_chinese(tmp_path: Path) -> None:
    path = ledger(tmp_path / "台账.xlsx")
    data = bytearray(path.read_bytes())
    central = data.find(b"PK\x01\x02")
    data[central + 8] |= 1  # the "encrypted" flag of the first entry
    locked = tmp_path / "加密.xlsx"
    locked.write_bytes(bytes(data))
    assert "密码" in refusal(locked)

    broken = rewrite(ledger(tmp_path / "坏.xlsx"), SHEET, lambda x: x[: len(x) // 2])
    assert "已损坏" in refusal(broken) and "XML" in refusal(broken)


def test_a_date_out_of_range_is_reported_on_its_cell_without_a_warning(tmp_path: Path) -> None:
    """Finding 12: openpyxl printed a UserWarning to the terminal for such a cell."""
    path = ledger(tmp_path / "台账.xlsx")

    def change(xml: bytes) -> bytes:
        # The date cell E2 keeps its date style, its number is 1e10 days.
        return re.sub(
            rb'(<c r="E2"[^>]*?)(?: t="\w+")?>(?:<v>[^<]*</v>)?</c>',
            rb'\1 t="n"><v>10000000000</v></c>',
            xml,
        )

    rewrite(path, SHEET, change)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        sheet = read_ledger(path).sheets[0]
    value = sheet.rows[0][1][4]
    with pytest.raises(ValueError, match=r"E2.*不是有效的日期"):
        as_date(value)
