"""What a submission package (报送包) is made from, as plain data (no Qt, no database): read by
``services.packages`` in one database session and laid out by ``documents.package_writer``.

The records are as stored; :attr:`PackageData.privacy` is the one decision (domain/privacy.py)
over every case, linked consultation and person of the package, so the writer masks the README,
package.json, catalogue, record sheets, case files and collection alike."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from liaison_desk.documents.sheet_data import SheetData
from liaison_desk.domain.entities import Attachment, Case, Consultation, LiaisonGroup, Person
from liaison_desk.domain.privacy import Privacy


@dataclass(frozen=True)
class PackagePhoto:
    """A photo chosen for a case: the stored attachment and the caption the case gives it."""

    attachment: Attachment
    caption: str


@dataclass
class PackageData:
    """Everything a package shows, read in one go.

    ``groups``: the cases' groups, in the order of the cases. ``consultations``: the linked ones
    (not in the recycle bin), by id. ``people``: the linked participants' roster entries and the
    cases' groups' rosters. ``sheets``: each linked consultation's record-sheet data, by id (empty
    when only a preview or the name is wanted). ``sender``: the sending office given, else the
    settings' (may be empty). ``contact``: the cases' one group, else this database's own.
    ``fonts``: role → family from the settings."""

    cases: list[Case]
    groups: dict[int, LiaisonGroup]
    consultations: dict[int, Consultation]
    people: dict[int, Person]
    photos: dict[int, list[PackagePhoto]]  # case id -> its photos, in the case's order
    settings: dict[str, Any]
    privacy: Privacy
    masked: bool
    today: date
    created_at: datetime
    sender: str = ""
    target: str = ""
    contact: tuple[str, str] = ("", "")
    fonts: dict[str, str] = field(default_factory=dict)
    sheets: dict[int, SheetData] = field(default_factory=dict)

    def linked(self, case: Case) -> list[Consultation]:
        return [
            self.consultations[cid] for cid in case.consultation_ids if cid in self.consultations
        ]

    @property
    def ordered_consultations(self) -> list[Consultation]:
        """The linked consultations, each once, in the order the cases name them."""
        seen: dict[int, Consultation] = {}
        for case in self.cases:
            for c in self.linked(case):
                if c.id is not None:
                    seen.setdefault(c.id, c)
        return list(seen.values())

    @property
    def single_group_id(self) -> int | None:
        ids = {c.group_id for c in self.cases}
        return ids.pop() if len(ids) == 1 else None

    @property
    def single_group(self) -> LiaisonGroup | None:
        gid = self.single_group_id
        return self.groups.get(gid) if gid is not None else None

    def photos_of(self, case: Case) -> list[PackagePhoto]:
        return self.photos.get(case.id or 0, [])


__all__ = ["PackageData", "PackagePhoto"]
