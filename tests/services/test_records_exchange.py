"""Records packages (issue 17, items 1, 2 and 6): single-group demo databases export their
records, a district database imports and merges them, and the merge is safe: re-import changes
nothing, edits arrive as updates, edits at both ends are conflicts, deletions follow, undo puts
the records back exactly, and bad packages are refused with nothing written.

The single-group databases are made from the session's demo (``demo_master``) the way
``liaison-desk demo --group`` makes them (the district build reduced to one group:
``reduce_to_group``), so a test needs no build of its own."""

from __future__ import annotations

import json
import shutil
import sqlite3
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest

from clock import FixedClock
from helpers import table_dump
from liaison_desk.demo import DEMO_YEAR, demo_group_names, reduce_to_group
from liaison_desk.domain.enums import ConsultationKind
from liaison_desk.domain.queries import YearStatistics
from liaison_desk.services import Services
from liaison_desk.services.base import ServiceContext
from liaison_desk.services.records import ImportRefused
from liaison_desk.storage.attachments import AttachmentStore
from liaison_desk.storage.database import Database
from liaison_desk.storage.exchange import UndoRefused

ZHILI = "织里镇联络组"
#: Tables an import or undo writes besides the records: its own log and the audit trail.
BOOKKEEPING = {"import_log", "audit_entries"}


@contextmanager
def opened(db_file: Path, clock: FixedClock | None = None) -> Iterator[Services]:
    database = Database.open(f"sqlite:///{db_file}")
    try:
        yield Services(
            ServiceContext(
                database, AttachmentStore.beside_database(db_file), clock=clock or FixedClock()
            )
        )
    finally:
        database.close()


def group_db(demo_master: Path, folder: Path, group: str) -> Path:
    """A township's database: the demo reduced to ``group`` (as ``demo --group`` builds it)."""
    target = folder / group / "联络组.sqlite"
    target.parent.mkdir(parents=True)
    shutil.copyfile(demo_master, target)
    shutil.copytree(
        AttachmentStore.beside_database(demo_master).root,
        AttachmentStore.beside_database(target).root,
    )
    with opened(target) as sv:
        reduce_to_group(sv, group)
    return target


def export(db_file: Path, out: Path, **options: Any) -> Path:
    with opened(db_file) as sv:
        return sv.records.export(out, year=DEMO_YEAR, **options).written.path


def import_(db_file: Path, package: Path, **options: Any) -> Any:
    with opened(db_file) as sv:
        return sv.records.import_package(package, **options)


def figures(stats: YearStatistics) -> dict[str, Any]:
    data = asdict(stats)
    data.pop("group_id")
    return data


def records_dump(db_file: Path) -> dict[str, list[tuple[object, ...]]]:
    return {k: v for k, v in table_dump(db_file).items() if k not in BOOKKEEPING}


def group_id(sv: Services, name: str) -> int:
    found = [g.id for g in sv.groups.all() if g.name == name]
    assert found and found[0] is not None
    return found[0]


@pytest.fixture
def zhili(demo_master: Path, tmp_path: Path) -> Path:
    return group_db(demo_master, tmp_path, ZHILI)


@pytest.fixture
def district(tmp_path: Path) -> Path:
    return tmp_path / "区政协" / "区政协.sqlite"


# --- merging groups ------------------------------------------------------------------------------


