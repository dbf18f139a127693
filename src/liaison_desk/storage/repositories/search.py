"""The text of records as the search index sees it (for the snippets of one search over
everything)."""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from liaison_desk.domain.entities import ParticipantCategory, Person
from liaison_desk.storage import search_index
from liaison_desk.storage.models import CaseRow, PersonRow
from liaison_desk.storage.repositories.consultations import (
    hidden_consultations,
    hidden_outcome_items,
)
from liaison_desk.storage.repositories.groups_people import people_by_ids


def record_texts(s: Session, kind: str, ids: Iterable[int]) -> dict[int, list[str]]:
    """Each record's searched text fields, in the order the index reads them."""
    return search_index.source_fields(s.connection(), kind, sorted(set(ids)))


@cache  # built once: a statement built anew each time costs a compile
def _hidden() -> dict[str, Any]:
    """The ids each kind's list leaves out (the recycle bin)."""
    return {
        "consultation": hidden_consultations(),
        "outcome_item": hidden_outcome_items(),
        "case": select(CaseRow.id).where(CaseRow.deleted_at.is_not(None)),
        "person": select(PersonRow.id).where(PersonRow.deleted_at.is_not(None)),
    }


def count_everywhere(s: Session, needle: str) -> dict[str, int] | None:
    """How many records of each kind the lists' search boxes find for ``needle``, in one pass
    over the index; None where the index does not answer by itself (count each list then).
    People: not when ``needle`` is in a category's name ("委员" finds members by category)."""
    if any(needle in c.label for c in ParticipantCategory):
        return None
    return search_index.count_kinds(s, needle, _hidden())


def first_people(s: Session, needle: str, limit: int) -> list[Person] | None:
    """The first ``limit`` people (by id) the people search finds for ``needle``, the index
    stopping at the last of them; None where it cannot answer alone (count-style fallback to
    the people list)."""
    if any(needle in c.label for c in ParticipantCategory):
        return None
    ids = search_index.first_ids(s, "person", needle, limit, _hidden()["person"])
    if ids is None:
        return None
    return sorted(people_by_ids(s, ids), key=lambda p: p.id or 0)
