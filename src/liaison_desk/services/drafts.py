"""Drafts of open forms, kept so that a crash or a power cut loses no typing.

A form hands its whole unsaved record to ``keep`` every 30 seconds and whenever the focus moves;
on the next start ``pending`` lists what was never saved or discarded, and ``load`` gives the
record back. Drafts live in the user's data folder (not beside a shared database), one JSON file
per record, in a folder of their own for each database so two databases never mix. Each file is
written to a temporary name and renamed, so a draft is either the old one or the new one.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import tempfile
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from liaison_desk import config
from liaison_desk.domain.entities import Case, Consultation
from liaison_desk.domain.serialization import DataError, from_data, to_data
from liaison_desk.services.base import ServiceContext
from liaison_desk.services.errors import DraftDamagedError

log = logging.getLogger(__name__)

FORMAT_VERSION = 1
#: A draft is one record as JSON: a consultation with long minutes and 100 participants is some
#: 100 KB. A bigger file is not a draft this app wrote; it is set aside unread.
MAX_DRAFT_SIZE = 16 * 1024 * 1024
# The kinds of record a draft can hold, with the class it is read back into.
_KINDS: dict[str, type[Consultation] | type[Case]] = {
    "consultation": Consultation,
    "case": Case,
}


@dataclass(frozen=True)
class DraftInfo:
    kind: str  # "consultation" or "case"
    key: str  # the record's UUID
    record_id: int | None  # None for a record never saved
    title: str  # what the offer to restore shows
    saved_at: datetime
    path: Path


class DraftService:
    def __init__(self, ctx: ServiceContext, folder: Path | None = None) -> None:
        self.ctx = ctx
        self._folder = folder

    @property
    def folder(self) -> Path:
        if self._folder is None:
            # One folder per database: the URL names it (a file path or a server address).
            digest = hashlib.sha256(self.ctx.db.url.encode("utf-8")).hexdigest()[:16]
            self._folder = config.data_dir() / "drafts" / digest
        return self._folder

    def _path(self, kind: str, key: str) -> Path:
        if kind not in _KINDS:
            raise ValueError(f"unknown draft kind {kind!r}")
        # The key is a UUID we made; anything else must not become a path outside the folder.
        safe = "".join(ch for ch in key if ch.isalnum() or ch == "-")
        return self.folder / f"{kind}-{safe}.json"

    def keep(self, kind: str, record: Consultation | Case, title: str) -> None:
        """Write the draft of ``record`` (replacing the previous one of the same record)."""
        path = self._path(kind, record.uuid)
        payload = {
            "format": FORMAT_VERSION,
            "kind": kind,
            "title": title,
            "saved_at": self.ctx.now().isoformat(),
            "record": to_data(record),
        }
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".draft-", suffix=".tmp", dir=path.parent)
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as f:
                json.dump(payload, f, ensure_ascii=False)
                f.flush()
                os.fsync(f.fileno())
            os.replace(tmp, path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise

    def pending(self, kind: str | None = None) -> list[DraftInfo]:
        """Drafts not yet saved or discarded, newest first. A file that is too big, not JSON or
        not of a draft's shape is set aside (renamed ``*.damaged``, logged), never an error: the
        offer must not stop the app from starting."""
        try:
            paths = sorted(self.folder.glob("*.json")) if self.folder.is_dir() else []
        except OSError as exc:
            log.warning("cannot list drafts in %s: %s", self.folder, exc)
            return []
        found: list[DraftInfo] = []
        for path in paths:
            try:
                payload = _read(path)
                record = payload["record"]
                record_id = record.get("id")
                info = DraftInfo(
                    kind=payload["kind"],
                    key=record["uuid"],
                    record_id=record_id if isinstance(record_id, int) else None,
                    title=str(payload.get("title", ""))[:200],
                    saved_at=datetime.fromisoformat(payload["saved_at"]),
                    path=path,
                )
            except (_Unreadable, ValueError) as exc:
                _set_aside(path, str(exc))
                continue
            if kind is None or info.kind == kind:
                found.append(info)
        return sorted(found, key=lambda d: d.saved_at, reverse=True)

    def load(self, info: DraftInfo) -> Any:
        """The record as it was when the draft was kept (Consultation or Case by its kind)."""
        try:
            payload = _read(info.path)
            return from_data(_KINDS[info.kind], payload["record"])
        except (_Unreadable, DataError, KeyError, ValueError, TypeError, RecursionError) as exc:
            raise DraftDamagedError(
                f"草稿「{info.title}」已损坏，无法恢复（{exc}）。可以丢弃它。"
            ) from exc

    def discard(self, kind: str, key: str) -> None:
        self._path(kind, key).unlink(missing_ok=True)


class _Unreadable(Exception):
    """A draft file that is not a draft (the message says why, for the log)."""


def _read(path: Path) -> dict[str, Any]:
    """A draft file's JSON, checked for the shape every draft has, within MAX_DRAFT_SIZE."""
    try:
        with path.open("rb") as fh:
            data = fh.read(MAX_DRAFT_SIZE + 1)
    except OSError as exc:
        raise _Unreadable(f"cannot read: {exc}") from exc
    if len(data) > MAX_DRAFT_SIZE:
        raise _Unreadable(f"larger than {MAX_DRAFT_SIZE} bytes")
    try:
        payload = json.loads(data.decode("utf-8"))
    except (ValueError, RecursionError) as exc:
        raise _Unreadable(f"not JSON: {type(exc).__name__}: {str(exc)[:100]}") from exc
    if not isinstance(payload, dict):
        raise _Unreadable("not a JSON object")
    kind = payload.get("kind")
    if not isinstance(kind, str) or kind not in _KINDS:
        raise _Unreadable(f"unknown kind {str(payload.get('kind'))[:40]!r}")
    record = payload.get("record")
    if not isinstance(record, dict) or not isinstance(record.get("uuid"), str):
        raise _Unreadable("no record with a uuid")
    if not isinstance(payload.get("saved_at"), str):
        raise _Unreadable("no saved_at")
    return payload


def _set_aside(path: Path, reason: str) -> None:
    """Rename a damaged draft so it is neither offered nor read again (kept for a technician)."""
    log.warning("setting aside damaged draft %s: %s", path, reason)
    try:
        os.replace(path, path.with_name(f"{path.name}.damaged"))
    except OSError as exc:
        log.warning("cannot set aside draft %s: %s", path, exc)
