"""The text-search index: substring search over every record's text without scanning it.

Chinese has no spaces to split words on, so the index holds characters: every single character
of a record's text and every pair of neighbouring characters (a bigram) within one field. A
needle of one character is found through its character; a longer one through its bigrams, in
order. The answer must be exactly what the substring match (``dialect.contains``: LIKE on
SQLite, ILIKE on PostgreSQL) gives, on each engine:

- SQLite: an FTS5 table (contentless, so the text is not stored twice in it) whose tokens are
  the hexadecimal code points of the characters and bigrams; a needle is a phrase of its bigrams.
  The text is folded as SQLite's LIKE folds it (ASCII letters only), so the phrase match is the
  substring match itself: no second look at the rows is needed.
- PostgreSQL: an array of the distinct characters and bigrams with a GIN index; a record holding
  all of a needle's bigrams is a candidate, and ILIKE then checks the candidates only. The
  folding here is coarser than any ILIKE's (case pairs of every script), so no match is missed.

The index is kept in ``search_docs`` (kind, record id, the folded fields as JSON — what was
indexed, needed to take a record's tokens out of FTS5 again and for ``check``) plus the engine's
structure. It is kept up to date in one place: the ORM session events installed by ``watch``
(every save, delete and purge through a session), and rebuilt whole by ``rebuild`` (the
migration that created it, ``check --rebuild-search``, bulk builders that bypass the ORM).
"""

from __future__ import annotations

import json
import logging
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from itertools import pairwise
from typing import Any, cast

from sqlalchemy import (
    ColumnElement,
    Connection,
    Table,
    and_,
    bindparam,
    column,
    delete,
    exists,
    false,
    func,
    literal_column,
    select,
    table,
    text,
    union_all,
)
from sqlalchemy.orm import Session, sessionmaker

from liaison_desk.progress import Progress
from liaison_desk.storage.models import (
    CaseRow,
    ConsultationRow,
    OutcomeItemRow,
    ParticipantRow,
    PersonRow,
    SearchDocRow,
    SpeechRow,
)

log = logging.getLogger(__name__)

#: The kinds of record the index holds, with the code stored for each.
KINDS: dict[str, int] = {"consultation": 1, "outcome_item": 2, "case": 3, "person": 4}

#: The FTS5 table on SQLite and its shadow tables (not part of the models' schema).
FTS_TABLE = "search_fts"
ENGINE_TABLES = frozenset({FTS_TABLE, *(f"{FTS_TABLE}_{s}" for s in ("data", "idx", "config"))})
#: The GIN index over ``search_docs.terms`` on PostgreSQL.
PG_TERMS_INDEX = "ix_search_docs_terms"

_CHUNK = 500
_BARRIER = "z"  # between fields in the bigram column: never a bigram token (no hex digit)
_RECORDS: dict[str, Any] = {
    "consultation": ConsultationRow,
    "outcome_item": OutcomeItemRow,
    "case": CaseRow,
    "person": PersonRow,
}


def is_engine_structure(name: str | None) -> bool:
    """A table or index of the index that the engine builds, not the models (for schema checks)."""
    return name in ENGINE_TABLES or name == PG_TERMS_INDEX


# --- folding and tokens --------------------------------------------------------------------------


_ASCII_LOWER = {c: c + 32 for c in range(ord("A"), ord("Z") + 1)}


def _sqlite_fold(value: str) -> str:
    # SQLite's LIKE (and lower()) fold ASCII letters only, and stop at a NUL character.
    return value.split("\0", 1)[0].translate(_ASCII_LOWER)


_FOLDS: dict[str, str] = {}


def _server_char(c: str) -> str:
    folded = _FOLDS.get(c)
    if folded is None:
        # Simple case mapping of upper then lower: ς and σ, ſ and s, K (Kelvin) and k all come
        # together, so ILIKE's folding under any collation is at most as fine as this one.
        upper = c.upper()
        lower = (upper if len(upper) == 1 else c).lower()
        folded = lower[0] if lower else c
        _FOLDS[c] = folded
    return folded


