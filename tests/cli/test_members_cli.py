"""liaison-desk member-record / ranking from a terminal: the files, the Chinese messages and the
exit codes (0 done, 1 a problem the user can fix and nothing written, 2 wrong usage)."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import load_workbook

from liaison_desk.cli import EXIT_OK, EXIT_PROBLEM, EXIT_USAGE, main
from liaison_desk.domain.entities import Person
from liaison_desk.domain.enums import ParticipantCategory
from liaison_desk.services import ServiceContext, Services
from liaison_desk.storage.attachments import AttachmentStore
from liaison_desk.storage.database import Database


def top_member(db: Path) -> tuple[str, str, int]:
    """(name, group, points) of the 2024 ranking's first member."""
    database = Database.open(f"sqlite:///{db}")
    try:
        services = Services(ServiceContext(database, AttachmentStore.beside_database(db)))
        top = services.members.ranking(2024).rows[0]
        return top.record.person.name, top.group_name, top.record.points
    finally:
        database.close()


def add_namesake(db: Path, name: str, group: str) -> None:
    database = Database.open(f"sqlite:///{db}")
    try:
        services = Services(ServiceContext(database, AttachmentStore.beside_database(db)))
        found = services.ledger.group_named(group)
        assert found is not None
        services.people.save(
            Person(name=name, category=ParticipantCategory.MEMBER, group_id=found.id, unit="某单位")
        )
    finally:
        database.close()


def test_member_record_and_namesakes(
    demo_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    name, group, points = top_member(demo_db)
    out = tmp_path / "档案.pdf"
    args = ["member-record", "--person", name, "--year", "2024", "--db", str(demo_db)]
    assert main([*args, "--pdf", str(out)]) == EXIT_OK
    said = capsys.readouterr().out
    assert f"已生成{name}委员2024年度履职档案：履职积分 {points} 分" in said
    assert out.read_bytes().startswith(b"%PDF")
    # Not overwritten without --overwrite.
    assert main([*args, "--pdf", str(out)]) == EXIT_PROBLEM
    assert "已经存在，不会覆盖" in capsys.readouterr().err

    # Two members of that name: both listed with their groups, and --group chooses.
    other = "康山街道联络组" if group != "康山街道联络组" else "织里镇联络组"
    add_namesake(demo_db, name, other)
    second = tmp_path / "档案2.pdf"
    assert main([*args, "--pdf", str(second)]) == EXIT_PROBLEM
    err = capsys.readouterr().err
    assert f"名册中有 2 位政协委员叫「{name}」" in err
    assert group in err and other in err and "--group" in err
    assert not second.exists()
    assert main([*args, "--group", other, "--pdf", str(second)]) == EXIT_OK
    assert f"已生成{name}委员2024年度履职档案：履职积分 0 分" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--person", "无此人"], "人员名册中没有政协委员「无此人」"),
        (["--person", "无此人", "--group", "无此镇联络组"], "没有联络组「无此镇联络组」"),
    ],
)
def test_member_record_problems_are_explained(
    demo_db: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    args: list[str],
    message: str,
) -> None:
    out = tmp_path / "x.pdf"
    command = ["member-record", *args, "--year", "2024", "--pdf", str(out), "--db", str(demo_db)]
    assert main(command) == EXIT_PROBLEM
    assert message in capsys.readouterr().err
    assert not out.exists()


def test_ranking(demo_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    name, group, points = top_member(demo_db)
    out = tmp_path / "排名.xlsx"
    assert main(["ranking", "--year", "2024", "--out", str(out), "--db", str(demo_db)]) == EXIT_OK
    said = capsys.readouterr().out
    assert f"第一名 {name}（{group}），{points} 分" in said
    first = next(load_workbook(out)["排名"].iter_rows(min_row=4, values_only=True))
    assert first[:3] == (1, name, group) and first[-1] == points

    one = tmp_path / "一组.xlsx"
    command = ["ranking", "--year", "2024", "--group", group, "--out", str(one)]
    assert main([*command, "--db", str(demo_db)]) == EXIT_OK
    assert f"已生成{group}2024年度政协委员履职积分排名" in capsys.readouterr().out
    groups = {r[2] for r in load_workbook(one)["排名"].iter_rows(min_row=4, values_only=True)}
    assert groups == {group}


def test_ranking_wrong_file_and_usage(
    demo_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "排名.pdf"
    assert main(["ranking", "--year", "2024", "--out", str(bad), "--db", str(demo_db)]) == (
        EXIT_PROBLEM
    )
    assert "应以 .xlsx 结尾" in capsys.readouterr().err
    with pytest.raises(SystemExit) as exit_:
        main(["ranking", "--out", str(tmp_path / "x.xlsx")])
    assert exit_.value.code == EXIT_USAGE
    missing = tmp_path / "无.sqlite"
    out = tmp_path / "x.xlsx"
    assert main(["ranking", "--year", "2024", "--out", str(out), "--db", str(missing)]) == (
        EXIT_PROBLEM
    )
    assert "不存在" in capsys.readouterr().err
    assert not out.exists()
