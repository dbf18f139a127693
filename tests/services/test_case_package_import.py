"""Case packages (协商案例报送包) imported at the district (issue 17, item 2): ``liaison-desk
import`` and 导入报送包… take a township's case package as well as its records package. The
cases arrive with their photos and linked consultations, merged by UUID and revision like a
records package (re-import changes nothing, undo puts everything back, one case for a case and
a records package of the same group), masked as the package was, and the district can send
them on in its own case package. Bad packages are refused with nothing written.

One township (织里) and one case keep these fast: the single-group database is the session's
demo reduced to that group, as ``liaison-desk demo --group`` builds it."""

from __future__ import annotations

import json
import sqlite3
import uuid as uuid_module
import zipfile
from pathlib import Path
from typing import Any

import pytest
from test_records_exchange import (
    DEMO_YEAR,
    ZHILI,
    export,
    figures,
    group_db,
    group_id,
    import_,
    opened,
    records_dump,
)

from helpers import table_dump
from liaison_desk.domain.enums import CaseStatus, ParticipantCategory
from liaison_desk.services import Services
from liaison_desk.services.records import ImportRefused

TARGET = "区政协协商案例征集"


@pytest.fixture
def zhili(demo_master: Path, tmp_path: Path) -> Path:
    return group_db(demo_master, tmp_path, ZHILI)


@pytest.fixture
def district(tmp_path: Path) -> Path:
    folder = tmp_path / "区政协"
    folder.mkdir()
    return folder / "区政协.sqlite"


def chosen_case(sv: Services) -> Any:
    """A finished case of the township with photos and linked consultations."""
    cases = [
        c
        for c in sv.cases.in_statuses({CaseStatus.FINAL, CaseStatus.SUBMITTED, CaseStatus.SELECTED})
        if c.photos and c.consultation_ids and not c.is_deleted
    ]
    assert cases, "the demo's 织里 has a finished case with photos"
    return sorted(cases, key=lambda c: c.archive_number)[0]


def case_package(db_file: Path, out_dir: Path, name: str = "案例") -> tuple[Path, str]:
    """The township's case package of one case (as 导出报送包… writes it), and the case's UUID."""
    out_dir = out_dir / name
    out_dir.mkdir()
    with opened(db_file) as sv:
        case = chosen_case(sv)
        assert case.id is not None
        return sv.packages.export([case.id], TARGET, out_dir).path, case.uuid


def package_json(package: Path) -> dict[str, Any]:
    with zipfile.ZipFile(package) as zf:
        name = next(n for n in zf.namelist() if n.endswith("data/package.json"))
        return json.loads(zf.read(name))  # type: ignore[no-any-return]


def uuids(sv: Services, consultation_ids: list[int]) -> list[tuple[str, int]]:
    """The consultations' UUIDs and outcome items (not in the recycle bin)."""
    out = []
    for cid in consultation_ids:
        c = sv.consultations.get(cid)
        assert c is not None
        out.append((c.uuid, len([i for i in c.outcome_items if not i.is_deleted])))
    return out


def consented(sv: Services, person_id: int | None) -> bool:
    person = sv.people.get(person_id) if person_id is not None else None
    return person is not None and person.consent_to_publish


def sql(db_file: Path, query: str, *args: object) -> list[tuple[Any, ...]]:
    conn = sqlite3.connect(db_file)
    try:
        return conn.execute(query, args).fetchall()
    finally:
        conn.close()


# --- importing a case package ---------------------------------------------------------------------


