"""Printed sheets: gathers what a sheet needs (the consultation, its liaison group, the roster
entries of its participants with their phones and consent, the settings' fonts and masking rules)
as plain data, and hands it to ``documents.sheets`` to lay out.

The documents package (and with it Qt) is imported only when a job is built, so importing the
services stays free of Qt.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Mapping, Sequence
from typing import TYPE_CHECKING, Any, TypeVar

from liaison_desk.documents.sheet_data import SheetData, SheetKind, SheetOptions
from liaison_desk.domain.entities import Consultation, Person
from liaison_desk.domain.privacy import MaskingRules
from liaison_desk.domain.queries import PageRequest, PersonFilter
from liaison_desk.domain.rules import Problem, ValidationError
from liaison_desk.services.base import ServiceContext
from liaison_desk.services.settings import SettingsService
from liaison_desk.storage import repositories as repo
from liaison_desk.storage.session import Session

if TYPE_CHECKING:
    from liaison_desk.documents.sheets import PrintJob

K = TypeVar("K")  # what a consultation is looked up by: id or 编号

# Settings key of each document font role (config.SETTINGS).
FONT_SETTINGS = {
    "title": "documents.font.title",
    "body": "documents.font.body",
    "heading1": "documents.font.heading1",
    "heading2": "documents.font.heading2",
    "page_number": "documents.font.page_number",
}


class UnknownConsultations(ValidationError):
    """Some of the consultations asked for are not there (or are in the recycle bin): a problem
    the user can fix, shown like any other ValidationError."""

    def __init__(self, missing: Sequence[str], deleted: Sequence[str] = ()) -> None:
        self.missing = list(missing)
        self.deleted = list(deleted)
        parts = []
        if self.missing:
            parts.append(
                f"找不到编号为「{'」「'.join(self.missing)}」的协商活动，请检查编号是否写对"
                "（如 织里-2024-议-012）。"
            )
        if self.deleted:
            parts.append(
                f"编号为「{'」「'.join(self.deleted)}」的协商活动在回收站中，请先恢复再打印。"
            )
        super().__init__([Problem("number", "".join(parts))])


def fonts_from_settings(values: Mapping[str, Any]) -> dict[str, str]:
    """Role → family as chosen in the settings (documents.font.*)."""
    return {role: str(values[key]) for role, key in FONT_SETTINGS.items() if values.get(key)}


def read_sheet_data(
    s: Session, consultations: Sequence[Consultation], rules: MaskingRules
) -> list[SheetData]:
    """The sheets' data of these consultations (read, in the order given), inside the caller's
    session: each with its group, and the people it may name — its group's roster (a resident
    named in the minutes is masked there as in a package or case document of the same record:
    one policy, domain/privacy.py) and the roster entries of its participants."""
    person_ids = {
        p.person_id for c in consultations for p in c.participants if p.person_id is not None
    }
    group_ids = {c.group_id for c in consultations if c.group_id is not None}
    people = {p.id: p for p in repo.all_people(s, person_ids) if p.id is not None}
    groups = {gid: repo.get_group(s, gid) for gid in group_ids}
    rosters = {
        gid: list(repo.list_people(s, PersonFilter(group_id=gid), PageRequest()).items)
        for gid in group_ids
    }
    result = []
    for c in consultations:
        roster = rosters.get(c.group_id, []) if c.group_id is not None else []
        own: dict[int, Person] = {p.id: p for p in roster if p.id is not None}
        own.update(
            (p.person_id, people[p.person_id])
            for p in c.participants
            if p.person_id is not None and p.person_id in people
        )
        result.append(
            SheetData(
                consultation=c,
                group=groups.get(c.group_id) if c.group_id is not None else None,
                people=own,
                rules=rules,
            )
        )
    return result


class PrintoutService:
    def __init__(self, ctx: ServiceContext, settings: SettingsService) -> None:
        self.ctx = ctx
        self.settings = settings

    # --- data ---------------------------------------------------------------------------------

    def sheet_data(self, consultation_ids: Sequence[int]) -> list[SheetData]:
        """The sheets' data for these consultations, in the order given. UnknownConsultations
        (naming the ids) when one is missing or in the recycle bin."""
        return self._gather(self._find(consultation_ids, lambda s, cid: cid, lambda cid: f"#{cid}"))

    def sheet_data_by_numbers(self, numbers: Sequence[str]) -> list[SheetData]:
        """As :meth:`sheet_data`, by 编号 (织里-2024-议-012); every unknown number is named."""
        return self._gather(
            self._find(numbers, repo.consultation_id_by_number, lambda number: number.strip())
        )

    def _find(
        self,
        keys: Sequence[K],
        to_id: Callable[[Session, K], int | None],
        shown: Callable[[K], str],
    ) -> list[Consultation]:
        """The consultations for ``keys`` in their order; every missing or deleted one named."""
        found: list[Consultation] = []
        missing: list[str] = []
        deleted: list[str] = []
        with self.ctx.db.reading() as s:
            for key in keys:
                cid = to_id(s, key)
                c = repo.get_consultation(s, cid) if cid is not None else None
                if c is None:
                    missing.append(shown(key))
                elif c.is_deleted:
                    deleted.append(c.number)
                else:
                    found.append(c)
        if missing or deleted:
            raise UnknownConsultations(missing, deleted)
        return found

    def _gather(self, consultations: list[Consultation]) -> list[SheetData]:
        rules = MaskingRules.from_settings(self.settings.values())
        with self.ctx.db.reading() as s:
            return read_sheet_data(s, consultations, rules)

    def fonts(self) -> dict[str, str]:
        """Role → family as chosen in the settings (documents.font.*)."""
        return fonts_from_settings(self.settings.values())

    # --- jobs ---------------------------------------------------------------------------------

    def job(
        self,
        kind: SheetKind,
        consultation_ids: Sequence[int],
        options: SheetOptions | None = None,
    ) -> PrintJob:
        """A print job of ``kind`` for these consultations, each starting on a new page. Options
        without fonts take the settings' fonts. Needs a QGuiApplication. Raises
        UnknownConsultations, or NothingToPrint (documents.sheets) for slips of consultations
        that hand nothing over."""
        return self.build(kind, self.sheet_data(consultation_ids), options)

    def job_by_numbers(
        self, kind: SheetKind, numbers: Sequence[str], options: SheetOptions | None = None
    ) -> PrintJob:
        return self.build(kind, self.sheet_data_by_numbers(numbers), options)

    def build(
        self,
        kind: SheetKind,
        data: list[SheetData],
        options: SheetOptions | None = None,
        fonts: dict[str, str] | None = None,
    ) -> PrintJob:
        """Lay out ``data`` (read before, e.g. off the GUI thread). Options without fonts take
        ``fonts``, or the settings' fonts when those are not given either (a database read)."""
        from liaison_desk.documents.sheets import build_job

        options = options or SheetOptions()
        if options.fonts is None:
            options = dataclasses.replace(options, fonts=self.fonts() if fonts is None else fonts)
        return build_job(kind, data, options)
