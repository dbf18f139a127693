"""Liaison groups and the people on their rosters."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import or_, select
from sqlalchemy.orm import Session, aliased

from liaison_desk.domain.entities import (
    LiaisonGroup,
    Person,
)
from liaison_desk.domain.enums import ParticipantCategory
from liaison_desk.domain.queries import (
    Page,
    PageRequest,
    PersonFilter,
)
from liaison_desk.storage import mapping, search_index
from liaison_desk.storage.dialect import contains
from liaison_desk.storage.list_order import Text
from liaison_desk.storage.models import (
    GroupRow,
    PersonRow,
)
from liaison_desk.storage.repositories._common import page_rows, paged, upsert

_GROUP_COLS: tuple[str, ...] = (
    "name",
    "town",
    "short_name",
    "leader",
    "secretary",
    "secretary_phone",
)
_GROUP_COLS += ("fonds_code", "org_code")
PERSON_COLUMNS: tuple[str, ...] = (
    "group_id",
    "name",
    "category",
    "unit",
    "title",
    "phone",
    "id_card",
)
PERSON_COLUMNS += ("cppcc_level", "sector", "consent_to_publish", "consent_note")


# --- groups -------------------------------------------------------------------------------------


def group_from_row(row: GroupRow) -> LiaisonGroup:
    return mapping.to_domain(LiaisonGroup, row)


def list_groups(s: Session) -> list[LiaisonGroup]:
    rows = s.scalars(select(GroupRow).where(GroupRow.deleted_at.is_(None)).order_by(GroupRow.id))
    return [group_from_row(r) for r in rows]


def get_group(s: Session, group_id: int) -> LiaisonGroup | None:
    row = s.get(GroupRow, group_id)
    return group_from_row(row) if row else None


def save_group(s: Session, group: LiaisonGroup, now: datetime) -> LiaisonGroup:
    row = upsert(s, GroupRow, group, _GROUP_COLS, now)
    s.flush()
    return group_from_row(row)


# --- people -------------------------------------------------------------------------------------


def person_from_row(row: PersonRow) -> Person:
    return mapping.to_domain(Person, row)


def get_person(s: Session, person_id: int) -> Person | None:
    row = s.get(PersonRow, person_id)
    return person_from_row(row) if row else None


def save_person(s: Session, person: Person, now: datetime) -> Person:
    row = upsert(s, PersonRow, person, PERSON_COLUMNS, now)
    s.flush()
    return person_from_row(row)


def _people_where(s: Session, stmt: Any, f: PersonFilter) -> Any:
    stmt = stmt.where(PersonRow.deleted_at.is_(None))
    if f.group_id is not None:
        stmt = stmt.where(PersonRow.group_id == f.group_id)
    if f.category is not None:
        stmt = stmt.where(PersonRow.category == f.category.value)
    if f.text.strip():
        needle = f.text.strip()
        # "委员" or "群众" finds the people of that category too: the category is stored as a
        # code, so its Chinese label is matched here.
        categories = [c.value for c in ParticipantCategory if needle in c.label]
        substring = or_(
            *(
                contains(c, needle)
                for c in (
                    PersonRow.name,
                    PersonRow.unit,
                    PersonRow.title,
                    PersonRow.phone,
                    PersonRow.sector,
                )
            )
        )
        found = search_index.matches(s, "person", PersonRow.id, needle, substring)
        if categories:
            stmt = stmt.where(or_(found, PersonRow.category.in_(categories)))
        else:
            # Without the OR, the index's matches are looked up by id instead of every one
            # of 360k people being read to test the OR (460 ms at a district's scale).
            stmt = stmt.where(found)
    return stmt


PERSON_SORT = {
    "name": PersonRow.name,
    "category": PersonRow.category,
    "unit": PersonRow.unit,
    "title": PersonRow.title,
    "phone": PersonRow.phone,
    "cppcc_level": PersonRow.cppcc_level,
    "sector": PersonRow.sector,
    "consent": PersonRow.consent_to_publish,
    "group": PersonRow.group_id,
}


# Orders the database gives exactly as the lists sort: names by their stored pinyin key.
PERSON_SQL_SORT = {"name": PersonRow.name_sort_key}
# Every column of the roster: other text in the lists' order, categories, levels and groups
# by the order the list gives (``PageRequest.value_order``).
PERSON_LIST_SORT = {
    **PERSON_SQL_SORT,
    "category": PersonRow.category,
    "unit": Text(PersonRow.unit),
    "title": Text(PersonRow.title),
    "phone": Text(PersonRow.phone),
    "cppcc_level": PersonRow.cppcc_level,
    "sector": Text(PersonRow.sector),
    "consent": PersonRow.consent_to_publish,
    "group": PersonRow.group_id,
}


def _person_tiebreak(page: PageRequest) -> tuple[Any, ...]:
    # Equal names: the roster's order, reversed with them (one index serves both directions);
    # equal values of another column keep the roster's order, as a stable sort did.
    return (PersonRow.id.desc() if page.descending and page.order_by == "name" else PersonRow.id,)


def list_people(s: Session, f: PersonFilter, page: PageRequest) -> Page[Person]:
    """The people matching ``f``, by id, or by name in the lists' pinyin order (``order_by``
    "name"): then the database sorts them by ``name_sort_key`` and its index gives the first
    page of 360k people at once. Equal names keep the roster's order (by id); descending,
    the reverse of it, so the index serves both directions."""
    stmt = _people_where(s, select(PersonRow), f).order_by(PersonRow.id)
    needle = f.text.strip()
    total = None
    if (
        needle
        and f == PersonFilter(text=f.text)
        and not any(needle in c.label for c in ParticipantCategory)
    ):  # the search box alone: counted in the index
        binned = aliased(PersonRow)
        hidden = select(binned.id).where(binned.deleted_at.is_not(None))
        total = search_index.count_matches(s, "person", needle, hidden)
    tiebreak = _person_tiebreak(page)
    if total is None:
        rows, total = paged(s, stmt, page, PERSON_LIST_SORT, tiebreak)
    else:
        rows = page_rows(s, stmt, page, PERSON_LIST_SORT, tiebreak)
    return Page([person_from_row(r[0]) for r in rows], total)


def person_ids(s: Session, f: PersonFilter, page: PageRequest) -> list[int]:
    """The ids of the people ``list_people`` gives for ``f`` and ``page``, without the people
    (select-all and export of the whole roster)."""
    stmt = _people_where(s, select(PersonRow.id), f).order_by(PersonRow.id)
    return [r[0] for r in page_rows(s, stmt, page, PERSON_LIST_SORT, _person_tiebreak(page))]


def person_sort_values(s: Session, f: PersonFilter, column: str) -> list[tuple[int, Any]]:
    """(id, stored value of ``column``) of every person matching ``f``, by id: what a list
    sorting by a collation the database lacks (names in pinyin order) needs, without loading
    whole people. ``column`` is a key of ``PERSON_SORT``."""
    stmt = _people_where(s, select(PersonRow.id, PERSON_SORT[column]), f).order_by(PersonRow.id)
    found: list[tuple[int, Any]] = []
    for part in s.execute(stmt).partitions(5000):  # slices: the GUI thread gets the GIL back
        found.extend((r[0], r[1]) for r in part)
    return found


def people_by_ids(s: Session, ids: Sequence[int]) -> list[Person]:
    """The people of ``ids`` in that order (those gone since are left out)."""
    found: dict[int, Person] = {}
    for start in range(0, len(ids), 500):  # within any engine's limit of bound parameters
        chunk = list(ids[start : start + 500])
        for row in s.scalars(select(PersonRow).where(PersonRow.id.in_(chunk))):
            found[row.id] = person_from_row(row)
    return [found[i] for i in ids if i in found]


def people_named(s: Session, name: str) -> list[Person]:
    rows = s.scalars(
        select(PersonRow).where(PersonRow.name == name.strip(), PersonRow.deleted_at.is_(None))
    )
    return [person_from_row(r) for r in rows]


def all_people(s: Session, ids: set[int] | None = None) -> list[Person]:
    stmt = select(PersonRow)
    if ids is not None:
        stmt = stmt.where(PersonRow.id.in_(ids))
    return [person_from_row(r) for r in s.scalars(stmt)]