def _server_fold(value: str) -> str:
    return "".join(_server_char(c) for c in value)


def fold(value: str, engine: str) -> str:
    return _sqlite_fold(value) if engine == "sqlite" else _server_fold(value)


class _HexOf(dict[str, str]):
    """A character's token (its code point in hex), computed once per character: building the
    index of 100k records asks for tens of millions of them, from a few thousand characters."""

    def __missing__(self, c: str) -> str:
        token = self[c] = format(ord(c), "x")
        return token


_HEX_OF = _HexOf()


def _hex(c: str) -> str:
    return _HEX_OF[c]


def fts_tokens(fields: Sequence[str]) -> tuple[str, str]:
    """The two FTS5 columns of folded ``fields``: distinct characters, and the bigrams of each
    field in order with a barrier between fields (a phrase never spans two fields)."""
    chars: set[str] = set()
    bigrams: list[str] = []
    for f in fields:
        tokens = list(map(_HEX_OF.__getitem__, f))
        chars.update(tokens)
        if len(tokens) < 2:
            continue
        if bigrams:
            bigrams.append(_BARRIER)
        bigrams.extend([f"{a}x{b}" for a, b in pairwise(tokens)])
    return " ".join(sorted(chars)), " ".join(bigrams)


def server_terms(fields: Sequence[str]) -> list[str]:
    """The distinct characters and bigrams of folded ``fields`` (PostgreSQL's array)."""
    terms = {c for f in fields for c in f}
    terms.update(f[i : i + 2] for f in fields for i in range(len(f) - 1))
    return sorted(terms)


def needle_terms(needle: str, engine: str) -> list[str]:
    """The terms a record must hold to contain ``needle`` (already folded)."""
    if len(needle) == 1:
        return [needle]
    return [needle[i : i + 2] for i in range(len(needle) - 1)]


def fts_query(needle: str) -> str:
    """The FTS5 query of a folded needle: its character, or the phrase of its bigrams."""
    if len(needle) == 1:
        return f'uni : "{_hex(needle)}"'
    bigrams = " ".join(f"{_hex(a)}x{_hex(b)}" for a, b in pairwise(needle))
    return f'bi : "{bigrams}"'


# --- what each kind of record contributes -------------------------------------------------------


def _text(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, str):
        return value
    return str(value)  # only strings are stored in practice; anything else as its text


def source_fields(conn: Connection, kind: str, ids: Sequence[int]) -> dict[int, list[str]]:
    """The raw text of each record of ``kind`` in ``ids`` (missing ones left out), field by
    field, exactly the columns the list searches match (storage/repositories)."""
    result: dict[int, list[str]] = {}
    if not ids:
        return result
    if kind == "consultation":
        c = ConsultationRow
        cols = (c.number, c.title, c.venue, c.host, c.recorder, c.minutes, c.consensus)
        for crow in conn.execute(select(c.id, *cols).where(c.id.in_(ids))):
            result[crow[0]] = [v for v in (_text(x) for x in crow[1:]) if v is not None]
        names = select(ParticipantRow.consultation_id, ParticipantRow.name).where(
            ParticipantRow.consultation_id.in_(ids)
        )
        for cid, name in conn.execute(names.order_by(ParticipantRow.id)):
            if cid in result and name is not None:
                result[cid].append(name)
        said = select(SpeechRow.consultation_id, SpeechRow.speaker, SpeechRow.content).where(
            SpeechRow.consultation_id.in_(ids)
        )
        for cid, speaker, content in conn.execute(said.order_by(SpeechRow.id)):
            if cid in result:
                result[cid].extend(v for v in (speaker, content) if v is not None)
    elif kind == "outcome_item":
        o = OutcomeItemRow
        stmt = (
            select(
                o.id, o.content, o.responsible_body, o.responsible_person, ConsultationRow.number
            )
            .outerjoin(ConsultationRow, ConsultationRow.id == o.consultation_id)
            .where(o.id.in_(ids))
        )
        for orow in conn.execute(stmt):
            result[orow[0]] = [v for v in (_text(x) for x in orow[1:]) if v is not None]
    elif kind == "case":
        from liaison_desk.domain.entities import CASE_SECTIONS

        cases = select(
            CaseRow.id, CaseRow.title, CaseRow.subtitle, CaseRow.archive_number, CaseRow.sections
        ).where(CaseRow.id.in_(ids))
        for case in conn.execute(cases):
            sections: dict[str, Any] = case[4] if isinstance(case[4], dict) else {}
            values = [case[1], case[2], case[3], *(sections.get(key) for key, _ in CASE_SECTIONS)]
            result[case[0]] = [v for v in (_text(x) for x in values) if v is not None]
    elif kind == "person":
        p = PersonRow
        people = select(p.id, p.name, p.unit, p.title, p.phone, p.sector).where(p.id.in_(ids))
        for prow in conn.execute(people):
            result[prow[0]] = [v for v in (_text(x) for x in prow[1:]) if v is not None]
    else:  # pragma: no cover - a programming error
        raise ValueError(kind)
    return result


