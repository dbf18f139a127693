"""The health check finds missing, damaged and stray attachment files, broken numbers and totals
that disagree with their details, on a small database built through the services."""

from __future__ import annotations

import io
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

import pytest
from PIL import Image
from sqlalchemy import text

from liaison_desk.domain.entities import (
    Case,
    CasePhoto,
    HeadCount,
    LiaisonGroup,
    OutcomeItem,
    Participant,
    Person,
)
from liaison_desk.domain.enums import (
    CaseStatus,
    ConsultationKind,
    OutcomeStatus,
    ParticipantCategory,
)
from liaison_desk.progress import Cancelled
from liaison_desk.services import ServiceContext, Services
from liaison_desk.storage.attachments import AttachmentStore
from liaison_desk.storage.database import Database, head_revision
from liaison_desk.storage.integrity import HealthReport, check_database
from progress_fakes import FakeProgress


def make_photo(colour: tuple[int, int, int]) -> bytes:
    buf = io.BytesIO()
    Image.new("RGB", (40, 30), colour).save(buf, "JPEG")
    return buf.getvalue()


@dataclass
class Sample:
    db_file: Path
    db: Database
    store: AttachmentStore
    services: Services
    hall_id: int
    hall_number: str
    photos: dict[str, str]  # sha256 -> original name


def build_sample(db_file: Path) -> Sample:
    db = Database.open(f"sqlite:///{db_file}")
    store = AttachmentStore.beside_database(db_file)
    sv = Services(ServiceContext(db, store, clock=lambda: datetime(2024, 6, 1, 9, 30)))
    g = sv.groups.save(
        LiaisonGroup(name="织里镇联络组", town="织里镇", fonds_code="J012", org_code="ZL")
    )
    sv.people.save(Person(name="李委员", category=ParticipantCategory.MEMBER, group_id=g.id))
    sv.people.save(Person(name="张三", category=ParticipantCategory.RESIDENT, group_id=g.id))

    c = sv.consultations.new(ConsultationKind.HALL, g.id)
    c.title, c.venue, c.held_on = "老旧小区加装电梯", "织里镇民生议事堂", date(2024, 3, 5)
    c.participants = [
        Participant(name="张三", category=ParticipantCategory.RESIDENT),
        Participant(name="李委员", category=ParticipantCategory.MEMBER),
    ]
    c.head_counts = [HeadCount(category=ParticipantCategory.RESIDENT, count=12)]
    c.outcome_items = [
        OutcomeItem(content="增设路灯", status=OutcomeStatus.SOLVED, resolved_on=date(2024, 4, 1)),
        OutcomeItem(content="修缮道路", deadline=date(2024, 5, 1)),
        OutcomeItem(content="增加停车位"),
    ]
    hall = sv.consultations.save(c)
    assert hall.id is not None
    # One item goes to the recycle bin: totals must leave it out, the check must agree.
    last = hall.outcome_items[2].id
    assert last is not None
    sv.recycle_bin.delete("outcome_item", last)

    m = sv.consultations.new(ConsultationKind.MICRO, g.id)
    m.title, m.venue, m.held_on = "菜场门口停车难", "东港社区", date(2024, 4, 10)
    m.outcome_items = [OutcomeItem(content="划定临时停车位")]
    sv.consultations.save(m)

    photos: dict[str, str] = {}
    for colour, name in (((200, 30, 30), "会场全景.jpg"), ((30, 200, 30), "签到表.jpg")):
        att = sv.attachments.add(make_photo(colour), name, consultation_id=hall.id)
        photos[att.sha256] = name
    case = sv.cases.save(
        Case(group_id=g.id, year=2024, title="加装电梯惠民生", status=CaseStatus.FINAL)
    )
    assert case.id is not None
    cover = sv.attachments.add(make_photo((30, 30, 200)), "案例封面.jpg", case_id=case.id)
    photos[cover.sha256] = "案例封面.jpg"
    assert cover.id is not None
    # Adding the photo gave the case a new revision: continue from the stored one.
    case = sv.cases.get(case.id)
    assert case is not None
    case.photos = [CasePhoto(attachment_id=cover.id, caption="协商现场")]
    sv.cases.save(case)
    return Sample(db_file, db, store, sv, hall.id, hall.number, photos)


