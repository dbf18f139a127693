"""The first page of each large list is read through an index in the list's order, so it
takes milliseconds at 100k records: SQLite's plan for it neither scans nor sorts the whole
table (EXPLAIN QUERY PLAN; the plan does not depend on the table's size without statistics)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date

from sqlalchemy import event

from liaison_desk.domain.entities import Consultation, OutcomeItem
from liaison_desk.domain.enums import ConsultationKind
from liaison_desk.domain.queries import ConsultationFilter, OutcomeFilter, PageRequest, PersonFilter
from liaison_desk.services import Services
from liaison_desk.storage.database import Database

FIRST_PAGE = PageRequest(0, 200)


@contextmanager
def plans(db: Database) -> Iterator[list[str]]:
    """The query plans of the SELECTs with a LIMIT run inside the block (the page queries)."""
    found: list[str] = []
    statements: list[tuple[str, object]] = []

    def seen(_conn: object, _cursor: object, statement: str, params: object, *_a: object) -> None:
        if statement.lstrip().upper().startswith("SELECT") and "LIMIT" in statement:
            statements.append((statement, params))

    event.listen(db.engine, "before_cursor_execute", seen)
    try:
        yield found
    finally:
        event.remove(db.engine, "before_cursor_execute", seen)
    with db.engine.connect() as conn:
        for statement, params in statements:
            rows = conn.exec_driver_sql("EXPLAIN QUERY PLAN " + statement, params)  # type: ignore[arg-type]
            found.append("\n".join(str(r[-1]) for r in rows))


def whole_table_read(plan: str) -> bool:
    return "TEMP B-TREE FOR ORDER BY" in plan or any(
        line.startswith(("SCAN consultations", "SCAN outcome_items", "SCAN people"))
        and "USING INDEX ix_" not in line
        for line in plan.splitlines()
    )


def test_a_years_consultations_come_from_the_kind_and_date_index(
    services: Services, db: Database, new_consultation: Callable[..., Consultation]
) -> None:
    # A record each list finds: a list with nothing in it asks for no page at all.
    services.consultations.save(new_consultation())
    services.consultations.save(new_consultation(kind=ConsultationKind.MICRO))
    for f in (
        ConsultationFilter(year=2024, kind=ConsultationKind.HALL),
        ConsultationFilter(kind=ConsultationKind.MICRO),
    ):
        with plans(db) as found:
            services.consultations.search(f, FIRST_PAGE)
        assert found
        for plan in found:
            assert "ix_consultations_live_kind_held_on" in plan, plan
            assert not whole_table_read(plan), plan


def test_outcome_items_come_consultation_by_consultation_newest_first(
    services: Services, db: Database, new_consultation: Callable[..., Consultation]
) -> None:
    services.consultations.save(new_consultation(outcome_items=[OutcomeItem(content="加装电梯")]))
    for f in (OutcomeFilter(year=2024), OutcomeFilter()):
        with plans(db) as found:
            services.consultations.search_outcome_items(f, FIRST_PAGE)
        assert found
        for plan in found:
            first = plan.splitlines()[0]
            assert "ix_consultations_live_held_on" in first, plan
            assert "ix_outcome_items_live_consultation" in plan, plan
            assert not whole_table_read(plan), plan


def test_the_roster_by_name_comes_from_the_sort_key_index(services: Services, db: Database) -> None:
    for descending in (False, True):
        with plans(db) as found:
            services.people.search(
                PersonFilter(), PageRequest(0, 200, order_by="name", descending=descending)
            )
        assert found
        for plan in found:
            assert "ix_people_live_name_sort_key" in plan, plan
            assert not whole_table_read(plan), plan


def test_the_year_filters_offer_each_year_with_live_consultations_newest_first(
    services: Services, new_consultation: Callable[..., Consultation]
) -> None:
    for day in (date(2019, 12, 31), date(2021, 1, 1), date(2021, 12, 31), date(2024, 3, 5)):
        services.consultations.save(new_consultation(held_on=day))
    gone = services.consultations.save(new_consultation(held_on=date(2022, 6, 1)))
    assert gone.id is not None
    services.recycle_bin.delete("consultation", gone.id)
    assert services.statistics.years() == [2024, 2021, 2019]
