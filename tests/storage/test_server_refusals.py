"""A township's login on the district's shared server (issue 17, item 5): a write to another
group's record is refused by the server, and the app says so in one clear message naming the
login's own group, with nothing written; its own group's work goes on. And ``server-setup``
names the roles per database, as roles are the whole server's.

Runs on the throw-away cluster of ``test_postgresql.py`` (skipped where PostgreSQL is missing),
with the district database of ``test_server.py``.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.exc import DBAPIError
from test_postgresql import pg_url  # noqa: F401  (the throw-away cluster)
from test_server import (  # noqa: F401  (the district database and its logins)
    BALIDIAN,
    ZHILI,
    Secured,
    _as,
    _create_database,
    _services,
    district,
    secured,
    source,
)

from liaison_desk.cli import main
from liaison_desk.domain.entities import Case, Person
from liaison_desk.domain.enums import ConsultationKind, OutcomeStatus, ParticipantCategory
from liaison_desk.domain.rules import ConflictError
from liaison_desk.errors import UserFacingError
from liaison_desk.services import Services
from liaison_desk.storage.database import Database
from liaison_desk.storage.models import PersonRow
from liaison_desk.storage.server_security import WriteRefusedError

REFUSED = f"服务器拒绝了这次修改：本账号（{ZHILI}）只能修改本联络组的记录"

_WATCHED = (
    "liaison_groups",
    "people",
    "consultations",
    "participants",
    "outcome_items",
    "cases",
    "audit_entries",
    "number_counters",
    "search_docs",
    "settings",
)


def _snapshot(url: str) -> dict[str, str]:
    """Every watched table's rows, as the tables' owner sees them (all of them)."""
    owner = create_engine(url)
    try:
        with owner.connect() as conn:
            return {
                table: str(
                    conn.execute(
                        text(
                            f"SELECT md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) "
                            f"FROM {table} t"
                        )
                    ).scalar()
                )
                for table in _WATCHED
            }
    finally:
        owner.dispose()


@dataclasses.dataclass
class Others:
    """Records of 八里店 (another group than the township's), as the office reads them."""

    consultation_id: int
    item_id: int
    person_id: int


@pytest.fixture(scope="module")
def others(secured: Secured, tmp_path_factory: pytest.TempPathFactory) -> Others:  # noqa: F811
    with _services(_as(secured.url, "qu_office"), tmp_path_factory.mktemp("office")) as office:
        person = office.people.save(
            Person(
                name="姚八里",
                category=ParticipantCategory.RESIDENT,
                group_id=secured.groups[BALIDIAN],
            )
        )
        found = [
            c for c in office.consultations.search().items if c.group_id == secured.groups[BALIDIAN]
        ]
        c = office.consultations.get(found[0].id)
    assert c is not None and c.id is not None and c.outcome_items[0].id is not None
    assert person.id is not None
    return Others(c.id, c.outcome_items[0].id, person.id)


@pytest.fixture
def township(secured: Secured, tmp_path: Path) -> Iterator[Services]:  # noqa: F811
    with _services(_as(secured.url, "zhili_pc1"), tmp_path / "zhili") as services:
        yield services


def _office_services(secured: Secured, tmp_path: Path) -> _services:  # noqa: F811
    return _services(_as(secured.url, "qu_office"), tmp_path / "office")


# --- the writes ----------------------------------------------------------------------------------


def _new_consultation(s: Services, sec: Secured, o: Others, office: Services) -> None:
    c = s.consultations.new(ConsultationKind.MICRO, sec.groups[BALIDIAN])
    c.title, c.held_on, c.venue = "代录八里店", date(2024, 9, 3), "议事点"
    s.consultations.save(c)


def _change_consultation(s: Services, sec: Secured, o: Others, office: Services) -> None:
    c = office.consultations.get(o.consultation_id)
    assert c is not None
    c.title = "镇里改了八里店的标题"
    s.consultations.save(c)


def _change_item(s: Services, sec: Secured, o: Others, office: Services) -> None:
    item = next(i for i in office.consultations.get(o.consultation_id).outcome_items)  # type: ignore[union-attr]
    item.content = "镇里改了八里店的意见"
    s.consultations.save_outcome_item(item)


def _follow_up_in_bulk(s: Services, sec: Secured, o: Others, office: Services) -> None:
    s.consultations.set_outcome_status([o.item_id], OutcomeStatus.SOLVED, date(2024, 9, 4))


def _revisit(s: Services, sec: Secured, o: Others, office: Services) -> None:
    s.consultations.record_revisits([o.item_id], date(2024, 9, 5), "回头看", None)


def _change_person(s: Services, sec: Secured, o: Others, office: Services) -> None:
    person = office.people.get(o.person_id)
    assert person is not None
    person.phone = "13900000000"
    s.people.save(person)


def _new_person(s: Services, sec: Secured, o: Others, office: Services) -> None:
    s.people.save(
        Person(name="冒名", category=ParticipantCategory.RESIDENT, group_id=sec.groups[BALIDIAN])
    )


def _new_case(s: Services, sec: Secured, o: Others, office: Services) -> None:
    s.cases.save(Case(group_id=sec.groups[BALIDIAN], year=2024, title="八里店的案例"))


def _delete(s: Services, sec: Secured, o: Others, office: Services) -> None:
    s.recycle_bin.delete("consultation", o.consultation_id)


def _delete_item(s: Services, sec: Secured, o: Others, office: Services) -> None:
    s.recycle_bin.delete("outcome_item", o.item_id)


WRITES: dict[str, Callable[[Services, Secured, Others, Services], None]] = {
    "new consultation": _new_consultation,
    "change consultation": _change_consultation,
    "change outcome item": _change_item,
    "follow-up in bulk": _follow_up_in_bulk,
    "revisit": _revisit,
    "change person": _change_person,
    "new person": _new_person,
    "new case": _new_case,
    "delete consultation": _delete,
    "delete outcome item": _delete_item,
}


@pytest.mark.parametrize("write", list(WRITES))
def test_a_write_to_another_group_is_refused_naming_the_logins_group(
    write: str,
    secured: Secured,  # noqa: F811
    others: Others,
    township: Services,
    tmp_path: Path,
) -> None:
    """Not "所选联络组不存在", not a lost race, not an IntegrityError: the server refused it,
    the message says whose login this is and what to do, and nothing was written."""
    with _office_services(secured, tmp_path) as office:
        before = _snapshot(secured.url)
        with pytest.raises(UserFacingError) as refused:
            WRITES[write](township, secured, others, office)
    message = str(refused.value)
    assert REFUSED in message, message
    assert "请用区政协办公室的账号" in message
    assert "不存在" not in message
    assert not isinstance(refused.value, ConflictError)
    assert refused.value.english.startswith("The server refused this change")
    assert _snapshot(secured.url) == before


def test_a_delete_the_server_lets_match_no_row_is_refused_not_a_conflict(
    secured: Secured,  # noqa: F811
    township: Services,
) -> None:
    """A district member (no group) is seen by a township but deleted only by the office: the
    server's DELETE matches no row, which is not another writer's change."""
    before = _snapshot(secured.url)
    with (
        pytest.raises(UserFacingError, match=REFUSED) as refused,
        township.ctx.db.session() as s,
    ):
        row = s.get(PersonRow, secured.member)
        assert row is not None
        s.delete(row)
    assert not isinstance(refused.value, ConflictError)
    assert _snapshot(secured.url) == before


def test_the_townships_own_group_is_written_as_before(
    secured: Secured,  # noqa: F811
    township: Services,
) -> None:
    own = township.consultations.new(ConsultationKind.MICRO, secured.groups[ZHILI])
    own.title, own.held_on, own.venue = "织里镇垃圾分类", date(2024, 10, 8), "议事点"
    saved = township.consultations.save(own)
    assert saved.id is not None and saved.number
    saved.title = "织里镇垃圾分类（改）"
    saved = township.consultations.save(saved)
    item = township.consultations.get(saved.id)
    assert item is not None and item.title == "织里镇垃圾分类（改）"
    person = township.people.save(
        Person(
            name="织里居民", category=ParticipantCategory.RESIDENT, group_id=secured.groups[ZHILI]
        )
    )
    assert person.id is not None
    township.recycle_bin.delete("consultation", saved.id)
    township.recycle_bin.purge("consultation", saved.id)
    township.recycle_bin.delete("person", person.id)


def test_the_group_choosers_offer_a_township_only_its_group(
    secured: Secured,  # noqa: F811
    township: Services,
    tmp_path: Path,
) -> None:
    assert [g.name for g in township.groups.all()] == [ZHILI]
    scope = township.ctx.db.scope
    assert scope is not None and scope.groups == ((secured.groups[ZHILI], ZHILI),)
    # The office and the tables' owner may write every group: no scope.
    with _office_services(secured, tmp_path) as office:
        assert office.ctx.db.scope is None
        assert {g.name for g in office.groups.all()} == {ZHILI, BALIDIAN}
    owner = Database.open(secured.url)
    try:
        assert owner.scope is None
    finally:
        owner.close()


# --- roles per database --------------------------------------------------------------------------


def _roles(url: str) -> dict[str, str]:
    owner = create_engine(url)
    try:
        with owner.connect() as conn:
            rows = conn.execute(
                text(
                    "SELECT rolname, coalesce(shobj_description(oid, 'pg_authid'), '') "
                    "FROM pg_roles WHERE NOT rolcanlogin ORDER BY rolname"
                )
            ).all()
    finally:
        owner.dispose()
    return {name: note for name, note in rows if not name.startswith("pg_")}


def _policies(url: str) -> list[tuple[str, str, str]]:
    owner = create_engine(url)
    try:
        with owner.connect() as conn:
            return [
                tuple(r)
                for r in conn.execute(
                    text("SELECT tablename, policyname, qual FROM pg_policies ORDER BY 1, 2")
                ).all()
            ]
    finally:
        owner.dispose()


def test_server_setup_again_changes_nothing(secured: Secured) -> None:  # noqa: F811
    roles, policies = _roles(secured.url), _policies(secured.url)
    assert main(["server-setup", "--db", secured.url, "--group-login", f"{ZHILI}=zhili_pc1"]) == 0
    assert _roles(secured.url) == roles
    assert _policies(secured.url) == policies
    # The roles are this database's, named and marked so.
    assert roles["district_office"] == "liaison-desk: district"
    assert {f"district_group_{gid}" for gid in secured.groups.values()} <= set(roles)


def test_two_databases_on_one_server_get_their_own_roles(
    pg_url: str,  # noqa: F811
    source: Path,  # noqa: F811
    secured: Secured,  # noqa: F811
    capsys: pytest.CaptureFixture[str],
) -> None:
    second = _create_database(pg_url, "second")
    assert main(["migrate-to", second, "--db", str(source)]) == 0
    # Asked to share the first database's roles: refused, saying whose they are.
    capsys.readouterr()
    clash = ["server-setup", "--db", second, "--role-prefix", "district"]
    assert main([*clash, "--group-login", f"{ZHILI}=zhili_second"]) == 1
    err = capsys.readouterr().err
    assert "district_office（属于数据库「district」）" in err and "--role-prefix" in err
    roles_before = _roles(second)
    assert not [r for r in roles_before if r.startswith("second_")]
    owner = create_engine(second)
    with owner.connect() as conn:
        assert conn.execute(text("SELECT to_regprocedure('liaison_may(integer)')")).scalar() is None
    owner.dispose()
    # Its own roles, by its own name.
    assert main(["server-setup", "--db", second, "--group-login", f"{ZHILI}=zhili_second"]) == 0
    roles = _roles(second)
    mine = {r for r, note in roles.items() if note == "liaison-desk: second"}
    theirs = {r for r, note in roles.items() if note == "liaison-desk: district"}
    assert "second_office" in mine and "district_office" in theirs and not mine & theirs
    # The first database's township login is no one in the second (same group ids there).
    engine = create_engine(_as(second, "zhili_pc1"))
    try:
        with pytest.raises(DBAPIError) as denied, engine.connect() as conn:
            conn.execute(text("SELECT count(*) FROM consultations")).scalar()
        assert getattr(denied.value.orig, "sqlstate", "") == "42501"
    finally:
        engine.dispose()
    # The second's own login sees its group.
    engine = create_engine(_as(second, "zhili_second"))
    try:
        with engine.connect() as conn:
            assert conn.execute(text("SELECT name FROM liaison_groups")).scalars().all() == [ZHILI]
    finally:
        engine.dispose()


def test_a_number_held_by_another_groups_hidden_record_is_said_so(
    secured: Secured,  # noqa: F811
    others: Others,
    township: Services,
    tmp_path: Path,
) -> None:
    """The service's own check cannot see 八里店's record, so the server's unique index stops
    the save: not "另一处刚刚用了同一个编号" (retrying would fail the same way), but whose
    number it is and what to do."""
    with _office_services(secured, tmp_path) as office:
        theirs = office.consultations.get(others.consultation_id)
    assert theirs is not None and theirs.number
    before = _snapshot(secured.url)
    own = township.consultations.new(ConsultationKind.MICRO, secured.groups[ZHILI])
    own.title, own.held_on, own.venue = "织里镇议事", date(2024, 5, 7), "议事点"
    own.number = theirs.number
    with pytest.raises(WriteRefusedError) as refused:
        township.consultations.save(own)
    message = str(refused.value)
    assert f"编号「{theirs.number}」已是另一条记录的编号" in message, message
    assert f"本账号（{ZHILI}）看不到它" in message and "请把编号留空" in message
    assert "另一处" not in message and not isinstance(refused.value, ConflictError)
    assert _snapshot(secured.url) == before
    # Left blank, it saves with a number of its own.
    own.number = ""
    saved = township.consultations.save(own)
    assert saved.id is not None and saved.number and saved.number != theirs.number
    township.recycle_bin.delete("consultation", saved.id)
    township.recycle_bin.purge("consultation", saved.id)
