"""Crafted ledger workbooks against the bounded reader: time and peak memory of each.

    .venv/bin/python benchmarks/crafted_ledgers.py [--keep DIR]

Builds each workbook (a huge declared dimension, a stale one, 49,000 real rows, too many rows,
thousands of columns, a zip-bomb entry, many small bomb entries, a million attribute-only rows,
a billion-laughs entity…), then reads it with ``read_ledger`` in a fresh process and prints what
happened (rows read, or the start of the refusal), the seconds taken and the process's peak RSS.
Asserts nothing: the figures depend on the machine. The promise (issue 12) is a few hundred MB
and a few seconds for any of them.
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import tempfile
import zipfile
from collections.abc import Callable
from datetime import date
from pathlib import Path

from liaison_desk.documents.ledger import write_ledger

ROW = {
    "number": "",
    "kind": "民生议事堂",
    "title": "织里镇童装产业园区停车难协商",
    "held_on": date(2024, 3, 5),
    "venue": "织里镇民生议事堂",
    "group": "织里镇联络组",
    "host": "沈建国",
    "status": "已完成",
    "consensus": "一是错时开放机关停车场；二是增设临时停车位。",
}


def base(path: Path, rows: int = 1, items: int = 0) -> None:
    consultations = [dict(ROW, title=f"{ROW['title']}{i}") for i in range(rows)]
    item_rows = [
        {"consultation_number": "织里-2024-议-001", "position": i + 1, "content": f"建议{i}"}
        for i in range(items)
    ]
    write_ledger(path, consultations, item_rows)


def replace_part(path: Path, part: str, change: Callable[[bytes], bytes]) -> None:
    """Rewrite one entry of the zip (the others copied as they are)."""
    with zipfile.ZipFile(path) as z:
        entries = [(i, z.read(i)) for i in z.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for info, data in entries:
            z.writestr(info, change(data) if info.filename == part else data)


SHEET = "xl/worksheets/sheet1.xml"


def huge_dimension(path: Path) -> None:
    """Finding 3: dimension A1:XFD1048576, one real cell in the last row and column."""
    base(path)

    def change(xml: bytes) -> bytes:
        xml = re.sub(rb'<dimension ref="[^"]*"/>', b'<dimension ref="A1:XFD1048576"/>', xml)
        last = b'<row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t>x</t></is></c></row>'
        return xml.replace(b"</sheetData>", last + b"</sheetData>")

    replace_part(path, SHEET, change)


def stale_dimension(path: Path) -> None:
    """Finding 4: dimension A1:Q10, a row 245 past it."""
    base(path, rows=3)

    def change(xml: bytes) -> bytes:
        xml = re.sub(rb'<dimension ref="[^"]*"/>', b'<dimension ref="A1:Q10"/>', xml)
        row = b'<row r="245"><c r="C245" t="inlineStr"><is><t>stale</t></is></c></row>'
        return xml.replace(b"</sheetData>", row + b"</sheetData>")

    replace_part(path, SHEET, change)


def rows_49k(path: Path) -> None:
    """A real ledger at the row budget: 25,000 consultations and 23,998 items."""
    base(path, rows=25_000, items=23_998)


def rows_too_many(path: Path) -> None:
    """60,000 one-cell rows (a small file: the row budget refuses it)."""
    cells = b"".join(
        b'<row r="%d"><c r="A%d" t="inlineStr"><is><t>x</t></is></c></row>' % (r, r)
        for r in range(1, 60_001)
    )
    _one_sheet(path, cells)


def many_columns(path: Path) -> None:
    """A header of 16,384 columns with text (the column budget refuses it)."""
    cells = b"".join(
        b'<c r="%s1" t="inlineStr"><is><t>h</t></is></c>' % _letters(c).encode()
        for c in range(1, 16_385)
    )
    _one_sheet(path, b'<row r="1">' + cells + b"</row>")


def empty_styled_columns(path: Path) -> None:
    """180 rows of 16,384 empty styled cells each (≈ 60 MB of XML, inside the size budget):
    refused by the cell budget after a million cells, nothing stored."""
    one = b"".join(b'<c r="%s%%d" s="0"/>' % _letters(c).encode() for c in range(1, 16_385))
    head = b'<row r="1"><c r="A1" t="inlineStr"><is><t>\xe8\xae\xae\xe9\xa2\x98</t></is></c></row>'
    rows = b"".join(
        b'<row r="%d">' % r + one.replace(b"%d", b"%d" % r) + b"</row>" for r in range(2, 181)
    )
    _one_sheet(path, head + rows)


def attribute_rows(path: Path) -> None:
    """A million empty rows that only set a height (openpyxl keeps a dict for each)."""
    rows = b"".join(b'<row r="%d" ht="15" customHeight="1"/>' % r for r in range(1, 1_048_577))
    _one_sheet(path, rows)


def zip_bomb_entry(path: Path) -> None:
    """sheet1.xml declared as 1 GB of zeros-like XML (refused before anything is inflated)."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        _skeleton(z)
        with z.open(SHEET, "w", force_zip64=True) as f:
            f.write(
                b"<worksheet xmlns='http://schemas.openxmlformats.org/spreadsheetml/2006/main'><sheetData>"
            )
            chunk = b"<row/>" * (1 << 20)
            for _ in range(170):
                f.write(chunk)
            f.write(b"</sheetData></worksheet>")