def test_a_case_package_imports_with_its_photos_reimports_as_nothing_and_undoes_exactly(
    zhili: Path, district: Path, tmp_path: Path, qapp: object
) -> None:
    package, case_uuid = case_package(zhili, tmp_path)
    with opened(district):  # the district's database, empty
        pass
    empty = records_dump(district)

    report = import_(district, package)
    assert report.kind == "cases" and report.log_id is not None
    assert report.counts["new"] > 0 and report.counts["conflicts"] == 0
    text = report.render()
    assert "案例报送包" in text and "个人信息已隐藏" in text

    with opened(zhili) as mine, opened(district) as theirs:
        ours = chosen_case(mine)
        imported = [c for c in theirs.cases.in_statuses(set(CaseStatus)) if c.uuid == case_uuid]
        assert len(imported) == 1
        case = imported[0]
        assert case.title == ours.title and case.archive_number == ours.archive_number
        assert case.sections and set(case.sections) == set(ours.sections)
        # Its photos: attachments whose files are in the district's store, in the case's order.
        assert len(case.photos) == len(ours.photos)
        files = theirs.cases.photo_files(case)
        assert [caption for _, caption in files] == [c for _, c in mine.cases.photo_files(ours)]
        assert all(theirs.attachments.exists(sha) for sha, _ in files)
        # Its consultations and their outcome items, by UUID.
        assert uuids(theirs, case.consultation_ids) == uuids(mine, ours.consultation_ids)
        assert case.consultation_ids
        [entry] = theirs.records.log()
        assert entry.kind == "cases" and entry.masked is True and entry.sender == ZHILI

    # The same package again changes nothing, not even the import log.
    before = table_dump(district)
    again = import_(district, package)
    assert again.counts["new"] == again.counts["updated"] == 0 and again.log_id is None
    assert table_dump(district) == before

    # Undo puts the records back exactly as they were before the import.
    with opened(district) as sv:
        undone = sv.records.undo_last()
    assert undone.kind == "cases"
    assert records_dump(district) == empty


def test_a_case_and_a_records_package_of_one_group_give_one_case_in_either_order(
    zhili: Path, district: Path, tmp_path: Path, qapp: object
) -> None:
    package, case_uuid = case_package(zhili, tmp_path)
    records = export(zhili, tmp_path / "织里-记录.zip")
    with opened(zhili) as sv:
        own = figures(sv.statistics.year(DEMO_YEAR, group_id(sv, ZHILI)))
        own_cases = len(sv.cases.in_statuses(set(CaseStatus)))

    # The case package first: the records package completes what it brought (counted as
    # updates, not as new records, and no conflict).
    import_(district, package)
    report = import_(district, records)
    assert report.counts["conflicts"] == 0 and report.counts["updated"] > 0
    assert sql(district, "SELECT count(*) FROM cases WHERE uuid = ?", case_uuid) == [(1,)]
    # The whole records, not the package's masked copies: the participants as the township has
    # them, named and linked to its roster.
    participants = "SELECT name, category, person_id IS NULL FROM participants ORDER BY 1, 2, 3"
    assert sql(district, participants) == sql(zhili, participants)
    with opened(district) as sv:
        assert len(sv.cases.in_statuses(set(CaseStatus))) == own_cases
        # Participants, head counts and items as the township has them: the same figures.
        assert figures(sv.statistics.year(DEMO_YEAR, group_id(sv, ZHILI))) == own
    # ... and the case package again changes nothing.
    assert import_(district, package).log_id is None

    # The records package first: the case package then brings nothing new.
    other = district.parent / "另一个.sqlite"
    import_(other, records)
    before = table_dump(other)
    late = import_(other, package)
    assert late.counts["new"] == late.counts["updated"] == late.counts["conflicts"] == 0
    assert table_dump(other) == before


def test_what_was_masked_in_the_package_stays_masked_at_the_district(
    zhili: Path, district: Path, tmp_path: Path, qapp: object
) -> None:
    package, _ = case_package(zhili, tmp_path)
    doc = package_json(package)
    assert doc["masked"] is True
    import_(district, package)
    with opened(zhili) as mine:
        case = chosen_case(mine)
        linked = [mine.consultations.get(cid) for cid in case.consultation_ids]
        residents = {
            p.name
            for c in linked
            if c is not None
            for p in c.participants
            if p.category.is_resident and len(p.name) > 1 and not consented(mine, p.person_id)
        }
    district_names = {r[0] for r in sql(district, "SELECT name FROM participants") if r[0]} | {
        r[0] for r in sql(district, "SELECT speaker FROM speeches")
    }
    assert residents, "the case's consultations have residents among their participants"
    assert not residents & district_names
    # Categories kept as codes, so the counts work as at the township.
    categories = {r[0] for r in sql(district, "SELECT category FROM participants")}
    assert categories <= {c.value for c in ParticipantCategory}
    # The log and the audit trail say the package was masked.
    summaries = [r[0] for r in sql(district, "SELECT summary FROM audit_entries")]
    assert any("案例报送包" in s and "个人信息已隐藏" in s for s in summaries)


