"""What a printed sheet is made from: the kind of sheet, the options chosen in the print dialog,
and the plain data of one consultation read by ``services.printouts``. Plain data with no Qt, so
services and the UI can name sheets without loading the layout engine (``documents.sheets``)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum

from liaison_desk.domain.entities import Consultation, LiaisonGroup, Person
from liaison_desk.domain.privacy import MaskingRules, Privacy


class SheetKind(StrEnum):
    SIGNIN = "signin"
    RECORD = "record"
    SLIP = "slip"
    CARD = "card"

    @property
    def label(self) -> str:
        return _KIND_LABELS[self]


_KIND_LABELS = {
    SheetKind.SIGNIN: "签到表",
    SheetKind.RECORD: "议事记录表",
    SheetKind.SLIP: "交办单",
    SheetKind.CARD: "记录卡",
}


@dataclass(frozen=True)
class SheetOptions:
    mask: bool = True  # masked as domain/privacy.py decides; False: the group's own copy
    blank_rows: int = 10  # sign-in sheet: empty rows to sign by hand after the invited people
    fonts: dict[str, str] | None = None  # role -> family, as chosen in settings (None: defaults)


@dataclass(frozen=True)
class SheetData:
    """Everything one consultation's sheet shows, read in one go.

    ``people``: by person id, the people the sheet may name — the group's roster and the roster
    entries of the named participants (their phone, ID number, category and consent to publish).
    ``rules``: the database's masking settings, i.e. what ``SheetOptions.mask`` hides when on.
    """

    consultation: Consultation
    group: LiaisonGroup | None = None
    people: Mapping[int, Person] = field(default_factory=dict)
    rules: MaskingRules = field(default_factory=MaskingRules)
    #: A decision made over more records than this one (a package's), used instead of one made
    #: for this sheet alone when masking is on.
    privacy: Privacy | None = None

    @property
    def consent_ids(self) -> frozenset[int]:
        """The people whose recorded consent lifts the mask."""
        return frozenset(pid for pid, p in self.people.items() if p.consent_to_publish)

    @property
    def number(self) -> str:
        return self.consultation.number