@pytest.fixture
def sample(tmp_path: Path) -> Iterator[Sample]:
    s = build_sample(tmp_path / "数据" / "档案.sqlite")
    yield s
    s.db.close()


def check(sample: Sample) -> HealthReport:
    return check_database(sample.db, sample.store)


def name_of(sample: Sample, original: str) -> str:
    return next(sha for sha, name in sample.photos.items() if name == original)


def test_healthy_database_passes(sample: Sample) -> None:
    report = check(sample)
    assert report.problems == []
    assert report.warnings == []
    assert report.healthy
    assert report.revision == head_revision()
    assert report.counts["group"] == 1
    assert report.counts["person"] == 2
    assert report.counts["consultation"] == 2
    assert report.counts["outcome_item"] == 4  # recycle bin included
    assert report.counts["attachment"] == 3
    assert report.counts["case"] == 1
    assert report.counts["attachment_files"] == 3
    rendered = report.render()
    assert "检查通过，数据库健康。" in rendered
    assert str(sample.db_file) in rendered
    for label in ("联络组", "人员", "协商活动", "意见建议", "附件", "协商案例", "报送记录"):
        assert label in rendered
    assert "（最新）" in rendered


def test_missing_file_is_a_problem_naming_the_file_and_record(sample: Sample) -> None:
    sample.store.path_of(name_of(sample, "会场全景.jpg")).unlink()
    report = check(sample)
    assert not report.healthy
    assert len(report.problems) == 1
    problem = report.problems[0]
    assert "缺失" in problem
    assert "会场全景.jpg" in problem
    assert sample.hall_number in problem
    assert "备份" in problem  # says what to do
    assert report.counts["attachment_files"] == 2
    assert "发现 1 个问题" in report.render()


def test_whole_store_missing_is_one_problem(sample: Sample) -> None:
    sample.store.root.rename(sample.store.root.with_name("别处"))
    report = check(sample)
    assert len(report.problems) == 1
    assert "找不到附件文件夹" in report.problems[0]
    assert "3 个附件文件" in report.problems[0]


def test_corrupt_file_is_a_problem(sample: Sample) -> None:
    path = sample.store.path_of(name_of(sample, "案例封面.jpg"))
    path.write_bytes(b"\x00" * path.stat().st_size)
    report = check(sample)
    assert not report.healthy
    assert len(report.problems) == 1
    assert "损坏" in report.problems[0]
    assert "案例封面.jpg" in report.problems[0]
    assert "加装电梯惠民生" in report.problems[0]


def test_unreferenced_file_is_only_a_warning(sample: Sample) -> None:
    sample.store.add_file(b"nobody refers to this", "stray.bin")
    report = check(sample)
    assert report.healthy
    assert len(report.warnings) == 1
    assert "1 个文件" in report.warnings[0]
    assert "没有被任何记录使用" in report.warnings[0]
    assert report.counts["attachment_files"] == 4
    rendered = report.render()
    assert "检查通过" in rendered
    assert "提示" in rendered


def test_tampered_total_is_a_problem(sample: Sample) -> None:
    with sample.db.engine.begin() as conn:
        conn.execute(
            text("UPDATE consultations SET suggestion_count = 99 WHERE id = :id"),
            {"id": sample.hall_id},
        )
    report = check(sample)
    assert not report.healthy
    assert len(report.problems) == 1
    problem = report.problems[0]
    assert sample.hall_number in problem
    assert "意见建议数记为 99，按明细应为 2" in problem
    assert "保存一次" in problem


def test_saving_again_repairs_the_total(sample: Sample) -> None:
    with sample.db.engine.begin() as conn:
        conn.execute(
            text("UPDATE consultations SET solved_count = 5 WHERE id = :id"),
            {"id": sample.hall_id},
        )
    assert not check(sample).healthy
    c = sample.services.consultations.get(sample.hall_id)
    assert c is not None
    sample.services.consultations.save(c)
    assert check(sample).healthy


