"""The settings table: key → JSON value."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from liaison_desk.storage.models import SettingRow

# --- settings -----------------------------------------------------------------------------------

# The row holding the version of the stored settings (config.SETTINGS_VERSION when written).
SETTINGS_VERSION_KEY = "_version"


def get_settings(s: Session) -> dict[str, Any]:
    """Every row of the ``settings`` table as key → value, ``_version`` and unknown keys included;
    services.settings checks them against the declarations in config."""
    return {row.key: row.value for row in s.scalars(select(SettingRow).order_by(SettingRow.key))}


def put_settings(s: Session, values: dict[str, Any]) -> None:
    """Insert or replace one row per key (JSON values; None is stored as JSON null)."""
    for key, value in values.items():
        row = s.get(SettingRow, key)
        if row is None:
            s.add(SettingRow(key=key, value=value))
        else:
            row.value = value
    s.flush()