def many_small_bombs(path: Path) -> None:
    """Finding 6's pattern on a ledger: 480 entries of 8 MiB zeros each."""
    base(path)
    with zipfile.ZipFile(path, "a", zipfile.ZIP_DEFLATED) as z:
        zeros = b"\0" * (8 << 20)
        for i in range(480):
            z.writestr(f"xl/media/image{i}.png", zeros)


def billion_laughs(path: Path) -> None:
    """An entity expanding to gigabytes in the worksheet."""
    base(path)
    bomb = (
        b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
        + b"".join(
            b'<!ENTITY lol%d "%s">' % (i, (b"&lol%d;" % (i - 1) if i > 1 else b"&lol;") * 10)
            for i in range(1, 10)
        )
        + b"]><worksheet xmlns='http://schemas.openxmlformats.org/spreadsheetml/2006/main'>"
        b"<sheetData><row r='1'><c r='A1' t='inlineStr'><is><t>&lol9;</t></is></c></row>"
        b"</sheetData></worksheet>"
    )
    replace_part(path, SHEET, lambda _xml: bomb)


def _letters(n: int) -> str:
    s = ""
    while n:
        n, r = divmod(n - 1, 26)
        s = chr(65 + r) + s
    return s


def _skeleton(z: zipfile.ZipFile) -> None:
    z.writestr(
        "[Content_Types].xml",
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/></Types>',
    )
    z.writestr(
        "_rels/.rels",
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
        'relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
    )
    z.writestr(
        "xl/workbook.xml",
        '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
        'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
        '<sheets><sheet name="协商活动" sheetId="1" r:id="rId1"/></sheets></workbook>',
    )
    z.writestr(
        "xl/_rels/workbook.xml.rels",
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
        'relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
    )


def _one_sheet(path: Path, rows: bytes) -> None:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        _skeleton(z)
        z.writestr(
            SHEET,
            b"<worksheet xmlns='http://schemas.openxmlformats.org/spreadsheetml/2006/main'>"
            b"<dimension ref='A1'/><sheetData>" + rows + b"</sheetData></worksheet>",
        )


CASES: dict[str, Callable[[Path], None]] = {
    "huge declared dimension": huge_dimension,
    "stale dimension": stale_dimension,
    "49,000 real rows": rows_49k,
    "60,000 rows": rows_too_many,
    "16,384 columns": many_columns,
    "empty styled cells ×3M": empty_styled_columns,
    "1M attribute-only rows": attribute_rows,
    "zip-bomb entry (1 GB)": zip_bomb_entry,
    "480 × 8 MiB entries": many_small_bombs,
    "billion laughs": billion_laughs,
}

_CHILD = """
import json, sys, time
from pathlib import Path
from liaison_desk.documents.ledger import LedgerFileError, read_ledger
start, cpu = time.perf_counter(), time.process_time()
try:
    ledger = read_ledger(Path(sys.argv[1]))
    outcome = "read: " + ", ".join(f"{s.title} {len(s.rows)} rows" for s in ledger.sheets)
    last = [s.rows[-1][0] for s in ledger.sheets if s.rows]
    if last:
        outcome += f" (last row {max(last)})"
except LedgerFileError as exc:
    outcome = "refused: " + exc.problems[0].message[:70]
seconds = time.perf_counter() - start
cpu = time.process_time() - cpu
# VmHWM: this process's own peak (ru_maxrss would carry over the parent's from fork)
status = Path("/proc/self/status").read_text()
peak = int(next(l.split()[1] for l in status.splitlines() if l.startswith("VmHWM"))) / 1024
print(json.dumps({"outcome": outcome, "seconds": seconds, "cpu": cpu, "peak_mb": peak}))
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--keep", type=Path, help="leave the crafted files in this folder")
    args = parser.parse_args()
    folder = args.keep or Path(tempfile.mkdtemp(prefix="crafted-ledgers-"))
    folder.mkdir(parents=True, exist_ok=True)
    # Wall-clock and CPU seconds: on a busy machine the first can be a multiple of the second.
    print(f"{'case':<26}{'file':>9}{'wall s':>8}{'CPU s':>7}{'peak RSS':>10}  outcome")
    for i, (name, build) in enumerate(CASES.items()):
        path = folder / f"{i:02d}.xlsx"
        build(path)
        run = subprocess.run(
            [sys.executable, "-c", _CHILD, str(path)], capture_output=True, text=True, check=False
        )
        if run.returncode != 0 or not run.stdout.strip():
            print(f"{name:<26} FAILED: {run.stderr.strip()[-300:]}")
            continue
        if run.stderr.strip():
            print(f"{name:<26} (stderr: {run.stderr.strip()[:200]})")
        found = json.loads(run.stdout)
        size = f"{path.stat().st_size / 1024:.0f} KB"
        print(
            f"{name:<26}{size:>9}{found['seconds']:>8.2f}{found['cpu']:>7.2f}"
            f"{found['peak_mb']:>8.0f} MB  "
            f"{found['outcome']}"
        )
        if args.keep is None:
            path.unlink()


if __name__ == "__main__":
    main()
