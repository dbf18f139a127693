"""Liaison groups and the people on their rosters."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

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
from liaison_desk.storage.models import (
    GroupRow,
    PersonRow,
)
from liaison_desk.storage.repositories._common import paged, upsert

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


def list_people(s: Session, f: PersonFilter, page: PageRequest) -> Page[Person]:
    stmt = select(PersonRow).where(PersonRow.deleted_at.is_(None)).order_by(PersonRow.id)
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
        stmt = stmt.where(
            or_(
                search_index.matches(s, "person", PersonRow.id, needle, substring),
                PersonRow.category.in_(categories),
            )
        )
    cols = {"name": PersonRow.name, "category": PersonRow.category, "unit": PersonRow.unit}
    rows, total = paged(s, stmt, page, cols)
    return Page([person_from_row(r[0]) for r in rows], total)


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
