"""Members' 履职档案 and the 履职积分 ranking (issue 18, item 3).

Each use case reads what it needs in one database session — the members, the year's counted
consultations (storage/repositories/statistics.py), the year's cases and the submissions that
selected them, the points table from the settings — and hands it to the pure functions of
``domain/member_record.py``. Exports build one ``Privacy`` (domain/privacy.py) from the people and
records they show and go to one writer in ``documents``; nothing is written under the file's
name until the file is complete. The documents are imported on first use: they bring openpyxl,
0.4 s that the ranking does not need."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from liaison_desk.domain.entities import Case, Consultation, Person
from liaison_desk.domain.enums import SubmissionResult
from liaison_desk.domain.member_record import (
    LEVEL_ORDER,
    MemberRecord,
    PointRules,
    RankedMember,
    member_activity,
    rank_in_order,
    score,
    selection_level,
    year_records,
)
from liaison_desk.domain.privacy import MaskingRules, Privacy
from liaison_desk.errors import UserFacingError
from liaison_desk.heap import many_objects
from liaison_desk.progress import Progress, step
from liaison_desk.services.base import ServiceContext
from liaison_desk.storage import repositories as repo
from liaison_desk.storage.session import Session


class MemberNotFound(UserFacingError):
    """The member asked for is not (or no longer) a member on the roster."""


@dataclass(frozen=True)
class Ranking:
    """The year's ranking of the members of one group (or of every group)."""

    year: int
    group_id: int | None
    group_name: str | None
    rules: PointRules
    rows: tuple[RankedMember, ...]


@dataclass(frozen=True)
class MemberYear:
    """One member's record of one year, with the member's group."""

    record: MemberRecord
    group_name: str


def _best_levels(s: Session) -> dict[int, str]:
    """Case id → the highest level of a submission that selected it."""
    best: dict[int, str] = {}
    for submission in repo.list_submissions(s):
        level = selection_level(submission.target)
        if level not in LEVEL_ORDER:
            continue
        for entry in submission.cases:
            if entry.result is not SubmissionResult.SELECTED:
                continue
            known = best.get(entry.case_id)
            if known is None or LEVEL_ORDER.index(level) < LEVEL_ORDER.index(known):
                best[entry.case_id] = level
    return best


