"""A district's database on a shared PostgreSQL server (issue 17, items 4 and 5): moving a
database file onto the server (every record and photo, verified), photos every PC sees, windows
that see each other's changes, and who may change what, enforced by the server itself.

Runs on the throw-away cluster of ``test_postgresql.py`` (skipped where PostgreSQL is missing).
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.exc import DBAPIError
from test_postgresql import pg_url  # noqa: F401  (the throw-away cluster)

from helpers import jpeg
from liaison_desk.cli import main
from liaison_desk.domain.entities import LiaisonGroup, OutcomeItem, Participant, Person
from liaison_desk.domain.enums import ConsultationKind, ParticipantCategory
from liaison_desk.domain.queries import ConsultationFilter
from liaison_desk.services import ServiceContext, Services
from liaison_desk.storage.attachments import AttachmentStore
from liaison_desk.storage.database import Database
from liaison_desk.storage.models import Base
from liaison_desk.storage.server_copy import copied_tables, table_checksum
from liaison_desk.storage.server_security import TABLE_RULES, WriteRefusedError
from liaison_desk.storage.server_store import ServerAttachmentStore

ZHILI, BALIDIAN = "织里镇联络组", "八里店镇联络组"
SHARED_PHOTO = jpeg((30, 30, 200))


def test_every_table_has_a_rule_on_the_server() -> None:
    """A new table must be thought about: which rows a township's login reads and writes."""
    assert set(Base.metadata.tables) | {"alembic_version"} == set(TABLE_RULES)


# --- fixtures ----------------------------------------------------------------------------------


def _create_database(base: str, name: str) -> str:
    admin = create_engine(base.format(db="postgres"), isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}"'))
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    admin.dispose()
    return base.format(db=name)


def _as(url: str, login: str) -> str:
    return url.replace("postgres@", f"{login}@", 1)


def _consultation(services: Services, group: LiaisonGroup, title: str, colour: int) -> int:
    c = services.consultations.new(ConsultationKind.MICRO, group.id)
    c.title, c.held_on, c.venue = title, date(2024, 5, 6), f"{group.town}议事点"
    c.participants = [Participant(name="沈建国", category=ParticipantCategory.RESIDENT)]
    c.outcome_items = [OutcomeItem(content=f"{title}的意见", responsible_body="镇城建办")]
    saved = services.consultations.save(c)
    assert saved.id is not None
    services.attachments.add(jpeg((colour, 90, 90)), f"{title}.jpg", consultation_id=saved.id)
    services.attachments.add(SHARED_PHOTO, "合影.jpg", consultation_id=saved.id)
    return saved.id


