"""Imports by a township's login on the district's shared server (issue 17, item 5): a ledger
or a package that carries another group's records is refused before anything is written, in
words that say whose records they are and who may import them (not "联络组不存在", not a
refused write halfway through); a ledger of the login's own group imports as before. Package
import (merging, the import log, undo) is the district office's work on the server: a township
login is told so up front.

Runs on the throw-away cluster of ``test_postgresql.py`` (skipped where PostgreSQL is missing),
with the district database of ``test_server.py``.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook
from sqlalchemy import create_engine, text
from test_postgresql import pg_url  # noqa: F401  (the throw-away cluster)
from test_server import (  # noqa: F401  (the district database and its logins)
    BALIDIAN,
    ZHILI,
    Secured,
    _as,
    _services,
    district,
    secured,
    source,
)

from liaison_desk.documents.ledger import CONSULTATION_SHEET
from liaison_desk.domain.entities import LiaisonGroup
from liaison_desk.domain.enums import ConsultationKind
from liaison_desk.domain.queries import ConsultationFilter
from liaison_desk.domain.rules import ValidationError
from liaison_desk.services import ServiceContext, Services
from liaison_desk.services.ledger_import import RowResult
from liaison_desk.services.records import ImportRefused
from liaison_desk.storage.attachments import AttachmentStore
from liaison_desk.storage.database import Database

#: Every table an import could write, read as the tables' owner (all rows).
_WATCHED = (
    "liaison_groups",
    "people",
    "consultations",
    "participants",
    "speeches",
    "outcome_items",
    "attachments",
    "attachment_blobs",
    "cases",
    "audit_entries",
    "number_counters",
    "search_docs",
    "import_log",
    "import_marks",
    "tombstones",
)


def _snapshot(url: str) -> dict[str, str]:
    owner = create_engine(url)
    try:
        with owner.connect() as conn:
            return {
                table: str(
                    conn.execute(
                        text(
                            "SELECT count(*) || ':' || md5(coalesce(string_agg(t::text, '|' "
                            f"ORDER BY t::text), '')) FROM {table} t"
                        )
                    ).scalar()
                )
                for table in _WATCHED
            }
    finally:
        owner.dispose()


def _township(secured: Secured, tmp_path: Path) -> _services:  # noqa: F811
    return _services(_as(secured.url, "zhili_pc1"), tmp_path / "zhili")


# --- records packages ----------------------------------------------------------------------------


def _own_group_package(tmp_path: Path) -> Path:
    """织里's records package from its own (earlier, offline) database: a record the server
    does not have yet."""
    file = tmp_path / "织里.sqlite"
    db = Database.open(f"sqlite:///{file}")
    try:
        sv = Services(ServiceContext(db, AttachmentStore.beside_database(file)))
        group = sv.groups.save(LiaisonGroup(name=ZHILI, town="织里镇"))
        c = sv.consultations.new(ConsultationKind.MICRO, group.id)
        c.title, c.held_on, c.venue = "织里镇早年的微协商", date(2023, 6, 1), "议事点"
        sv.consultations.save(c)
        return sv.records.export(tmp_path / "织里.zip", group=ZHILI).written.path
    finally:
        db.close()


def test_a_package_of_another_group_is_refused_before_anything_is_written(
    secured: Secured,  # noqa: F811
    tmp_path: Path,
) -> None:
    with _services(_as(secured.url, "qu_office"), tmp_path / "office") as office:
        theirs = office.records.export(tmp_path / "八里店.zip", group=BALIDIAN).written.path
    before = _snapshot(secured.url)
    with _township(secured, tmp_path) as township:
        for dry_run in (True, False):
            with pytest.raises(ImportRefused) as refused:
                township.records.import_package(theirs, dry_run=dry_run)
            message = str(refused.value)
            assert f"这个报送数据包是{BALIDIAN}的记录" in message, message
            assert f"本账号（{ZHILI}）只能导入本联络组的记录" in message
            assert "没有导入任何数据" in message and "区政协办公室" in message
    assert _snapshot(secured.url) == before


def test_package_import_and_undo_are_the_offices_work_on_the_server(
    secured: Secured,  # noqa: F811
    tmp_path: Path,
) -> None:
    """Even its own group's package: the import log and the merge's marks are the office's
    tables. The login is told so first, not "这条记录属于别的联络组" from a refused write."""
    own = _own_group_package(tmp_path)
    before = _snapshot(secured.url)
    with _township(secured, tmp_path) as township:
        with pytest.raises(ImportRefused) as refused:
            township.records.import_package(own)
        message = str(refused.value)
        assert f"本账号（{ZHILI}）不能导入" in message, message
        assert "由区政协办公室的账号进行" in message and "属于别的联络组" not in message
        with pytest.raises(ImportRefused, match="撤销导入由区政协办公室的账号进行"):
            township.records.undo_last()
    assert _snapshot(secured.url) == before
    # The office imports it into 织里's records, which the township then sees.
    with _services(_as(secured.url, "qu_office"), tmp_path / "office") as office:
        report = office.records.import_package(own)
        assert report.counts["new"] == 1 and report.log_id is not None
    with _township(secured, tmp_path) as township:
        titles = [c.title for c in township.consultations.search(ConsultationFilter()).items]
        assert "织里镇早年的微协商" in titles
    with _services(_as(secured.url, "qu_office"), tmp_path / "office") as office:
        office.records.undo_last()
    assert _snapshot(secured.url)["consultations"] == before["consultations"]


# --- ledgers -------------------------------------------------------------------------------------


def _heading_column(path: Path, heading: str) -> int:
    ws = load_workbook(path)[CONSULTATION_SHEET]
    return next(c.column for c in ws[1] if c.value == heading)


def _rows_of(path: Path, heading: str, value: str) -> list[int]:
    ws = load_workbook(path)[CONSULTATION_SHEET]
    column = _heading_column(path, heading)
    return [r for r in range(2, ws.max_row + 1) if ws.cell(r, column).value == value]


def _set(path: Path, row: int, heading: str, value: object) -> None:
    wb = load_workbook(path)
    wb[CONSULTATION_SHEET].cell(row=row, column=_heading_column(path, heading)).value = value
    wb.save(path)


def test_a_ledger_with_another_groups_rows_is_refused_saying_whose_they_are(
    secured: Secured,  # noqa: F811
    tmp_path: Path,
) -> None:
    ledger = tmp_path / "全区台账.xlsx"
    with _services(_as(secured.url, "qu_office"), tmp_path / "office") as office:
        office.ledger.export(ConsultationFilter(), ledger, masked=False)
    theirs = _rows_of(ledger, "联络组", BALIDIAN)[0]
    _set(ledger, theirs, "议题", "镇里改了八里店的议题")
    # The same with the group left blank: its number says whose it is.
    blank = tmp_path / "没写联络组.xlsx"
    blank.write_bytes(ledger.read_bytes())
    _set(blank, theirs, "联络组", None)
    before = _snapshot(secured.url)
    with _township(secured, tmp_path) as township:
        for file in (ledger, blank):
            plan = township.ledger.plan_import(file)
            errors = {
                r.row: " ".join(r.reasons) for r in plan.errors if r.sheet == CONSULTATION_SHEET
            }
            assert set(errors) == {theirs}, errors
            assert f"本账号（{ZHILI}）只能导入本联络组的记录" in errors[theirs], errors[theirs]
            assert "区政协办公室" in errors[theirs]
            assert "不存在" not in errors[theirs] and "留空" not in errors[theirs]
            if file == ledger:
                assert f"联络组「{BALIDIAN}」不是本账号的联络组" in errors[theirs]
            with pytest.raises(ValidationError):
                township.ledger.apply_import(plan)
    assert _snapshot(secured.url) == before


def test_a_ledger_of_the_townships_own_group_imports_as_before(
    secured: Secured,  # noqa: F811
    tmp_path: Path,
) -> None:
    ledger = tmp_path / "织里台账.xlsx"
    with _township(secured, tmp_path) as township:
        township.ledger.export(ConsultationFilter(), ledger, masked=False)
        row = _rows_of(ledger, "联络组", ZHILI)[0]
        number = (
            load_workbook(ledger)[CONSULTATION_SHEET]
            .cell(row=row, column=_heading_column(ledger, "编号"))
            .value
        )
        _set(ledger, row, "议题", "织里镇停车难（台账改）")
        plan = township.ledger.plan_import(ledger)
        assert not plan.errors, [r.reasons for r in plan.errors]
        assert plan.count(RowResult.UPDATED) == 1
        township.ledger.apply_import(plan)
        found = [
            c
            for c in township.consultations.search(ConsultationFilter()).items
            if c.number == number
        ]
        assert found and found[0].title == "织里镇停车难（台账改）"