class MemberService:
    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    # --- reading ------------------------------------------------------------------------------

    def rules(self) -> PointRules:
        with self.ctx.db.reading() as s:
            return PointRules.from_settings(repo.get_settings(s))

    def ranking(self, year: int, group_id: int | None = None) -> Ranking:
        """Every member's record of ``year`` (of one group's members with ``group_id``), ranked."""
        # Four objects a member, 128k members in a district: see liaison_desk/heap.py.
        with many_objects(), self.ctx.db.reading() as s:
            return self._ranking(s, year, group_id)

    def _ranking(self, s: Session, year: int, group_id: int | None) -> Ranking:
        rules = PointRules.from_settings(repo.get_settings(s))
        names = {g.id: g.name for g in repo.list_groups(s)}
        # In the order equal points are listed in: the engine sorts the names.
        people = repo.members_by_group(s, group_id)
        consultations = repo.counted_consultations(s, year)
        records = year_records(
            (p for p, _group in people),
            year,
            consultations,
            repo.cases_of_year(s, year),
            _best_levels(s),
            rules,
        )
        return Ranking(
            year=year,
            group_id=group_id,
            group_name=names.get(group_id) if group_id is not None else None,
            rules=rules,
            rows=tuple(
                rank_in_order((r, group) for r, (_p, group) in zip(records, people, strict=True))
            ),
        )

    def record(self, person_id: int, year: int) -> MemberYear:
        with self.ctx.db.reading() as s:
            return self._record(s, person_id, year)

    def _member(self, s: Session, person_id: int) -> Person:
        found = repo.members(s, {person_id})
        if not found:
            raise MemberNotFound(
                "这位委员不在人员名册中（可能已被删除，或类别不是政协委员）。请刷新列表后重新选择。",
                english="This member is not on the roster (perhaps deleted, or not a CPPCC "
                "member). Refresh the list and choose again.",
            )
        return found[0]

    def _record(self, s: Session, person_id: int, year: int) -> MemberYear:
        person = self._member(s, person_id)
        rules = PointRules.from_settings(repo.get_settings(s))
        consultations = repo.counted_consultations(s, year, person)
        activity = member_activity(
            person, year, consultations, repo.cases_of_year(s, year), _best_levels(s)
        )
        group = repo.get_group(s, person.group_id) if person.group_id else None
        return MemberYear(score(activity, rules), group.name if group else "")

    def history(self, person_id: int) -> list[MemberRecord]:
        """The member's record of every year that has consultations, newest first."""
        with self.ctx.db.reading() as s:
            years = repo.record_years(s)
            if not years:
                return []
            person = self._member(s, person_id)
            rules = PointRules.from_settings(repo.get_settings(s))
            levels = _best_levels(s)
            # One read of every year's consultations and cases (four hundred years were four
            # hundred rounds of queries: ten seconds before the detail pane showed).
            consultations: dict[int, list[Consultation]] = defaultdict(list)
            for c in repo.counted_consultations(s, None, person):
                if c.held_on is not None:
                    consultations[c.held_on.year].append(c)
            cases: dict[int, list[Case]] = defaultdict(list)
            for case in repo.cases_of_year(s, None):
                cases[case.year].append(case)
            return [
                score(member_activity(person, y, consultations[y], cases[y], levels), rules)
                for y in years
            ]

    def members_named(self, name: str) -> list[tuple[Person, str]]:
        """Members called ``name`` with their group's name (the CLI asks which one)."""
        with self.ctx.db.reading() as s:
            names = {g.id: g.name for g in repo.list_groups(s)}
            return [
                (p, names.get(p.group_id or 0, ""))
                for p in repo.people_named(s, name)
                if p.id is not None and repo.members(s, {p.id})
            ]

    # --- files --------------------------------------------------------------------------------

    def record_file_name(self, record: MemberRecord) -> str:
        from liaison_desk.documents.package import safe_file_name

        return safe_file_name(
            f"{record.person.name}-{record.activity.year}年度履职档案", max_length=80
        )

    def ranking_file_name(self, year: int, group_name: str | None) -> str:
        """织里镇联络组-2024年度委员履职积分排名 (各联络组 for every group), without suffix."""
        from liaison_desk.documents.package import safe_file_name

        who = group_name or "各联络组"
        return safe_file_name(f"{who}-{year}年度委员履职积分排名", max_length=80)

    def write_record_pdf(
        self, person_id: int, year: int, path: Path, progress: Progress | None = None
    ) -> MemberYear:
        """The member's record of ``year`` as a PDF (GB/T 9704 layout, PDF/A) at ``path``;
        phone and ID numbers, and residents' names in quoted text, masked by the settings."""
        from liaison_desk.documents.member_record import member_record_data, write_member_record_pdf
        from liaison_desk.services.printouts import fonts_from_settings

        step(progress, 0, 2, "正在统计……")
        with self.ctx.db.reading() as s:
            found = self._record(s, person_id, year)
            settings = repo.get_settings(s)
            privacy = self._privacy(s, found.record, settings)
            fonts = fonts_from_settings(settings)
        data = member_record_data(found.record, found.group_name, privacy, fonts, self.ctx.today())
        step(progress, 1, 2, "正在写入履职档案……")
        write_member_record_pdf(data, Path(path))
        step(progress, 2, 2, "")
        return found

    def write_ranking_workbook(
        self,
        year: int,
        group_id: int | None,
        path: Path,
        progress: Progress | None = None,
    ) -> Ranking:
        """The ranking as a workbook (A4, print-ready) at ``path``."""
        from liaison_desk.documents.member_ranking import ranking_data, write_ranking_workbook

        step(progress, 0, 2, "正在统计……")
        with self.ctx.db.reading() as s:
            ranking = self._ranking(s, year, group_id)
            settings = repo.get_settings(s)
            office = str(settings.get("cases.issuing_office") or "").strip()
            privacy = Privacy(
                [r.record.person for r in ranking.rows],
                rules=MaskingRules.from_settings(settings),
            )
        data = ranking_data(
            year,
            ranking.group_name or f"{office}各联络组",
            ranking.rules,
            ranking.rows,
            privacy,
            self.ctx.today(),
        )
        step(progress, 1, 2, "正在写入排名表……")
        write_ranking_workbook(data, Path(path))
        step(progress, 2, 2, "")
        return ranking

    def _privacy(self, s: Session, record: MemberRecord, settings: dict) -> Privacy:
        """The one policy over what the record shows: the member, the people of the member's
        group and the consultations quoted (their residents' names are masked in quoted text)."""
        ids = [p.consultation_id for p in record.activity.sessions]
        consultations = [c for c in (repo.get_consultation(s, i) for i in ids) if c is not None]
        people = _people_of(s, record.person, consultations)
        return Privacy(people, consultations, MaskingRules.from_settings(settings))


def _people_of(s: Session, member: Person, consultations: Sequence) -> list[Person]:
    ids = {p.person_id for c in consultations for p in c.participants if p.person_id is not None}
    ids.add(member.id or 0)
    return repo.all_people(s, ids)