@pytest.mark.parametrize("n", [2, 3])
def test_groups_merge_at_the_district_to_the_sum_of_their_figures(
    demo_master: Path, tmp_path: Path, district: Path, n: int
) -> None:
    names = demo_group_names()[:n]
    packages = []
    own: dict[str, dict[str, Any]] = {}
    for name in names:
        db_file = group_db(demo_master, tmp_path, name)
        with opened(db_file) as sv:
            own[name] = figures(sv.statistics.year(DEMO_YEAR, group_id(sv, name)))
            assert {g.name for g in sv.groups.all()} == {name}
        packages.append(export(db_file, tmp_path / f"{name}.zip"))
    district.parent.mkdir()
    for package in packages:  # --db names a file that does not exist yet: it is created
        report = import_(district, package)
        assert report.counts["new"] > 0 and report.counts["conflicts"] == 0
    with opened(district) as sv:
        total = figures(sv.statistics.year(DEMO_YEAR))
        for name in names:
            assert figures(sv.statistics.year(DEMO_YEAR, group_id(sv, name))) == own[name]
        assert len(sv.records.log()) == n
    summed = {
        key: sum(f[key] for f in own.values())
        for key in total
        if isinstance(total[key], int) and key != "year"
    }
    assert {k: total[k] for k in summed} == summed
    assert total["hall_sessions"] > 0 and total["solved"] > 0

    # Importing every package again changes nothing, not even the import log.
    before = table_dump(district)
    for package in packages:
        report = import_(district, package)
        assert report.counts["new"] == report.counts["updated"] == report.counts["deleted"] == 0
        assert report.log_id is None
    assert table_dump(district) == before


def test_photos_are_stored_once_and_the_records_point_at_them(
    zhili: Path, tmp_path: Path, district: Path
) -> None:
    package = export(zhili, tmp_path / "zl.zip")
    import_(district, package)
    with opened(zhili) as mine, opened(district) as theirs:
        assert mine.ctx.store is not None and theirs.ctx.store is not None
        assert theirs.ctx.store.all_hashes() == mine.ctx.store.all_hashes()
        assert (
            theirs.statistics.row_counts()["attachment"]
            == mine.statistics.row_counts()["attachment"]
        )


def test_phone_and_id_numbers_are_masked_by_default_and_the_choice_is_recorded(
    zhili: Path, tmp_path: Path
) -> None:
    masked = export(zhili, tmp_path / "masked.zip")
    plain = export(zhili, tmp_path / "plain.zip", mask=False)

    def people(package: Path) -> tuple[dict[str, Any], list[dict[str, Any]]]:
        with zipfile.ZipFile(package) as zf:
            name = next(n for n in zf.namelist() if n.endswith("data/package.json"))
            doc = json.loads(zf.read(name))
        return doc, doc["records"]["person"]

    doc, hidden = people(masked)
    assert doc["masked"] is True and doc["kind"] == "records"
    phones = [p["phone"] for p in hidden if p["phone"] and not p["consent_to_publish"]]
    assert phones and all("****" in p for p in phones)
    doc, shown = people(plain)
    assert doc["masked"] is False
    assert any(p["phone"] and "****" not in p["phone"] for p in shown)
    summaries = [
        r[0] for r in _sql(zhili, "SELECT summary FROM audit_entries WHERE action='export'")
    ]
    assert any("已隐藏" in s for s in summaries) and any("未隐藏" in s for s in summaries)


def _sql(db_file: Path, query: str, *args: object) -> list[tuple[Any, ...]]:
    conn = sqlite3.connect(db_file)
    try:
        return conn.execute(query, args).fetchall()
    finally:
        conn.close()


# --- changes after the first import ---------------------------------------------------------------


def _first_consultation(sv: Services) -> Any:
    """An editable (not archived) micro-consultation of the demo year."""
    from liaison_desk.domain.queries import ConsultationFilter, PageRequest

    page = sv.consultations.search(ConsultationFilter(year=DEMO_YEAR), PageRequest())
    for summary in page.items:
        c = sv.consultations.get(summary.id)
        if c is not None and not c.is_locked and c.kind is ConsultationKind.MICRO:
            return c
    raise AssertionError("no editable consultation in the demo")


def _retitle(db_file: Path, uuid: str, title: str) -> None:
    with opened(db_file) as sv:
        c = sv.consultations.get(_row(db_file, uuid)[0])
        assert c is not None
        c.title = title
        sv.consultations.save(c)


