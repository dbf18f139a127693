"""Between rows and domain objects. Fields with the same name are copied; enums travel as their
code. Domain objects handed out are plain dataclasses, never attached to a session."""

from __future__ import annotations

import dataclasses
import enum
import functools
import types
import typing
from datetime import date
from typing import Any, TypeVar, cast

from liaison_desk.domain.entities import (
    ChecklistStep,
    HeadCount,
    Participant,
    Speech,
)
from liaison_desk.domain.enums import ParticipantCategory
from liaison_desk.domain.serialization import to_data

T = TypeVar("T")


@functools.cache
def _enum_fields(cls: Any) -> dict[str, type[enum.Enum]]:
    """Fields of a dataclass whose type is an enum (or enum | None)."""
    result: dict[str, type[enum.Enum]] = {}
    for name, hint in typing.get_type_hints(cls).items():
        candidates = typing.get_args(hint) if isinstance(hint, types.UnionType) else (hint,)
        for c in candidates:
            if isinstance(c, type) and issubclass(c, enum.Enum):
                result[name] = c
    return result


def to_domain(cls: type[T], row: Any, **overrides: Any) -> T:
    """Build ``cls`` from the row's columns of the same names (children passed in overrides)."""
    enums = _enum_fields(cast(Any, cls))
    values: dict[str, Any] = {}
    for f in dataclasses.fields(cls):  # type: ignore[arg-type]
        if f.name in overrides:
            values[f.name] = overrides[f.name]
        elif hasattr(row, f.name):
            value = getattr(row, f.name)
            if f.name in enums and value is not None:
                value = enums[f.name](value)
            values[f.name] = value
    return cls(**values)


def column_values(obj: Any, columns: typing.Iterable[str]) -> dict[str, Any]:
    """The object's values for the given columns, enums as their code."""
    out: dict[str, Any] = {}
    for name in columns:
        if not hasattr(obj, name):
            continue
        value = getattr(obj, name)
        if isinstance(value, enum.Enum):
            value = value.value
        out[name] = value
    return out


def apply(row: Any, obj: Any, columns: typing.Iterable[str]) -> None:
    for name, value in column_values(obj, columns).items():
        setattr(row, name, value)


# --- JSON columns -------------------------------------------------------------------------------


def head_counts_to_json(items: list[HeadCount]) -> list[dict[str, Any]]:
    return [{"category": h.category.value, "count": h.count} for h in items]


def head_counts_from_json(data: list[Any] | None) -> list[HeadCount]:
    return [
        HeadCount(category=ParticipantCategory(d["category"]), count=int(d["count"]))
        for d in data or []
    ]


def checklist_to_json(steps: list[ChecklistStep]) -> list[dict[str, Any]]:
    return [
        {
            "name": s.name,
            "done": s.done,
            "done_on": s.done_on.isoformat() if s.done_on else None,
            "note": s.note,
        }
        for s in steps
    ]


def checklist_from_json(data: list[Any] | None) -> list[ChecklistStep]:
    return [
        ChecklistStep(
            name=d["name"],
            done=bool(d.get("done")),
            done_on=date.fromisoformat(d["done_on"]) if d.get("done_on") else None,
            note=d.get("note", ""),
        )
        for d in data or []
    ]


def participant_from_row(row: Any) -> Participant:
    return to_domain(Participant, row)


def speech_from_row(row: Any) -> Speech:
    return to_domain(Speech, row)


# Audit entries and packages write values the way drafts and revisions read them back.
jsonable = to_data
