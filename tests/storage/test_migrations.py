"""The migrations build exactly the schema the models declare, and run both ways."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, create_engine, inspect, select, text

from liaison_desk.storage.database import Database, head_revision, migrations_config
from liaison_desk.storage.models import Base
from liaison_desk.storage.search_index import is_engine_structure


@pytest.fixture
def engine(tmp_path: Path) -> Iterator[Engine]:
    eng = create_engine(f"sqlite:///{tmp_path / '迁移.sqlite'}")
    yield eng
    eng.dispose()


def migrate(engine: Engine, target: str, *, down: bool = False) -> None:
    with engine.begin() as conn:
        cfg = migrations_config(conn)
        if down:
            command.downgrade(cfg, target)
        else:
            command.upgrade(cfg, target)


def revision_of(engine: Engine) -> str | None:
    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def _models_only(name: str | None, _type: str, _parent: object) -> bool:
    # The search index's FTS5 table is the engine's, not the models' (storage/search_index.py).
    return not is_engine_structure(name)


def schema_differences(engine: Engine) -> list[object]:
    with engine.connect() as conn:
        opts = {"compare_type": True, "include_name": _models_only}
        context = MigrationContext.configure(conn, opts=opts)
        return list(compare_metadata(context, Base.metadata))


def user_tables(engine: Engine) -> set[str]:
    names = set(inspect(engine).get_table_names()) - {"alembic_version"}
    return {n for n in names if not is_engine_structure(n)}


def test_the_head_known_without_alembic_is_alembics_head() -> None:
    """database.HEAD_REVISION lets an up-to-date database open without loading Alembic; a new
    migration must change it, or databases would not be upgraded to it."""
    from liaison_desk.storage.database import HEAD_REVISION

    assert ScriptDirectory.from_config(migrations_config()).get_heads() == [HEAD_REVISION]


def test_the_revisions_form_one_line_from_0001_to_the_head() -> None:
    script = ScriptDirectory.from_config(migrations_config())
    assert script.get_heads() == [head_revision()]
    assert script.get_bases() == ["0001"]
    chain = [rev.revision for rev in script.walk_revisions()]
    assert chain[-1] == "0001"
    assert chain[0] == head_revision()


def test_migrating_an_empty_database_to_head_gives_exactly_the_models_schema(
    engine: Engine,
) -> None:
    migrate(engine, "head")
    assert revision_of(engine) == head_revision()
    assert user_tables(engine) == set(Base.metadata.tables)
    assert schema_differences(engine) == []


def test_the_app_opened_database_matches_the_models(tmp_path: Path) -> None:
    db = Database.open(f"sqlite:///{tmp_path / 'app.sqlite'}")
    try:
        assert schema_differences(db.engine) == []
    finally:
        db.close()


def test_downgrade_to_base_and_upgrade_again(engine: Engine) -> None:
    migrate(engine, "head")
    migrate(engine, "base", down=True)
    assert revision_of(engine) is None
    assert user_tables(engine) == set()

    migrate(engine, "head")
    assert revision_of(engine) == head_revision()
    assert schema_differences(engine) == []
    with engine.connect() as conn:
        kinds = conn.execute(
            text("SELECT kind, count(*) FROM procedure_steps GROUP BY kind ORDER BY kind")
        ).all()
    assert [tuple(k) for k in kinds] == [("hall", 8), ("micro", 6)]


def test_each_step_down_and_up_again(engine: Engine) -> None:
    """Downgrading the templates step removes the seeded steps; upgrading seeds them again."""
    migrate(engine, "head")
    migrate(engine, "0001", down=True)
    assert revision_of(engine) == "0001"
    steps = Base.metadata.tables["procedure_steps"]
    with engine.connect() as conn:
        assert conn.execute(select(steps)).all() == []
    migrate(engine, "0002")
    with engine.connect() as conn:
        assert len(conn.execute(select(steps)).all()) == 14


def test_the_templates_migration_keeps_an_offices_own_steps(engine: Engine) -> None:
    migrate(engine, "0001")
    with engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO procedure_steps (kind, position, name) VALUES ('hall', 0, '自定步骤')"
            )
        )
    migrate(engine, "head")
    with engine.connect() as conn:
        names = conn.execute(text("SELECT name FROM procedure_steps")).scalars().all()
    assert names == ["自定步骤"]


def test_the_catalogue_migration_dates_existing_cases_by_their_finalisation(
    engine: Engine,
) -> None:
    """Migration 0004 (issue 14, finding 1): a case past 草稿 gets the day it was finalised from
    its history — not the day it was last saved (an export saves it too)."""
    migrate(engine, "0002")
    stamps = "1, '2024-01-02 09:00:00', '2026-12-07 10:00:00'"
    with engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO liaison_groups (id, uuid, name, town, short_name, leader, secretary,"
                " secretary_phone, fonds_code, org_code, revision, created_at, updated_at)"
                f" VALUES (1, 'g', '织里镇联络组', '织里镇', '织里', '', '', '', 'J012', 'ZL', {stamps})"
            )
        )
        for n, status in ((1, "submitted"), (2, "selected"), (3, "draft")):
            conn.execute(
                text(
                    "INSERT INTO cases (id, uuid, group_id, year, title, subtitle, sections,"
                    " status, retention, version, consultation_ids, photos, revision,"
                    f" created_at, updated_at) VALUES ({n}, 'c{n}', 1, 2024, '案例{n}', '', '{{}}',"
                    f" '{status}', 'Y', 1, '[]', '[]', {stamps})"
                )
            )
        audit = (
            "INSERT INTO audit_entries (at, actor, entity_type, entity_uuid, action, revision,"
            " summary, changes, reason) VALUES (:at, '测试员', 'case', :uuid, :action, 1, '',"
            " :changes, '')"
        )
        entries = [
            ("2024-09-01 10:00:00", "c1", "create", "{}"),
            ("2024-10-10 15:00:00", "c1", "update", '{"status": ["draft", "final"]}'),
            ("2026-12-07 10:00:00", "c1", "update", '{"status": ["final", "submitted"]}'),
            ("2024-11-20 15:00:00", "c2", "create", "{}"),  # saved as 定稿 when created
            ("2024-12-01 10:00:00", "c2", "update", '{"status": ["final", "selected"]}'),
        ]
        for at, uuid, action, changes in entries:
            conn.execute(
                text(audit), {"at": at, "uuid": uuid, "action": action, "changes": changes}
            )
    migrate(engine, "head")
    with engine.connect() as conn:
        days = dict(conn.execute(text("SELECT uuid, finalised_on FROM cases")).all())
    assert days == {"c1": "2024-10-10", "c2": "2024-11-20", "c3": None}