def _row(db_file: Path, uuid: str) -> tuple[Any, ...]:
    """(id, title, deleted_at, number) of the consultation with this UUID, or () when none."""
    rows = _sql(
        db_file, "SELECT id, title, deleted_at, number FROM consultations WHERE uuid = ?", uuid
    )
    return rows[0] if rows else ()


def test_an_edit_at_the_township_arrives_as_an_update(
    zhili: Path, tmp_path: Path, district: Path
) -> None:
    import_(district, export(zhili, tmp_path / "1.zip"))
    with opened(zhili) as sv:
        uuid = _first_consultation(sv).uuid
    _retitle(zhili, uuid, "修改后的议题：村口停车难")
    report = import_(district, export(zhili, tmp_path / "2.zip"))
    assert report.counts["updated"] == 1 and report.counts["conflicts"] == 0
    assert _row(district, uuid)[1] == "修改后的议题：村口停车难"
    with opened(district) as sv:  # the search index follows the merge (session events)
        assert sv.search.everywhere("村口停车难").total == 1
    # Changed at the district since: undoing the import would lose that, so it is refused.
    _retitle(district, uuid, "区政协又改了")
    before = table_dump(district)
    with opened(district) as sv, pytest.raises(UndoRefused, match="导入后又修改过"):
        sv.records.undo_last()
    assert table_dump(district) == before


def test_the_same_record_edited_at_both_ends_is_a_conflict_never_overwritten_silently(
    zhili: Path, tmp_path: Path, district: Path
) -> None:
    import_(district, export(zhili, tmp_path / "1.zip"))
    with opened(zhili) as sv:
        uuid = _first_consultation(sv).uuid
    _retitle(zhili, uuid, "联络组改的议题")
    _retitle(district, uuid, "区政协改的议题")
    package = export(zhili, tmp_path / "2.zip")
    report = import_(district, package)
    assert report.counts["conflicts"] == 1 and report.counts["updated"] == 0
    assert report.conflicts[0].uuid == uuid
    assert report.conflicts[0].ours["title"] == "区政协改的议题"
    assert report.conflicts[0].theirs["title"] == "联络组改的议题"
    assert _row(district, uuid)[1] == "区政协改的议题"
    # Asked for: theirs.
    report = import_(district, package, theirs=True)
    assert report.counts["updated"] == 1
    assert _row(district, uuid)[1] == "联络组改的议题"


def test_a_number_in_use_by_another_record_is_a_conflict_not_an_error(
    zhili: Path, tmp_path: Path, district: Path
) -> None:
    import_(district, export(zhili, tmp_path / "1.zip"))
    with opened(zhili) as sv:
        taken = _first_consultation(sv).number
    # Another database of the same group numbers a different record with that number.
    other = tmp_path / "other" / "other.sqlite"
    other.parent.mkdir()
    with opened(other) as sv:
        from liaison_desk.domain.entities import LiaisonGroup

        g = sv.groups.save(LiaisonGroup(name=ZHILI, town="织里镇"))
        c = sv.consultations.new(ConsultationKind.MICRO, g.id)
        c.title, c.venue, c.held_on = "另一场微协商", "织里镇协商驿站", date(2024, 3, 1)
        saved = sv.consultations.save(c)
    conn = sqlite3.connect(other)
    conn.execute("UPDATE consultations SET number = ? WHERE id = ?", (taken, saved.id))
    conn.commit()
    conn.close()
    report = import_(district, export(other, tmp_path / "2.zip"))
    clash = [x for x in report.conflicts if taken in x.reason]
    assert clash and not clash[0].resolvable
    assert _row(district, saved.uuid) == ()