def test_the_district_sends_an_imported_case_on_in_its_own_package(
    zhili: Path, district: Path, tmp_path: Path, qapp: object
) -> None:
    package, case_uuid = case_package(zhili, tmp_path)
    import_(district, package)
    with opened(district) as sv:
        [case] = [c for c in sv.cases.in_statuses(set(CaseStatus)) if c.uuid == case_uuid]
        assert case.id is not None
        out = tmp_path / "区里"
        out.mkdir()
        result = sv.packages.export([case.id], "市政协优秀协商案例征集", out, sender="吴兴区政协")
        check = sv.packages.verify(result.path)
        assert check.report.ok, check.render()
    onward = package_json(result.path)
    assert [c["uuid"] for c in onward["cases"]] == [case_uuid]
    assert onward["cases"][0]["photos"] and onward["consultations"]


def test_an_older_case_package_without_stored_fields_imports_what_it_shows(
    zhili: Path, district: Path, tmp_path: Path, qapp: object, monkeypatch: pytest.MonkeyPatch
) -> None:
    from liaison_desk.documents import package_writer

    for name in ("_case_record", "_photo_record", "_consultation_record", "_item_record"):
        monkeypatch.setattr(package_writer, name, lambda *args: None)
    package, case_uuid = case_package(zhili, tmp_path)
    monkeypatch.undo()
    assert package_json(package)["cases"][0]["record"] is None
    report = import_(district, package)
    assert report.counts["new"] > 0 and "较早版本" in report.render()
    with opened(district) as sv:
        [case] = [c for c in sv.cases.in_statuses(set(CaseStatus)) if c.uuid == case_uuid]
        assert case.photos and case.consultation_ids
    assert import_(district, package).log_id is None


# --- refused packages ----------------------------------------------------------------------------


def refused(district: Path, package: Path, words: str) -> None:
    with opened(district):
        pass
    before = table_dump(district)
    backups = sorted(p.name for p in district.parent.rglob("*") if p != district)
    with pytest.raises(ImportRefused, match=words):
        import_(district, package)
    assert table_dump(district) == before
    assert sorted(p.name for p in district.parent.rglob("*") if p != district) == backups


def test_a_tampered_case_package_is_refused_with_nothing_written(
    zhili: Path, district: Path, tmp_path: Path, qapp: object
) -> None:
    package, _ = case_package(zhili, tmp_path)
    tampered = tmp_path / "改过.zip"
    with zipfile.ZipFile(package) as src, zipfile.ZipFile(tampered, "w") as dst:
        for info in src.infolist():
            data = src.read(info.filename)
            if "/照片/" in info.filename:
                data = data[:-2] + b"\x00\xd9"
            dst.writestr(info, data)
    refused(district, tampered, "没有通过校验")

    # A bag whose checksums are right but whose package.json disagrees with its files: a photo
    # it no longer lists (counts adjusted), re-bagged so only that is wrong.
    import bagit

    folder = tmp_path / "重新打包"
    with zipfile.ZipFile(package) as zf:
        zf.extractall(folder)
    [bag_dir] = list(folder.iterdir())
    doc_file = bag_dir / "data" / "package.json"
    doc = json.loads(doc_file.read_text(encoding="utf-8"))
    doc["cases"][0]["photos"].pop()
    doc["counts"]["photos"] -= 1
    doc_file.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    bagit.Bag(str(bag_dir)).save(manifests=True)
    disagreeing = tmp_path / "不一致.zip"
    with zipfile.ZipFile(disagreeing, "w") as zf:
        for file in sorted(bag_dir.rglob("*")):
            zf.write(file, file.relative_to(folder).as_posix())
    refused(district, disagreeing, "来历不明")


def test_a_case_package_from_a_newer_format_is_refused_with_nothing_written(
    zhili: Path, district: Path, tmp_path: Path, qapp: object, monkeypatch: pytest.MonkeyPatch
) -> None:
    from liaison_desk.documents import package_writer

    monkeypatch.setattr(package_writer, "FORMAT_VERSION", 2)
    package, _ = case_package(zhili, tmp_path)
    monkeypatch.undo()
    refused(district, package, "升级软件")