def _body(fields: Iterable[str], engine: str) -> str:
    folded = [f for f in (fold(x, engine) for x in fields) if f]
    return json.dumps(folded, ensure_ascii=False, separators=(",", ":"))


# --- writing -------------------------------------------------------------------------------------

_docs = cast(Table, SearchDocRow.__table__)
_fts = table(FTS_TABLE, column("rowid"), column("uni"), column("bi"), column(FTS_TABLE))


def _rowid(kind: str, record_id: int) -> int:
    return record_id * 8 + KINDS[kind]


def _engine(conn: Connection) -> str:
    return conn.dialect.name


def _pg_terms_column() -> Any:
    from sqlalchemy.dialects.postgresql import ARRAY
    from sqlalchemy.types import Text

    return column("terms", ARRAY(Text))


def _remove(conn: Connection, kind: str, stored: dict[int, str]) -> None:
    """Take records out of the index (their stored bodies say what was indexed)."""
    if not stored:
        return
    if _engine(conn) == "sqlite":
        rows = []
        for record_id, body in stored.items():
            uni, bi = fts_tokens(json.loads(body))
            rows.append({"r": _rowid(kind, record_id), "u": uni, "b": bi})
        conn.execute(
            text(
                f"INSERT INTO {FTS_TABLE}({FTS_TABLE}, rowid, uni, bi) VALUES('delete', :r, :u, :b)"
            ),
            rows,
        )
    ids = list(stored)
    for start in range(0, len(ids), _CHUNK):
        conn.execute(
            delete(_docs).where(
                _docs.c.kind == KINDS[kind], _docs.c.record_id.in_(ids[start : start + _CHUNK])
            )
        )


def _add(conn: Connection, kind: str, bodies: dict[int, str]) -> None:
    if not bodies:
        return
    engine = _engine(conn)
    rows: list[dict[str, Any]] = [
        {"kind": KINDS[kind], "record_id": i, "body": b} for i, b in bodies.items()
    ]
    if engine == "sqlite":
        conn.execute(_docs.insert(), rows)
        fts_rows = []
        for record_id, body in bodies.items():
            uni, bi = fts_tokens(json.loads(body))
            fts_rows.append({"r": _rowid(kind, record_id), "u": uni, "b": bi})
        conn.execute(text(f"INSERT INTO {FTS_TABLE}(rowid, uni, bi) VALUES(:r, :u, :b)"), fts_rows)
    else:
        for row in rows:
            row["terms"] = server_terms(json.loads(row["body"]))
        docs = table(
            "search_docs", column("kind"), column("record_id"), column("body"), _pg_terms_column()
        )
        conn.execute(docs.insert(), rows)


def _stored(conn: Connection, kind: str, ids: Sequence[int]) -> dict[int, str]:
    out: dict[int, str] = {}
    for start in range(0, len(ids), _CHUNK):
        stmt = select(_docs.c.record_id, _docs.c.body).where(
            _docs.c.kind == KINDS[kind], _docs.c.record_id.in_(ids[start : start + _CHUNK])
        )
        out.update({r: b for r, b in conn.execute(stmt)})
    return out