def test_a_record_deleted_at_the_township_is_deleted_at_the_district(
    zhili: Path, tmp_path: Path, district: Path
) -> None:
    import_(district, export(zhili, tmp_path / "1.zip"))
    with opened(zhili) as sv:
        c = _first_consultation(sv)
        sv.recycle_bin.delete("consultation", c.id)
    report = import_(district, export(zhili, tmp_path / "2.zip"))
    assert report.counts["updated"] == 1
    assert _row(district, c.uuid)[2] is not None  # in the district's recycle bin
    with opened(district) as sv:
        after = figures(sv.statistics.year(DEMO_YEAR))
    with opened(zhili) as sv:
        assert figures(sv.statistics.year(DEMO_YEAR)) == after
        sv.recycle_bin.purge("consultation", c.id)
    report = import_(district, export(zhili, tmp_path / "3.zip"))
    assert report.counts["deleted"] == 1
    assert _row(district, c.uuid) == ()


def test_undo_puts_the_records_back_exactly_as_before_the_import(
    zhili: Path, tmp_path: Path, district: Path
) -> None:
    district.parent.mkdir()
    with opened(district):
        pass
    empty = records_dump(district)
    import_(district, export(zhili, tmp_path / "1.zip"))
    with opened(district) as sv:
        sv.records.undo_last()
    assert records_dump(district) == empty

    import_(district, tmp_path / "1.zip")
    with opened(zhili) as sv:
        first = _first_consultation(sv)
        sv.recycle_bin.delete("consultation", first.id)
        sv.recycle_bin.purge("consultation", first.id)
        second = _first_consultation(sv)
    _retitle(zhili, second.uuid, "撤销测试：改过的议题")
    before = records_dump(district)
    report = import_(district, export(zhili, tmp_path / "2.zip"))
    assert report.counts["updated"] >= 1 and report.counts["deleted"] == 1
    assert records_dump(district) != before
    with opened(district) as sv:
        entry = sv.records.undo_last()
        assert entry.file_name == "2.zip"
        assert sv.records.log()[0].undone_at is not None
    assert records_dump(district) == before
    with opened(district) as sv, pytest.raises(Exception, match="撤销"):
        sv.records.undo_last()
        sv.records.undo_last()


def test_the_comparison_shows_when_each_group_last_reported(
    zhili: Path, tmp_path: Path, district: Path
) -> None:
    """各组对比's 最近导入: the day of a group's last imported records package, empty for a
    group that has sent none, and empty again once that import is undone."""
    from liaison_desk.domain.periods import ReportPeriod

    district.parent.mkdir()
    day = datetime(2025, 1, 6, 9, 0)
    with opened(district):
        pass
    with opened(district, FixedClock(day)) as sv:
        sv.records.import_package(export(zhili, tmp_path / "1.zip"))
        shown = {
            r.name: r.value("last_import")
            for r in sv.reports.group_comparison(ReportPeriod(DEMO_YEAR)).rows
        }
        assert shown == {ZHILI: day.date()}
        assert "last_import" in [
            c.key for c in sv.reports.group_comparison(ReportPeriod(DEMO_YEAR)).columns
        ]
        sv.records.undo_last()
        rows = sv.reports.group_comparison(ReportPeriod(DEMO_YEAR)).rows
        assert [r.value("last_import") for r in rows] == [None] * len(rows)


def test_a_dry_run_writes_nothing(zhili: Path, tmp_path: Path, district: Path) -> None:
    district.parent.mkdir()
    with opened(district):
        pass
    before = table_dump(district)
    report = import_(district, export(zhili, tmp_path / "1.zip"), dry_run=True)
    assert report.dry_run and report.counts["new"] > 0
    assert table_dump(district) == before


# --- refused packages ---------------------------------------------------------------------------


def _rezip(package: Path, out: Path, change: Any) -> Path:
    with zipfile.ZipFile(package) as src, zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            data = src.read(info.filename)
            dst.writestr(info, change(info.filename, data))
    return out


def _refused(district: Path, package: Path, words: str) -> None:
    district.parent.mkdir(exist_ok=True)
    with opened(district):
        pass
    before = table_dump(district)
    with pytest.raises(ImportRefused, match=words):
        import_(district, package)
    assert table_dump(district) == before


