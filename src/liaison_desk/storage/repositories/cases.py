"""Consultation cases and the submissions that send them."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ColumnElement, or_, select
from sqlalchemy.orm import Session

from liaison_desk.domain.entities import (
    CASE_SECTIONS,
    Case,
    CasePhoto,
    Submission,
    SubmissionCase,
)
from liaison_desk.domain.queries import (
    CaseFilter,
    Page,
    PageRequest,
)
from liaison_desk.storage import mapping, search_index
from liaison_desk.storage.dialect import contains
from liaison_desk.storage.models import (
    CaseRow,
    SubmissionCaseRow,
    SubmissionRow,
)
from liaison_desk.storage.repositories._common import page_rows, paged, upsert

_CASE_COLS: tuple[str, ...] = (
    "group_id",
    "year",
    "title",
    "subtitle",
    "sections",
    "status",
    "retention",
)
_CASE_COLS += ("version",)
_SUBMISSION_COLS: tuple[str, ...] = (
    "group_id",
    "target",
    "submitted_on",
    "file_name",
    "sha256",
    "note",
)


# --- cases --------------------------------------------------------------------------------------


def case_from_row(row: CaseRow) -> Case:
    return mapping.to_domain(
        Case,
        row,
        archive_number=row.archive_number or "",
        sections=dict(row.sections or {}),
        consultation_ids=list(row.consultation_ids or []),
        photos=[
            CasePhoto(attachment_id=p["attachment_id"], caption=p.get("caption", ""))
            for p in row.photos or []
        ],
    )


def get_case(s: Session, case_id: int) -> Case | None:
    row = s.get(CaseRow, case_id)
    return case_from_row(row) if row else None


def save_case(s: Session, case: Case, now: datetime) -> Case:
    row = upsert(s, CaseRow, case, _CASE_COLS, now)
    row.archive_number = case.archive_number or None
    row.finalised_on = case.finalised_on
    row.sections = dict(case.sections)
    row.consultation_ids = list(case.consultation_ids)
    row.photos = [{"attachment_id": p.attachment_id, "caption": p.caption} for p in case.photos]
    s.flush()
    return case_from_row(row)


def _case_text_matches(needle: str) -> ColumnElement[bool]:
    """Title, subtitle, 档号 or the text of any section contains ``needle``. Each section is
    read out of the JSON column as text (json_extract on SQLite, ->> on PostgreSQL), because the
    stored JSON escapes Chinese characters."""
    sections = [CaseRow.sections[key].as_string() for key, _ in CASE_SECTIONS]
    columns = [CaseRow.title, CaseRow.subtitle, CaseRow.archive_number, *sections]
    return or_(*(contains(c, needle) for c in columns))


def list_cases(
    s: Session, f: CaseFilter, page: PageRequest, *, matched: int | None = None
) -> Page[Case]:
    """``matched``: the total, when already counted (the global search box counts every kind
    in one pass over the index); the page is then found by asking the index about the cases
    in the list's order (few: no second pass over a common word's matches)."""
    stmt = (
        select(CaseRow)
        .where(CaseRow.deleted_at.is_(None))
        .order_by(CaseRow.year.desc(), CaseRow.id)
    )
    if f.year is not None:
        stmt = stmt.where(CaseRow.year == f.year)
    if f.group_id is not None:
        stmt = stmt.where(CaseRow.group_id == f.group_id)
    if f.status is not None:
        stmt = stmt.where(CaseRow.status == f.status.value)
    needle = f.text.strip()
    walk = None
    if needle and matched is not None and page.limit is not None:
        wanted = page.offset + page.limit
        rows_walked = search_index.table_rows(s, CaseRow.id)
        walk = search_index.walks_sort_order(s, needle, matched, wanted, rows_walked)
    if needle:
        found = search_index.matches(
            s, "case", CaseRow.id, needle, _case_text_matches(needle), walk=walk
        )
        stmt = stmt.where(found)
    columns = {"title": CaseRow.title, "year": CaseRow.year, "status": CaseRow.status}
    if matched is None:
        rows, total = paged(s, stmt, page, columns)
    else:
        rows, total = page_rows(s, stmt, page, columns), matched
    return Page([case_from_row(r[0]) for r in rows], total)


# --- submissions --------------------------------------------------------------------------------


def submission_from_row(row: SubmissionRow) -> Submission:
    return mapping.to_domain(
        Submission, row, cases=[mapping.to_domain(SubmissionCase, c) for c in row.cases]
    )


def get_submission(s: Session, submission_id: int) -> Submission | None:
    row = s.get(SubmissionRow, submission_id)
    return submission_from_row(row) if row else None


def save_submission(s: Session, sub: Submission, now: datetime) -> Submission:
    row = upsert(s, SubmissionRow, sub, _SUBMISSION_COLS, now)
    existing = {c.case_id: c for c in row.cases}
    row.cases = [_submission_case_row(existing.get(c.case_id), c) for c in sub.cases]
    s.flush()
    return submission_from_row(row)


def _submission_case_row(row: SubmissionCaseRow | None, c: SubmissionCase) -> SubmissionCaseRow:
    row = row or SubmissionCaseRow(case_id=c.case_id)
    row.result = c.result.value
    row.note = c.note
    return row


def list_submissions(s: Session, group_id: int | None = None) -> list[Submission]:
    stmt = (
        select(SubmissionRow)
        .where(SubmissionRow.deleted_at.is_(None))
        .order_by(SubmissionRow.submitted_on.desc())
    )
    if group_id is not None:
        stmt = stmt.where(SubmissionRow.group_id == group_id)
    return [submission_from_row(r) for r in s.scalars(stmt)]