def test_malformed_number_is_a_problem(sample: Sample) -> None:
    with sample.db.engine.begin() as conn:
        conn.execute(
            text("UPDATE consultations SET number = '随便写的' WHERE id = :id"),
            {"id": sample.hall_id},
        )
    report = check(sample)
    # Changed behind the app's back, the number is also no longer what the search index holds.
    assert len(report.problems) == 2
    assert "随便写的" in report.problems[0]
    assert "格式不正确" in report.problems[0]
    assert "搜索索引" in report.problems[1]


def test_older_revision_is_a_problem(sample: Sample) -> None:
    with sample.db.engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '0001'"))
    report = check(sample)
    assert report.revision == "0001"
    assert len(report.problems) == 1
    assert "重新打开程序" in report.problems[0]


def test_broken_foreign_key_is_a_problem(sample: Sample) -> None:
    # Another program, without foreign keys switched on, breaks the reference.
    conn = sqlite3.connect(sample.db_file)
    with conn:
        conn.execute("UPDATE people SET group_id = 999")
    conn.close()
    report = check(sample)
    assert any("people" in p and "liaison_groups" in p for p in report.problems)


def test_without_store_attachments_are_not_checked(sample: Sample) -> None:
    report = check_database(sample.db, None)
    assert report.healthy
    assert "attachment_files" not in report.counts
    assert len(report.warnings) == 1


def test_check_can_be_cancelled(sample: Sample) -> None:
    progress = FakeProgress(cancel_at=1)
    with pytest.raises(Cancelled):
        check_database(sample.db, sample.store, progress)
    assert progress.steps == [(1, 3)]


def _damage(sample: Sample, sql: str) -> None:
    """What another program does to the file (foreign keys off; a plain connection, since the
    app's own begin a transaction first, inside which the pragma does nothing)."""
    conn = sqlite3.connect(sample.db_file)
    try:
        conn.execute("PRAGMA foreign_keys=OFF")
        with conn:
            conn.execute(sql)
    finally:
        conn.close()


def test_a_dangling_reference_is_named_in_the_users_words(sample: Sample) -> None:
    _damage(sample, "UPDATE outcome_items SET consultation_id = 9999 WHERE id = 1")
    problems = check(sample).problems
    assert any("有 1 条意见建议指向不存在的协商活动" in p for p in problems), problems


def test_text_that_only_damage_leaves_is_a_finding_not_a_crash(sample: Sample) -> None:
    with sample.db.engine.begin() as conn:
        conn.exec_driver_sql("UPDATE consultations SET title = CAST(x'e4b8ffa9' AS TEXT)")
    report = check(sample)
    assert any("无法读取的数据" in p and "已损坏" in p for p in report.problems), report.problems


def test_a_table_dropped_by_another_program_is_found(sample: Sample) -> None:
    _damage(sample, "DROP TABLE speeches")
    report = check(sample)
    assert any("缺少本程序需要的内容" in p and "speeches" in p for p in report.problems)


def test_a_full_disk_during_the_check_is_not_called_damage(
    sample: Sample, monkeypatch: pytest.MonkeyPatch
) -> None:
    import sqlite3

    from sqlalchemy import event
    from sqlalchemy.exc import OperationalError

    from liaison_desk.storage import database

    def fail(conn: object, cursor: object, statement: str, *args: object) -> None:
        if "integrity_check" in statement:
            orig = sqlite3.OperationalError("disk I/O error")
            orig.sqlite_errorcode = 10 | (3 << 8)  # type: ignore[attr-defined]
            raise OperationalError(statement, {}, orig)

    monkeypatch.setattr(database, "free_space", lambda _path: 0)
    event.listen(sample.db.engine, "before_cursor_execute", fail)
    report = check(sample)
    event.remove(sample.db.engine, "before_cursor_execute", fail)
    assert any("磁盘空间不足" in p for p in report.problems), report.problems
    assert not any("请从" in p or "可能已损坏" in p for p in report.problems), report.problems