def reindex(conn: Connection, kind: str, ids: Iterable[int]) -> None:
    """Bring the index of these records up to date (a purged record leaves it)."""
    wanted = sorted(set(ids))
    engine = _engine(conn)
    for start in range(0, len(wanted), _CHUNK):
        chunk = wanted[start : start + _CHUNK]
        bodies = {i: _body(f, engine) for i, f in source_fields(conn, kind, chunk).items()}
        stored = _stored(conn, kind, chunk)
        stale = {i: b for i, b in stored.items() if bodies.get(i) != b}
        _remove(conn, kind, stale)
        _add(conn, kind, {i: b for i, b in bodies.items() if stored.get(i) != b})


def _all_ids(conn: Connection, kind: str) -> list[int]:
    record = _RECORDS[kind]
    return list(conn.execute(select(record.id).order_by(record.id)).scalars())


def clear(conn: Connection) -> None:
    if _engine(conn) == "sqlite":
        conn.execute(text(f"INSERT INTO {FTS_TABLE}({FTS_TABLE}) VALUES('delete-all')"))
    conn.execute(delete(_docs))


def rebuild(conn: Connection, progress: Progress | None = None) -> int:
    """Build the whole index again from the records; returns how many records it holds.
    ``progress(done, total, message)`` between chunks (a cancel raises out of it)."""
    clear(conn)
    engine = _engine(conn)
    ids = {kind: _all_ids(conn, kind) for kind in KINDS}
    total = sum(len(v) for v in ids.values())
    done = 0
    if progress is not None:
        progress(0, total, "正在建立搜索索引")
    for kind, kind_ids in ids.items():
        for start in range(0, len(kind_ids), _CHUNK):
            chunk = kind_ids[start : start + _CHUNK]
            fields = source_fields(conn, kind, chunk)
            _add(conn, kind, {i: _body(f, engine) for i, f in fields.items()})
            done += len(chunk)
            if progress is not None:
                progress(done, total, "正在建立搜索索引")
    log.info("search index rebuilt: %d records", total)
    return total


# --- the engine's structures (the migration creates them) ----------------------------------------


def create_structures(conn: Connection) -> None:
    if _engine(conn) == "sqlite":
        conn.exec_driver_sql(
            f"CREATE VIRTUAL TABLE {FTS_TABLE} USING fts5(uni, bi, content='', "
            "columnsize=0, tokenize='ascii', detail=full)"
        )
    else:
        conn.exec_driver_sql("ALTER TABLE search_docs ADD COLUMN terms text[]")
        conn.exec_driver_sql(f"CREATE INDEX {PG_TERMS_INDEX} ON search_docs USING gin (terms)")


def drop_structures(conn: Connection) -> None:
    if _engine(conn) == "sqlite":
        conn.exec_driver_sql(f"DROP TABLE IF EXISTS {FTS_TABLE}")
    else:
        conn.exec_driver_sql(f"DROP INDEX IF EXISTS {PG_TERMS_INDEX}")


# --- searching -----------------------------------------------------------------------------------

_SCANNING: ContextVar[bool] = ContextVar("search_index_scanning", default=False)


@contextmanager
def scanning() -> Iterator[None]:
    """Searches within this block (this thread) scan the text instead of asking the index: the
    substring match the index must agree with, for the property test and the benchmarks."""
    token = _SCANNING.set(True)
    try:
        yield
    finally:
        _SCANNING.reset(token)


# From how many matches a first page is found faster by walking the list's sort order and
# keeping the matches (stopping at a page's worth) than by looking up and sorting every match:
# at 100k consultations a common word matches 30k of them (120 ms to sort, 15 ms to walk).
WALK_FROM = 2000


#: How a first page is found by walking the list's sort order (``walks_sort_order``): the
#: matches' ids gathered from the index once, each record walked past looked up among them; or
#: the index asked about each record walked past (a probe), nothing gathered.
WALK_IDS = "ids"
WALK_PROBE = "probe"

