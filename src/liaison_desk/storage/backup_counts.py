"""How many records a SQLite database file holds, for a backup's manifest and the list of
backups (so a person can tell a good backup from the one made just after a bad import)."""

from __future__ import annotations

import logging
import sqlite3
from pathlib import Path

log = logging.getLogger(__name__)

#: Table → the key in the manifest's "counts"; records in the recycle bin are not counted.
COUNTED_TABLES: dict[str, str] = {
    "consultations": "consultations",
    "outcome_items": "outcome_items",
    "cases": "cases",
    "people": "people",
    "attachments": "attachments",
}


def record_counts(path: Path) -> dict[str, int]:
    """Records (not in the recycle bin) per kind in the SQLite file ``path``, read-only; an
    empty dict when the file cannot be read (a count is information, never a reason to fail)."""
    try:
        conn = sqlite3.connect(f"{Path(path).resolve().as_uri()}?mode=ro&immutable=1", uri=True)
    except sqlite3.Error:
        return {}
    try:
        counts: dict[str, int] = {}
        for table, key in COUNTED_TABLES.items():
            row = conn.execute(f"SELECT count(*) FROM {table} WHERE deleted_at IS NULL").fetchone()
            counts[key] = int(row[0])
        return counts
    except sqlite3.Error as exc:
        log.warning("could not count the records of %s: %s", path, exc)
        return {}
    finally:
        conn.close()