@pytest.fixture(scope="module")
def source(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A small district database file: two groups, a consultation each with its participant,
    outcome item and photos (one photo in both)."""
    file = tmp_path_factory.mktemp("source") / "吴兴区.sqlite"
    db = Database.open(f"sqlite:///{file}")
    services = Services(ServiceContext(db, AttachmentStore.beside_database(file)))
    for name, town, colour in ((ZHILI, "织里镇", 200), (BALIDIAN, "八里店镇", 60)):
        group = services.groups.save(LiaisonGroup(name=name, town=town))
        _consultation(services, group, f"{town}停车难", colour)
    db.close()
    return file


@pytest.fixture(scope="module")
def district(pg_url: str, source: Path) -> str:  # noqa: F811
    """The source moved onto a server database by ``migrate-to``."""
    url = _create_database(pg_url, "district")
    assert main(["migrate-to", url, "--db", str(source)]) == 0
    return url


@dataclass
class Secured:
    url: str
    groups: dict[str, int]
    member: int  # a district member: a person of no group


@pytest.fixture(scope="module")
def secured(district: str) -> Secured:
    """The district's server with roles and policies: an office login, a login for 织里."""
    args = [
        "server-setup",
        "--db",
        district,
        "--office-login",
        "qu_office",
        "--group-login",
        f"{ZHILI}=zhili_pc1",
        "--group-login",
        f"{ZHILI}=zhili_pc2",
        "--group-login",
        f"{BALIDIAN}=balidian_pc",
    ]
    assert main(args) == 0
    assert main(args) == 0  # again: nothing fails, nothing changes
    owner = create_engine(district)
    with owner.connect() as conn:
        groups = dict(conn.execute(text("SELECT name, id FROM liaison_groups")).all())
    owner.dispose()
    with _services(_as(district, "qu_office"), Path(district_cache())) as office:
        member = office.people.save(
            Person(name="钱委员", category=ParticipantCategory.MEMBER, group_id=None)
        )
    assert member.id is not None
    return Secured(district, groups, member.id)


def district_cache() -> str:
    import tempfile

    return tempfile.mkdtemp(prefix="liaison-desk-office-")


@pytest.fixture
def township(secured: Secured) -> Iterator[Database]:
    db = Database.open(_as(secured.url, "zhili_pc1"))
    yield db
    db.close()


# --- migrate-to --------------------------------------------------------------------------------


def test_migrate_to_copies_every_record_and_photo(
    source: Path, district: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    lite = create_engine(f"sqlite:///{source}")
    server = create_engine(district)
    with lite.connect() as a, server.connect() as b:
        for table in copied_tables():
            assert table_checksum(a, table) == table_checksum(b, table), table.name
        assert b.execute(text("SELECT count(*) FROM consultations")).scalar() == 2
        # Three photos, the shared one stored once.
        assert b.execute(text("SELECT count(*) FROM attachment_blobs")).scalar() == 3
        assert b.execute(text("SELECT count(*) FROM attachments")).scalar() == 4
    lite.dispose()
    server.dispose()
    # Another PC (its own empty cache) sees every photo, byte for byte.
    db = Database.open(district)
    try:
        other_pc = Services(ServiceContext(db, ServerAttachmentStore(db.engine, tmp_path)))
        source_store = AttachmentStore.beside_database(source)
        page = other_pc.consultations.search(ConsultationFilter())
        photos = [a for c in page.items for a in other_pc.consultations.get(c.id).attachments]
        assert len(photos) == 4
        for photo in photos:
            assert other_pc.attachments.file_path(photo.sha256).read_bytes() == (
                source_store.open_bytes(photo.sha256)
            )
        assert other_pc.attachments.thumbnail(photos[0].sha256).is_file()
        # New records get new ids after the copied ones.
        group = other_pc.groups.all()[0]
        new = other_pc.consultations.new(ConsultationKind.HALL, group.id)
        new.title, new.held_on, new.venue = "新记录", date(2024, 7, 1), "议事堂"
        saved = other_pc.consultations.save(new)
        assert saved.id is not None and saved.id > max(c.id or 0 for c in page.items)
        other_pc.recycle_bin.delete("consultation", saved.id)
        other_pc.recycle_bin.purge("consultation", saved.id)
    finally:
        db.close()


def test_migrate_to_refuses_a_database_that_holds_records(
    source: Path, district: str, capsys: pytest.CaptureFixture[str]
) -> None:
    server = create_engine(district)
    with server.connect() as conn:
        before = conn.execute(text("SELECT count(*) FROM consultations")).scalar()
    capsys.readouterr()
    assert main(["migrate-to", district, "--db", str(source)]) == 1
    assert "已经有" in capsys.readouterr().err
    with server.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM consultations")).scalar() == before
    server.dispose()


def test_a_copy_that_fails_leaves_no_record_on_the_server(
    pg_url: str,  # noqa: F811
    source: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    copy = tmp_path / "damaged.sqlite"
    shutil.copy(source, copy)
    shutil.copytree(AttachmentStore.beside_database(source).root, tmp_path / "damaged-附件")
    store = AttachmentStore.beside_database(copy)
    victim = store.path_of(sorted(store.all_hashes())[-1])
    victim.write_bytes(b"not the photo any more")  # found only at the last step: the photos
    url = _create_database(pg_url, "failed_copy")
    assert main(["migrate-to", url, "--db", str(copy)]) == 1
    assert "已损坏" in capsys.readouterr().err
    server = create_engine(url)
    with server.connect() as conn:
        for table in ("liaison_groups", "consultations", "people", "attachment_blobs"):
            assert conn.execute(text(f"SELECT count(*) FROM {table}")).scalar() == 0
    server.dispose()


# --- two PCs see each other's changes ------------------------------------------------------------


def test_two_connections_see_each_others_changes(district: str, tmp_path: Path) -> None:
    first, second = Database.open(district), Database.open(district)
    try:
        window = Services(ServiceContext(first, ServerAttachmentStore(first.engine, tmp_path)))
        other = Services(ServiceContext(second, ServerAttachmentStore(second.engine, tmp_path)))
        before = window.changes.token()
        assert window.changes.token() == before  # nothing changed: the same token
        group = other.groups.all()[0]
        c = other.consultations.new(ConsultationKind.MICRO, group.id)
        c.title, c.held_on, c.venue = "另一台电脑的新记录", date(2024, 8, 1), "议事点"
        saved = other.consultations.save(c)
        after_new = window.changes.token()
        assert after_new != before
        saved.title = "另一台电脑改了标题"
        other.consultations.save(saved)
        assert window.changes.token() != after_new
        assert saved.id is not None
        other.recycle_bin.delete("consultation", saved.id)
        other.recycle_bin.purge("consultation", saved.id)
    finally:
        first.close()
        second.close()


# --- who may change what -------------------------------------------------------------------------


def test_a_townships_login_cannot_read_or_change_another_groups_records(
    secured: Secured,
) -> None:
    other = secured.groups[BALIDIAN]
    engine = create_engine(_as(secured.url, "zhili_pc1"))
    try:
        with engine.begin() as conn:
            assert conn.execute(
                text("SELECT DISTINCT group_id FROM consultations")
            ).scalars().all() == [secured.groups[ZHILI]]
            assert conn.execute(text("SELECT count(*) FROM liaison_groups")).scalar() == 1
            # Children of the other group's consultation are out of sight too.
            for table in ("participants", "outcome_items", "attachments", "speeches"):
                seen = conn.execute(
                    text(
                        f"SELECT count(*) FROM {table} t JOIN consultations c "
                        "ON c.id = t.consultation_id"
                    )
                ).scalar()
                assert seen == conn.execute(text(f"SELECT count(*) FROM {table}")).scalar()
            assert conn.execute(text("SELECT count(*) FROM attachment_blobs")).scalar() == 2
            assert (
                conn.execute(text("SELECT count(*) FROM search_docs WHERE kind = 1")).scalar() == 1
            )
            audited = conn.execute(
                text("SELECT count(*) FROM audit_entries WHERE entity_type = 'consultation'")
            ).scalar()
            assert audited == 1
            updated = conn.execute(
                text("UPDATE consultations SET title = '改掉' WHERE group_id = :g"), {"g": other}
            )
            assert updated.rowcount == 0
            deleted = conn.execute(
                text(
                    "DELETE FROM outcome_items WHERE consultation_id IN "
                    "(SELECT id FROM consultations WHERE group_id <> :g)"
                ),
                {"g": secured.groups[ZHILI]},
            )
            assert deleted.rowcount == 0
            assert conn.execute(text("DELETE FROM attachment_blobs")).rowcount == 0
        for statement in (
            "INSERT INTO consultations (uuid, revision, created_at, updated_at, group_id, kind, "
            "number, title, topic_source, held_on, venue, host, recorder, status, agenda, "
            "minutes, consensus, author, head_counts, checklist, attendance_total, "
            "member_attendance, suggestion_count, solved_count) VALUES ('x', 1, now(), now(), "
            f"{other}, 'micro', '冒充-1', '冒充', '群众', '2024-01-01', '', '', '', 'completed', "
            "'[]', '', '', '', '[]', '[]', 0, 0, 0, 0)",
            f"UPDATE consultations SET group_id = {other}",
            "UPDATE settings SET value = '1'",
            "INSERT INTO number_counters (scope, last) VALUES "
            f"('consultation:{other}:2024:micro', 99)",
        ):
            with pytest.raises(DBAPIError) as refused, engine.begin() as conn:
                result = conn.execute(text(statement))
                if result.rowcount == 0:  # settings: nothing to update is also a refusal
                    raise DBAPIError(statement, None, _Refused())
            assert getattr(refused.value.orig, "sqlstate", "42501") == "42501"
    finally:
        engine.dispose()
    owner = create_engine(secured.url)
    with owner.connect() as conn:
        titles = conn.execute(text("SELECT title FROM consultations ORDER BY id")).scalars().all()
    owner.dispose()
    assert "改掉" not in titles and "冒充" not in titles


class _Refused(Exception):
    sqlstate = "42501"


def test_the_office_login_sees_every_group(secured: Secured) -> None:
    office = create_engine(_as(secured.url, "qu_office"))
    owner = create_engine(secured.url)
    try:
        for table in ("liaison_groups", "consultations", "attachments", "attachment_blobs"):
            query = text(f"SELECT count(*) FROM {table}")
            with office.connect() as a, owner.connect() as b:
                assert a.execute(query).scalar() == b.execute(query).scalar(), table
    finally:
        office.dispose()
        owner.dispose()


def test_the_app_with_a_townships_login_shows_its_group_and_refuses_another(
    secured: Secured, township: Database, tmp_path: Path
) -> None:
    services = Services(ServiceContext(township, ServerAttachmentStore(township.engine, tmp_path)))
    assert [g.name for g in services.groups.all()] == [ZHILI]
    listed = services.consultations.search(ConsultationFilter())
    assert listed.total == 1 and listed.items[0].group_id == secured.groups[ZHILI]
    assert services.statistics.year(2024).micro_consultations == 1
    # Its own work goes on: a new record with a number, a photo, the audit and the index.
    own = services.consultations.new(ConsultationKind.MICRO, secured.groups[ZHILI])
    own.title, own.held_on, own.venue = "织里镇路灯", date(2024, 9, 2), "议事点"
    saved = services.consultations.save(own)
    assert saved.number and saved.id is not None
    photo = services.attachments.add(jpeg((10, 200, 10)), "路灯.jpg", consultation_id=saved.id)
    # The other PC of the same group sees it; the other group's login does not.
    with _services(_as(secured.url, "zhili_pc2"), tmp_path / "pc2") as pc2:
        assert pc2.attachments.file_path(photo.sha256).is_file()
    with _services(_as(secured.url, "balidian_pc"), tmp_path / "pc3") as balidian:
        assert balidian.consultations.get(saved.id) is None
        assert not balidian.attachments.exists(photo.sha256)
    # A record for another group: the group is out of sight, and the app says the server
    # refused it (not that the group does not exist).
    stray = services.consultations.new(ConsultationKind.MICRO, secured.groups[BALIDIAN])
    stray.title, stray.held_on, stray.venue = "代录八里店", date(2024, 9, 3), "议事点"
    with pytest.raises(WriteRefusedError, match=f"服务器拒绝了这次修改：本账号（{ZHILI}）"):
        services.consultations.save(stray)
    # A district member (no group) is read by every login and kept by the office: a township's
    # change reaches the server, which refuses it; the app says so.
    member = services.people.get(secured.member)
    assert member is not None and member.name == "钱委员"
    member.phone = "13800000000"
    with pytest.raises(WriteRefusedError, match="只能修改本联络组的记录"):
        services.people.save(member)
    with pytest.raises(WriteRefusedError, match="没有保存"):
        services.settings.set_up_first_run(services.groups.all()[0])
    assert services.consultations.search(ConsultationFilter()).total == 2
    services.recycle_bin.delete("consultation", saved.id)
    services.recycle_bin.purge("consultation", saved.id)


class _services:
    def __init__(self, url: str, cache: Path) -> None:
        self.db = Database.open(url)
        self.services = Services(
            ServiceContext(self.db, ServerAttachmentStore(self.db.engine, cache))
        )

    def __enter__(self) -> Services:
        return self.services

    def __exit__(self, *exc: object) -> None:
        self.db.close()


def test_a_township_login_cannot_create_or_upgrade_the_schema(
    pg_url: str,  # noqa: F811
    secured: Secured,
) -> None:
    """Only the tables' owner upgrades; a township's PC says who should, instead of crashing."""
    from liaison_desk.storage.errors import StorageError

    url = _create_database(pg_url, "not_yet_made")
    with pytest.raises(StorageError, match="需要先升级"):
        Database.open(_as(url, "zhili_pc1"))