def test_a_tampered_package_is_refused_with_nothing_written(
    zhili: Path, tmp_path: Path, district: Path
) -> None:
    package = export(zhili, tmp_path / "1.zip")

    def tamper(name: str, data: bytes) -> bytes:
        if name.endswith("data/package.json"):
            return data.replace("织里".encode(), "埭溪".encode(), 1)
        return data

    _refused(district, _rezip(package, tmp_path / "tampered.zip", tamper), "没有通过校验")


def test_a_package_from_a_newer_format_is_refused_with_nothing_written(
    zhili: Path, tmp_path: Path, district: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from liaison_desk.documents import records_package

    monkeypatch.setattr(records_package, "RECORDS_FORMAT_VERSION", 2)
    package = export(zhili, tmp_path / "newer.zip")
    monkeypatch.undo()
    _refused(district, package, "升级软件")


def test_a_case_package_whose_package_json_disagrees_with_its_files_is_refused(
    tmp_path: Path, district: Path
) -> None:
    from liaison_desk.documents.package import (
        FORMAT_NAME,
        PayloadFile,
        write_json,
        write_package,
        write_text,
    )

    doc = {
        "format": FORMAT_NAME,
        "format_version": 1,
        "files": {"说明": "说明.txt", "汇编": "案例汇编.pdf"},  # the PDF is not in the package
        "cases": [],
        "consultations": [],
        "counts": {"cases": 1, "consultations": 0, "outcome_items": 0, "photos": 0},
    }
    written = write_package(
        "吴兴区政协-织里镇联络组-2024-协商案例报送-20250110",
        {"Source-Organization": "织里镇联络组"},
        [
            PayloadFile("说明.txt", write_text("说明")),
            PayloadFile("package.json", write_json(doc)),
        ],
        tmp_path / "case.zip",
    )
    _refused(district, written.path, "没有通过校验")


def test_a_case_package_without_cases_is_refused_with_a_clear_message(
    tmp_path: Path, district: Path
) -> None:
    from liaison_desk.documents.package import (
        FORMAT_NAME,
        PayloadFile,
        write_json,
        write_package,
        write_text,
    )

    doc = {
        "format": FORMAT_NAME,
        "format_version": 1,
        "files": {"说明": "说明.txt"},
        "cases": [],
        "consultations": [],
        "counts": {"cases": 0, "consultations": 0, "outcome_items": 0, "photos": 0},
    }
    written = write_package(
        "织里镇联络组-协商案例报送",
        {"Source-Organization": "织里镇联络组"},
        [PayloadFile("说明.txt", write_text("说明")), PayloadFile("package.json", write_json(doc))],
        tmp_path / "case.zip",
    )
    _refused(district, written.path, "协商案例报送包里没有案例")


# --- the single-group demo ---------------------------------------------------------------------


def test_the_single_group_demo_is_its_share_of_the_district_demo(
    demo_master: Path, tmp_path: Path
) -> None:
    from liaison_desk.demo import build_group_demo

    db_file = tmp_path / "织里.sqlite"
    with opened(db_file) as sv:
        summary = build_group_demo(sv, ZHILI)
        assert summary.groups == 1
        mine = _consultations(sv)
        assert sv.settings.own_group() is not None
    with opened(demo_master) as sv:
        share = {k: v for k, v in _consultations(sv).items() if v[0] == ZHILI}
    assert mine == share
    assert summary.hall_sessions == sum(v[1] == "hall" for v in share.values())
    with pytest.raises(ValueError, match="示例数据里没有"), opened(tmp_path / "x.sqlite") as sv:
        build_group_demo(sv, "不存在联络组")


def _consultations(sv: Services) -> dict[str, tuple[str, str, str, tuple[str, ...]]]:
    from liaison_desk.domain.queries import ConsultationFilter, PageRequest

    out = {}
    for s in sv.consultations.search(ConsultationFilter(), PageRequest()).items:
        c = sv.consultations.get(s.id)
        assert c is not None
        out[s.number] = (
            s.group_name,
            c.kind.value,
            c.title,
            tuple(i.status.value for i in c.outcome_items),
        )
    return out
