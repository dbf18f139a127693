"""The text of records as the search index sees it (for the snippets of one search over
everything)."""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy.orm import Session

from liaison_desk.storage import search_index


def record_texts(s: Session, kind: str, ids: Iterable[int]) -> dict[int, list[str]]:
    """Each record's searched text fields, in the order the index reads them."""
    return search_index.source_fields(s.connection(), kind, sorted(set(ids)))
