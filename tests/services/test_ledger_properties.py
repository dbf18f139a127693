"""Property-based: a valid exported ledger, mutated (bytes flipped, cut or inserted; cells set
to any text, formulas, huge strings, numbers and dates out of range; columns dropped or renamed;
the declared dimension made stale or huge), gives a clear refusal or a correct result — never
an exception of another kind — and the database is unchanged whenever the import is refused."""

from __future__ import annotations

import re
import zipfile
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import load_workbook

from helpers import table_dump
from liaison_desk.domain.entities import Consultation, OutcomeItem
from liaison_desk.domain.enums import ConsultationKind
from liaison_desk.domain.queries import ConsultationFilter
from liaison_desk.domain.rules import ValidationError
from liaison_desk.services import Services
from liaison_desk.services.ledger import RowResult

FAST = settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


@pytest.fixture
def exported(
    services: Services, new_consultation: Callable[..., Consultation], tmp_path: Path
) -> bytes:
    services.consultations.save(
        new_consultation(
            outcome_items=[OutcomeItem(content="加装电梯"), OutcomeItem(content="修路")]
        )
    )
    services.consultations.save(
        new_consultation(kind=ConsultationKind.MICRO, title="村口停车", held_on=date(2024, 5, 6))
    )
    path = tmp_path / "台账.xlsx"
    services.ledger.export(ConsultationFilter(), path, masked=False)
    return path.read_bytes()


def import_and_check(services: Services, db_file: Path, path: Path) -> None:
    """The property: a refusal with a message and nothing written, or an import that lands."""
    before = table_dump(db_file)
    try:
        plan = services.ledger.plan_import(path)
    except ValidationError as exc:  # LedgerFileError: the file as a whole
        message = exc.problems[0].message
        assert message and "（）" not in message
        assert re.search(r"[\u4e00-\u9fff]", message)
        assert table_dump(db_file) == before
        return
    for row in plan.rows:
        if row.result is RowResult.ERROR:
            assert row.reasons and all(r.strip() for r in row.reasons)
    if not plan.ok:
        with pytest.raises(ValidationError):
            services.ledger.apply_import(plan)
        assert table_dump(db_file) == before
    elif plan.has_changes:
        services.ledger.apply_import(plan)
        assert plan.applied


# --- bytes ----------------------------------------------------------------------------------------

byte_edits = st.one_of(
    st.tuples(st.just("flip"), st.integers(0, 10**6), st.integers(1, 255)),
    st.tuples(st.just("cut"), st.integers(0, 10**6), st.just(0)),
    st.tuples(st.just("insert"), st.integers(0, 10**6), st.binary(min_size=1, max_size=64)),
)


@FAST
@given(edits=st.lists(byte_edits, min_size=1, max_size=4))
def test_damaged_bytes(
    services: Services, db_file: Path, exported: bytes, tmp_path: Path, edits: list
) -> None:
    data = bytearray(exported)
    for kind, where, what in edits:
        at = where % max(len(data), 1)
        if kind == "flip":
            if data:
                data[at] ^= what
        elif kind == "cut":
            del data[at:]
        else:
            data[at:at] = what
    path = tmp_path / "坏台账.xlsx"
    path.write_bytes(bytes(data))
    import_and_check(services, db_file, path)


# --- cells ----------------------------------------------------------------------------------------

# Text a cell can hold (openpyxl itself refuses the control characters XML forbids).
cell_text = st.text(st.characters(blacklist_categories=("Cs", "Cc")), max_size=40)
cell_values = st.one_of(
    st.none(),
    cell_text,
    st.sampled_from(["=1+1", "@SUM(A1)", "+1", "-1", '=HYPERLINK("http://x","x")', "#N/A"]),
    st.builds(lambda n: "长" * n, st.integers(1000, 40_000)),
    st.integers(-(10**15), 10**15),
    st.floats(allow_nan=False, allow_infinity=False),
    st.booleans(),
    st.dates(min_value=date(1900, 3, 1)),
    st.datetimes(min_value=datetime(1900, 3, 1)),
    st.times(),
)


@FAST
@given(
    changes=st.lists(
        st.tuples(st.integers(0, 1), st.integers(1, 5), st.integers(1, 18), cell_values),
        min_size=1,
        max_size=6,
    )
)
def test_any_cell_values(
    services: Services,
    db_file: Path,
    exported: bytes,
    tmp_path: Path,
    changes: list[tuple[int, int, int, object]],
) -> None:
    path = tmp_path / "改过的台账.xlsx"
    path.write_bytes(exported)
    wb = load_workbook(path)
    for sheet, row, column, value in changes:
        cell = wb.worksheets[sheet].cell(row=row, column=column)
        cell.value = value
        if isinstance(value, str):
            cell.data_type = "s"
    wb.save(path)
    import_and_check(services, db_file, path)


@FAST
@given(
    sheet=st.integers(0, 1),
    column=st.integers(1, 17),
    action=st.one_of(st.just(None), cell_text),
)
def test_columns_dropped_or_renamed(
    services: Services,
    db_file: Path,
    exported: bytes,
    tmp_path: Path,
    sheet: int,
    column: int,
    action: str | None,
) -> None:
    path = tmp_path / "改过的台账.xlsx"
    path.write_bytes(exported)
    wb = load_workbook(path)
    ws = wb.worksheets[sheet]
    if action is None:
        ws.delete_cols(column)
    else:
        ws.cell(row=1, column=column).value = action
    wb.save(path)
    import_and_check(services, db_file, path)


def _letters(n: int) -> str:
    s = ""
    while n:
        n, r = divmod(n - 1, 26)
        s = chr(65 + r) + s
    return s


@FAST
@given(
    last_row=st.integers(1, 1_048_576),
    last_column=st.integers(1, 16_384),
    extra_row=st.one_of(st.none(), st.integers(4, 1_048_576)),
)
def test_stale_or_huge_dimensions(
    services: Services,
    db_file: Path,
    exported: bytes,
    tmp_path: Path,
    last_row: int,
    last_column: int,
    extra_row: int | None,
) -> None:
    path = tmp_path / "台账.xlsx"
    with zipfile.ZipFile(_write(path, exported)) as z:
        entries = [(i, z.read(i)) for i in z.infolist()]
    ref = f"A1:{_letters(last_column)}{last_row}".encode()
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for info, data in entries:
            if info.filename == "xl/worksheets/sheet1.xml":
                data = re.sub(
                    rb'<dimension ref="[^"]*"/>', b'<dimension ref="' + ref + b'"/>', data
                )
                if extra_row is not None:
                    row = b'<row r="%d"><c r="C%d" t="inlineStr"><is><t>x</t></is></c></row>' % (
                        extra_row,
                        extra_row,
                    )
                    data = data.replace(b"</sheetData>", row + b"</sheetData>")
            z.writestr(info, data)
    import_and_check(services, db_file, path)
    if extra_row is not None:
        # The row past the dimension is read: it shows up in the report.
        plan = services.ledger.plan_import(path)
        assert any(r.row == extra_row for r in plan.rows)


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path