# A probe costs about as much as gathering this many matches' ids (a 4-character phrase at
# 100k consultations: 70–100 µs a probe; 30 ms to gather its 32k matches into a lookup table).
PROBE_COST = 90
# Up to this many probes the walk costs a few ms at most, less than one pass over a common
# phrase's matches in the index, whatever their number.
PROBE_FEW = 64


def walks_sort_order(
    s: Session, needle: str, matched: int, wanted: int | None = None, rows: int | None = None
) -> str | None:
    """Whether, and how (``WALK_IDS``, ``WALK_PROBE``), the first page of ``matched`` records
    containing ``needle`` should be found by walking the sort order's index (SQLite; see
    ``matches`` and ``not_deleted``); None: look the matches up and sort them. With the page's
    end ``wanted`` and about how many ``rows`` the walk passes over in all, the walk passes
    about ``wanted * rows / matched`` rows: probing each costs less than gathering every match
    when ``matched`` is a large part of ``rows``, and walking less than sorting the matches
    when the walk is shorter than the matches."""
    if s.get_bind().dialect.name != "sqlite" or _SCANNING.get() or "\0" in needle:
        return None
    if wanted and rows:
        walked = rows if matched <= wanted else wanted * rows // matched
        # Few probes (a short walk, or a small table such as the cases), or fewer than the
        # matches to gather, weighed by what each costs.
        if walked <= PROBE_FEW or walked * PROBE_COST <= matched:
            return WALK_PROBE
        if walked <= matched:
            return WALK_IDS
    return WALK_IDS if matched >= WALK_FROM else None


def table_rows(s: Session, id_column: Any) -> int:
    """About how many rows a table has: its largest id (one step down its primary key)."""
    return int(s.scalar(select(func.max(id_column))) or 0)


def not_deleted(deleted_at: Any, walk: str | bool | None) -> ColumnElement[bool]:
    """``deleted_at IS NULL``; with ``walk``, in a form SQLite's planner cannot answer from the
    deleted_at index, so that it walks the sort order's index instead."""
    if walk:
        result: ColumnElement[bool] = func.coalesce(deleted_at, None).is_(None)
        return result
    return cast("ColumnElement[bool]", deleted_at.is_(None))


def matches(
    s: Session,
    kind: str,
    id_column: Any,
    needle: str,
    substring: ColumnElement[bool],
    *,
    walk: str | None = None,
) -> ColumnElement[bool]:
    """``substring`` (the substring match of ``needle`` over the record's text columns),
    answered through the index: the same records, without reading every row's text. With
    ``walk`` (``walks_sort_order``), the records are kept while SQLite walks the list's sort
    order, instead of being looked up one by one and sorted."""
    engine = s.get_bind().dialect.name
    if "\0" in needle or _SCANNING.get():  # LIKE stops at NUL: the scan answers as it does
        return substring
    folded = fold(needle, engine)
    if not folded:
        return substring
    if engine == "sqlite":
        if walk == WALK_PROBE and not _has_ascii(folded):
            # Asked about this one record: its indexed text (the folded fields as JSON) holds
            # the needle. Exact for a needle without ASCII characters: JSON writes other
            # characters as they are and everything it adds (quotes, commas, escapes) in
            # ASCII, so such a needle is found only within one field's own text. 20× cheaper
            # than asking FTS5 (0.7 ms against 17 ms for the first page of 协商驿站).
            in_text: ColumnElement[bool] = exists().where(
                _docs.c.kind == KINDS[kind],
                _docs.c.record_id == id_column,
                func.instr(_docs.c.body, bindparam("probe_needle", folded)) > 0,
            )
            return in_text
        if walk == WALK_PROBE:
            # Asked about this one record: FTS5 seeks its rowid in the phrase's doclists.
            probed = (
                exists()
                .select_from(_fts)
                .where(
                    literal_column(FTS_TABLE).op("MATCH")(bindparam("fts_q", fts_query(folded))),
                    _fts.c.rowid == id_column * 8 + KINDS[kind],
                )
            )
            return probed
        candidates = _fts_candidates(kind, folded)
        # "+ 0": the same ids, but not a constraint the planner would look up row by row.
        tested = id_column + 0 if walk else id_column
        result: ColumnElement[bool] = tested.in_(candidates)
        return result
    terms = needle_terms(folded, engine)
    if not terms:
        return false()
    terms_column = _pg_terms_column()
    docs = table("search_docs", column("kind"), column("record_id"), terms_column)
    wanted = bindparam("search_terms", sorted(set(terms)), type_=terms_column.type)
    candidates = select(docs.c.record_id).where(
        docs.c.kind == KINDS[kind], docs.c.terms.contains(wanted)
    )
    return and_(id_column.in_(candidates), substring)


