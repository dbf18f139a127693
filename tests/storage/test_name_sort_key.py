"""The roster is sorted by the database: ``people.name_sort_key`` orders, byte by byte, exactly
as the lists sort names in Python, every write keeps it, the migration fills it for the people
already stored, and ``check`` finds a wrong one."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import Engine, create_engine, insert, select, text
from sqlalchemy.orm import Session
from test_migrations import migrate

from liaison_desk.domain.collation import sort_key
from liaison_desk.domain.entities import Person
from liaison_desk.domain.enums import ParticipantCategory
from liaison_desk.domain.queries import PageRequest, PersonFilter
from liaison_desk.services import ServiceContext, Services
from liaison_desk.storage.database import Database
from liaison_desk.storage.integrity import check_database
from liaison_desk.storage.models import Base, PersonRow

# Common and rare characters of names, Latin, digits (full-width too), punctuation.
NAME_CHARS = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗欧阳司马上官诸葛丁阿明博四"
    "淼垚犇骉龘䶮𠀀𪚥〇々·-（）()，. aAbBzZ0123456789０９Ａ"
)
names = st.text(
    alphabet=st.one_of(st.sampled_from(NAME_CHARS), st.characters(codec="utf-8")), max_size=8
)


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Engine]:
    eng = create_engine(f"sqlite:///{tmp_path_factory.mktemp('key') / '名册.sqlite'}")
    Base.metadata.create_all(
        eng, tables=[Base.metadata.tables["liaison_groups"], PersonRow.__table__]
    )  # type: ignore[list-item]
    yield eng
    eng.dispose()


def _stamp(i: int) -> dict[str, object]:
    now = datetime(2024, 1, 1)
    return {"uuid": f"u-{i}", "created_at": now, "updated_at": now, "category": "resident"}


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.lists(names, max_size=25))
def test_the_database_orders_names_as_python_sorts_them(engine: Engine, given: list[str]) -> None:
    with Session(engine) as s, s.begin():
        s.execute(text("DELETE FROM people"))
        # Half through the ORM (a form's save), half as a bulk insert (demo, imports).
        half = len(given) // 2
        for i, name in enumerate(given[:half]):
            s.add(PersonRow(id=i + 1, name=name, **_stamp(i)))
        s.flush()
        rows = [{"id": i + 1, "name": n, **_stamp(i)} for i, n in enumerate(given) if i >= half]
        if rows:
            s.execute(insert(PersonRow.__table__), rows)  # type: ignore[arg-type]
        stored = s.execute(
            select(PersonRow.id, PersonRow.name).order_by(PersonRow.name_sort_key, PersonRow.id)
        ).all()
    expected = sorted(enumerate(given, start=1), key=lambda p: (sort_key(p[1]), p[0]))
    assert [(pid, name) for pid, name in stored] == expected


def test_a_rename_moves_the_person(tmp_path: Path) -> None:
    db = Database.open(f"sqlite:///{tmp_path / 'd.sqlite'}")
    sv = Services(ServiceContext(db, None))
    for name in ("张三", "李四", "王五"):
        sv.people.save(Person(name=name, category=ParticipantCategory.RESIDENT))
    by_name = PageRequest(order_by="name")
    assert [p.name for p in sv.people.search(PersonFilter(), by_name).items] == [
        "李四",
        "王五",
        "张三",
    ]
    wang = sv.people.search(PersonFilter(text="王五")).items[0]
    wang.name = "阿明"
    sv.people.save(wang)
    assert [p.name for p in sv.people.search(PersonFilter(), by_name).items] == [
        "阿明",
        "李四",
        "张三",
    ]
    down = PageRequest(order_by="name", descending=True)
    assert [p.name for p in sv.people.search(PersonFilter(), down).items] == [
        "张三",
        "李四",
        "阿明",
    ]
    db.close()


def test_the_migration_fills_the_key_of_people_already_stored(tmp_path: Path) -> None:
    eng = create_engine(f"sqlite:///{tmp_path / '旧库.sqlite'}")
    migrate(eng, "0006")
    with eng.begin() as conn:
        for i, name in enumerate(["张三", "Li Si", "议-10", ""]):
            conn.execute(
                text(
                    "INSERT INTO people (id, uuid, revision, created_at, updated_at, name, category,"
                    " unit, title, phone, id_card, sector, consent_to_publish, consent_note)"
                    " VALUES (:id, :u, 1, '2024-01-01', '2024-01-01', :n, 'resident', '', '', '',"
                    " '', '', 0, '')"
                ),
                {"id": i + 1, "u": f"u{i}", "n": name},
            )
    migrate(eng, "head")
    with eng.connect() as conn:
        rows = conn.execute(text("SELECT name, name_sort_key FROM people")).all()
    assert rows and all(key == sort_key(name) for name, key in rows)
    eng.dispose()


def test_check_finds_a_wrong_sort_key(tmp_path: Path) -> None:
    db = Database.open(f"sqlite:///{tmp_path / 'd.sqlite'}")
    sv = Services(ServiceContext(db, None))
    sv.people.save(Person(name="张三", category=ParticipantCategory.RESIDENT))
    assert not any("排序键" in p for p in check_database(db, None).problems)
    with db.engine.begin() as conn:
        conn.execute(text("UPDATE people SET name_sort_key = '1'"))
    assert any("张三" in p and "排序键" in p for p in check_database(db, None).problems)
    db.close()