def test_the_command_line_imports_a_case_package_and_says_what_it_did(
    zhili: Path,
    district: Path,
    tmp_path: Path,
    qapp: object,
    capsys: pytest.CaptureFixture[str],
) -> None:
    from liaison_desk.cli import EXIT_OK, main

    package, _ = case_package(zhili, tmp_path)
    assert main(["import", "--db", str(district), str(package), "--dry-run"]) == EXIT_OK
    out = capsys.readouterr().out
    assert "试导入" in out and "案例报送包" in out and "新增" in out
    assert sql(district, "SELECT count(*) FROM cases") == [(0,)]

    assert main(["import", "--db", str(district), str(package)]) == EXIT_OK
    out = capsys.readouterr().out
    assert "导入完成" in out and "案例报送包" in out and "个人信息已隐藏" in out
    assert sql(district, "SELECT count(*) FROM cases") == [(1,)]

    assert main(["import", "--undo-last", "--db", str(district)]) == EXIT_OK
    assert "已撤销导入" in capsys.readouterr().out
    assert sql(district, "SELECT count(*) FROM cases") == [(0,)]


def edit_case(db_file: Path, uuid: str, title: str) -> None:
    """An edit of the case (its next revision), as a save would make it."""
    conn = sqlite3.connect(db_file)
    conn.execute(
        "UPDATE cases SET title = ?, revision = revision + 1 WHERE uuid = ?", (title, uuid)
    )
    conn.commit()
    conn.close()


def test_a_newer_case_package_updates_and_edits_at_both_ends_or_a_taken_number_conflict(
    zhili: Path, district: Path, tmp_path: Path, qapp: object
) -> None:
    first, uuid = case_package(zhili, tmp_path, "1")
    import_(district, first)
    title = "SELECT title FROM cases WHERE uuid = ?"

    edit_case(zhili, uuid, "联络组修改后的案例题目")
    report = import_(district, case_package(zhili, tmp_path, "2")[0])
    assert report.counts["updated"] >= 1 and report.counts["conflicts"] == 0
    assert sql(district, title, uuid) == [("联络组修改后的案例题目",)]

    edit_case(zhili, uuid, "联络组又改的题目")
    edit_case(district, uuid, "区政协改的题目")
    report = import_(district, case_package(zhili, tmp_path, "3")[0])
    [conflict] = [c for c in report.conflicts if c.uuid == uuid]
    assert conflict.resolvable and "都修改过" in conflict.reason
    assert sql(district, title, uuid) == [("区政协改的题目",)]

    # Another case of this database holds the package's 档号: a conflict, not an error.
    other = district.parent / "另一个.sqlite"
    import_(other, first)
    conn = sqlite3.connect(other)
    conn.execute("UPDATE cases SET uuid = ? WHERE uuid = ?", (str(uuid_module.uuid4()), uuid))
    conn.commit()
    conn.close()
    report = import_(other, first)
    [clash] = [c for c in report.conflicts if c.uuid == uuid]
    assert not clash.resolvable and "档号" in clash.reason
    assert sql(other, "SELECT count(*) FROM cases") == [(1,)]


def test_a_copy_changed_here_is_a_conflict_when_the_records_package_completes_it(
    zhili: Path, district: Path, tmp_path: Path, qapp: object
) -> None:
    package, _ = case_package(zhili, tmp_path)
    records = export(zhili, tmp_path / "织里-记录.zip")
    import_(district, package)
    [(uuid,)] = sql(district, "SELECT uuid FROM consultations ORDER BY id LIMIT 1")
    [(title,)] = sql(zhili, "SELECT title FROM consultations WHERE uuid = ?", uuid)
    conn = sqlite3.connect(district)
    conn.execute(
        "UPDATE consultations SET title = '区政协改的议题', revision = revision + 1 WHERE uuid = ?",
        (uuid,),
    )
    conn.commit()
    conn.close()
    report = import_(district, records)
    [conflict] = [c for c in report.conflicts if c.uuid == uuid]
    assert conflict.resolvable and "案例报送包" in conflict.reason
    assert sql(district, "SELECT title FROM consultations WHERE uuid = ?", uuid) == [
        ("区政协改的议题",)
    ]
    # Asked for: theirs (the whole record as the township has it).
    import_(district, records, theirs=True)
    assert sql(district, "SELECT title FROM consultations WHERE uuid = ?", uuid) == [(title,)]