def _has_ascii(text: str) -> bool:
    return any(c < "\x80" for c in text)


def _fts_candidates(kind: str, folded: str) -> Any:
    """The ids of the records of ``kind`` whose indexed text holds ``folded`` (SQLite)."""
    return (
        select(literal_column("rowid").op(">>")(3))
        .select_from(_fts)
        .where(
            literal_column(FTS_TABLE).op("MATCH")(bindparam("fts_q", fts_query(folded))),
            literal_column("rowid").op("&")(7) == KINDS[kind],
        )
    )


def _indexed(s: Session, needle: str) -> str | None:
    """``needle`` folded, where SQLite's index answers for it by itself; else None."""
    if s.get_bind().dialect.name != "sqlite" or "\0" in needle or _SCANNING.get():
        return None
    return fold(needle, "sqlite") or None


def count_matches(s: Session, kind: str, needle: str, hidden: Any) -> int | None:
    """How many records of ``kind`` contain ``needle``, leaving out the ids ``hidden`` selects
    (those in the recycle bin), counted in the index alone (SQLite); None where the index does
    not answer by itself (PostgreSQL, the scan, a NUL): count the list's query then.

    The index holds every record and only those (kept in the transaction of every write,
    rebuilt by bulk writers, confirmed by ``check``), so this is the list's count. Counting
    the list's query instead looks up each match in the deleted_at index: 50 ms for the 32k
    consultations holding 张, against 6 ms for the index's own count."""
    folded = _indexed(s, needle)
    if folded is None:
        return None
    candidates = _fts_candidates(kind, folded).subquery()
    (matched,) = candidates.c
    stmt = select(func.count()).select_from(candidates).where(matched.not_in(hidden))
    return int(s.scalar(stmt) or 0)


def _hidden_rowids(hidden: Mapping[str, Any]) -> Any:
    """The index's rowids of the ids ``hidden[kind]`` selects, for every kind given."""
    parts = []
    for kind, ids in hidden.items():
        (record_id,) = ids.subquery().c
        parts.append(select(record_id * 8 + KINDS[kind]))
    return union_all(*parts)


def count_kinds(s: Session, needle: str, hidden: Mapping[str, Any]) -> dict[str, int] | None:
    """How many records of each kind contain ``needle``, leaving out the ids ``hidden[kind]``
    selects (the recycle bin), in one pass over the index (SQLite): what the global search box
    shows, for the cost of one kind's count. None where the index does not answer by itself."""
    folded = _indexed(s, needle)
    if folded is None:
        return None
    rowid: Any = literal_column("rowid")
    stmt = (
        select(rowid.op("&")(7), func.count())
        .select_from(_fts)
        .where(
            literal_column(FTS_TABLE).op("MATCH")(bindparam("fts_q", fts_query(folded))),
            rowid.not_in(_hidden_rowids(hidden)),
        )
        .group_by(rowid.op("&")(7))
    )
    counted = {code: int(n) for code, n in s.execute(stmt)}
    return {kind: counted.get(code, 0) for kind, code in KINDS.items()}


