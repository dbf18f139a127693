"""Entities to JSON-ready data and back.

One conversion serves the audit log (what changed), drafts of open forms, restoring an earlier
revision and the machine-readable part of submission packages: enums become their values, dates
ISO text, dataclasses dicts. ``from_data`` reads the same shape back into the dataclass, guided by
its type hints, so a draft written by one version of a form comes back as the same objects.
"""

from __future__ import annotations

import dataclasses
import enum
import types
import typing
from datetime import date, datetime, time
from functools import cache
from typing import Any, TypeVar, Union

T = TypeVar("T")


def to_data(value: Any) -> Any:
    """A value as JSON-ready data (dicts, lists, strings, numbers, booleans, None)."""
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, datetime | date | time):
        return value.isoformat()
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: to_data(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, list | tuple):
        return [to_data(v) for v in value]
    if isinstance(value, dict):
        return {str(k): to_data(v) for k, v in value.items()}
    return value


class DataError(ValueError):
    """Data that does not fit the dataclass (a damaged or foreign file)."""


def from_data(cls: type[T], data: Any) -> T:
    """The dataclass ``cls`` rebuilt from ``to_data`` output. Unknown keys are ignored and
    missing ones take the field's default, so data from an older version still loads."""
    result = _convert(cls, data, cls.__name__)
    return typing.cast(T, result)


@cache
def _hints(cls: type) -> dict[str, Any]:
    return typing.get_type_hints(cls)


def _convert(tp: Any, data: Any, where: str) -> Any:
    origin = typing.get_origin(tp)
    if origin is Union or isinstance(tp, types.UnionType):
        args = typing.get_args(tp)
        if data is None and type(None) in args:
            return None
        errors = []
        for arg in args:
            if arg is type(None):
                continue
            try:
                return _convert(arg, data, where)
            except (DataError, ValueError, TypeError) as exc:
                errors.append(str(exc))
        raise DataError(f"{where}: {'; '.join(errors)}")
    if origin in (list, tuple):
        (item,) = typing.get_args(tp)[:1] or (Any,)
        if not isinstance(data, list):
            raise DataError(f"{where}: expected a list")
        return [_convert(item, v, f"{where}[{i}]") for i, v in enumerate(data)]
    if origin is dict:
        _key, item = typing.get_args(tp) or (str, Any)
        if not isinstance(data, dict):
            raise DataError(f"{where}: expected an object")
        return {str(k): _convert(item, v, f"{where}.{k}") for k, v in data.items()}
    if tp is Any or tp is object:
        return data
    if isinstance(tp, type) and dataclasses.is_dataclass(tp):
        if not isinstance(data, dict):
            raise DataError(f"{where}: expected an object")
        hints = _hints(tp)
        kwargs = {}
        for f in dataclasses.fields(tp):
            if f.name in data:
                kwargs[f.name] = _convert(hints[f.name], data[f.name], f"{where}.{f.name}")
            elif f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING:
                raise DataError(f"{where}: {f.name} is missing")
        return tp(**kwargs)
    if isinstance(tp, type) and issubclass(tp, enum.Enum):
        return tp(data)
    if tp is datetime:
        return datetime.fromisoformat(_text(data, where))
    if tp is date:
        return date.fromisoformat(_text(data, where))
    if tp is time:
        return time.fromisoformat(_text(data, where))
    if tp is bool:
        if not isinstance(data, bool):
            raise DataError(f"{where}: expected true or false")
        return data
    if tp is int:
        if isinstance(data, bool) or not isinstance(data, int):
            raise DataError(f"{where}: expected a whole number")
        return data
    if tp is float:
        if isinstance(data, bool) or not isinstance(data, int | float):
            raise DataError(f"{where}: expected a number")
        return float(data)
    if tp is str:
        if not isinstance(data, str):
            raise DataError(f"{where}: expected text")
        return data
    return data


def _text(data: Any, where: str) -> str:
    if not isinstance(data, str):
        raise DataError(f"{where}: expected ISO text")
    return data