def first_ids(s: Session, kind: str, needle: str, limit: int, hidden: Any) -> list[int] | None:
    """The ``limit`` smallest ids of the records of ``kind`` containing ``needle``, leaving out
    the ids ``hidden`` selects: the index yields its matches by rowid, that is by id within a
    kind, so it stops at the ``limit``-th instead of gathering and sorting them all (SQLite;
    None where the index does not answer by itself)."""
    folded = _indexed(s, needle)
    if folded is None:
        return None
    found = _fts_candidates(kind, folded).where(
        literal_column("rowid").not_in(_hidden_rowids({kind: hidden}))
    )
    return [int(i) for i in s.scalars(found.order_by(literal_column("rowid")).limit(limit))]


# --- keeping it up to date: the one place every ORM write goes through ---------------------------

_PENDING = "search_index_pending"


def _note(session: Session, kind: str, record_id: int | None) -> None:
    if record_id is not None:
        session.info.setdefault(_PENDING, set()).add((kind, record_id))


def _after_flush(session: Session, _context: Any) -> None:
    for obj in (*session.new, *session.dirty, *session.deleted):
        if isinstance(obj, ConsultationRow):
            _note(session, "consultation", obj.id)
            _note(session, "items_of", obj.id)  # an item's text includes its number
        elif isinstance(obj, ParticipantRow | SpeechRow):
            _note(session, "consultation", obj.consultation_id)
        elif isinstance(obj, OutcomeItemRow):
            _note(session, "outcome_item", obj.id)
        elif isinstance(obj, CaseRow):
            _note(session, "case", obj.id)
        elif isinstance(obj, PersonRow):
            _note(session, "person", obj.id)


def _before_commit(session: Session) -> None:
    session.flush()
    pending = session.info.pop(_PENDING, None)
    if not pending:
        return
    by_kind: dict[str, set[int]] = defaultdict(set)
    for kind, record_id in pending:
        by_kind[kind].add(record_id)
    conn = session.connection()
    items_of = sorted(by_kind.pop("items_of", set()))
    for start in range(0, len(items_of), _CHUNK):
        chunk = items_of[start : start + _CHUNK]
        by_kind["outcome_item"].update(
            conn.execute(
                select(OutcomeItemRow.id).where(OutcomeItemRow.consultation_id.in_(chunk))
            ).scalars()
        )
    for kind, ids in by_kind.items():
        reindex(conn, kind, ids)


def _forget(session: Session, *_args: Any) -> None:
    session.info.pop(_PENDING, None)


def watch(sessions: sessionmaker[Session]) -> None:
    """Keep the index up to date for every unit of work of ``sessions``: what a flush changed
    is noted, and indexed just before the commit, in the same transaction."""
    from sqlalchemy import event

    event.listen(sessions, "after_flush", _after_flush)
    event.listen(sessions, "before_commit", _before_commit)
    event.listen(sessions, "after_rollback", _forget)


# --- checking ------------------------------------------------------------------------------------


@dataclass
class IndexReport:
    missing: int = 0  # records not in the index
    stale: int = 0  # records whose indexed text is not their text now
    extra: int = 0  # index entries of records that no longer exist

    @property
    def agrees(self) -> bool:
        return not (self.missing or self.stale or self.extra)


def _chunks(values: Sequence[int]) -> Iterator[Sequence[int]]:
    for start in range(0, len(values), _CHUNK):
        yield values[start : start + _CHUNK]


def check(conn: Connection) -> IndexReport:
    """Does the index agree with the records? Only reads."""
    report = IndexReport()
    engine = _engine(conn)
    for kind in KINDS:
        ids = _all_ids(conn, kind)
        for chunk in _chunks(ids):
            bodies = {i: _body(f, engine) for i, f in source_fields(conn, kind, chunk).items()}
            stored = _stored(conn, kind, chunk)
            report.missing += sum(1 for i in bodies if i not in stored)
            report.stale += sum(1 for i, b in bodies.items() if i in stored and stored[i] != b)
        indexed = conn.execute(
            select(_docs.c.record_id).where(_docs.c.kind == KINDS[kind])
        ).scalars()
        report.extra += len(set(indexed) - set(ids))
    return report
