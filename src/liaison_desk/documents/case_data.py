"""What a case document shows, as plain data (no Qt, no database): built by
``services.case_documents`` and read by ``documents.case_document`` (Word and PDF) and
``documents.collection`` (案例汇编). Everything here is already masked when the document is for
outside the office.

:func:`case_document_data` is the one place a case becomes a document's data (masked by the
privacy decision it is given), for a single case document and for a package alike."""

from __future__ import annotations

import dataclasses
import io
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date

from PIL import Image

from liaison_desk.domain.entities import CASE_SECTIONS, Case, Consultation, LiaisonGroup
from liaison_desk.domain.privacy import Privacy

PHOTO_MAX_SIDE = 1600  # px: 156 mm at about 260 dpi, plenty for print, small files


@dataclass(frozen=True)
class CasePhotoData:
    """One chosen photo: a JPEG (upright, no EXIF, long side at most a few thousand pixels), its
    size in pixels and its caption."""

    jpeg: bytes
    width: int
    height: int
    caption: str = ""


@dataclass(frozen=True)
class LinkedConsultationFacts:
    """A consultation the case is written from, as the document may mention it."""

    number: str
    title: str
    held_on: date | None = None
    venue: str = ""
    attendance: int = 0  # 参与人次
    members: int = 0  # 委员人次
    suggestions: int = 0
    solved: int = 0


@dataclass(frozen=True)
class CaseDocumentData:
    """One case write-up, ready to lay out.

    ``sections``: (heading, text) in the order of ``domain.entities.CASE_SECTIONS``, empty
    sections left out; the text uses the markup of ``domain.case_text``. ``fonts``: role → family
    as chosen in the settings (title, body, heading1, heading2, page_number); a missing role takes
    the official face of ``fonts.DOCUMENT_FACES``.
    """

    title: str
    subtitle: str = ""
    group_name: str = ""
    year: int | None = None
    archive_number: str = ""
    sections: tuple[tuple[str, str], ...] = ()
    photos: tuple[CasePhotoData, ...] = ()
    consultations: tuple[LinkedConsultationFacts, ...] = ()
    fonts: dict[str, str] = field(default_factory=dict)
    masked: bool = True
    uuid: str = ""
    revision: int = 0

    @property
    def display_title(self) -> str:
        """Title and subtitle as one line (the contents page, file properties)."""
        if self.subtitle.startswith("—"):
            return f"{self.title}{self.subtitle}"
        return f"{self.title}　{self.subtitle}".strip("　")


def photo_data(image: Image.Image, caption: str) -> CasePhotoData:
    """A stored photo (decoded, upright) as a document shows it: at most PHOTO_MAX_SIDE px, a
    JPEG without EXIF, transparency on white."""
    image.thumbnail((PHOTO_MAX_SIDE, PHOTO_MAX_SIDE), Image.Resampling.LANCZOS)
    if image.mode != "RGB":
        background = Image.new("RGB", image.size, (255, 255, 255))
        rgba = image.convert("RGBA")
        background.paste(rgba, mask=rgba.getchannel("A"))
        image = background
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=85, optimize=True)
    return CasePhotoData(buffer.getvalue(), image.width, image.height, caption)


def linked_facts(c: Consultation) -> LinkedConsultationFacts:
    return LinkedConsultationFacts(
        number=c.number,
        title=c.title,
        held_on=c.held_on,
        venue=c.venue,
        attendance=c.attendance_total,
        members=c.member_attendance,
        suggestions=c.suggestion_count,
        solved=c.solved_count,
    )


def case_document_data(
    case: Case,
    group: LiaisonGroup | None,
    consultations: Iterable[Consultation],
    photos: Sequence[CasePhotoData],
    privacy: Privacy,
    fonts: dict[str, str],
    masked: bool,
) -> CaseDocumentData:
    """The case as its documents show it: title, subtitle, sections and photo captions through
    ``privacy`` (the decision of the export it belongs to); ``photos`` with their captions as
    recorded."""
    sections = tuple(
        (label, privacy.text(case.sections.get(key, ""))) for key, label in CASE_SECTIONS
    )
    return CaseDocumentData(
        title=privacy.text(case.title),
        subtitle=privacy.text(case.subtitle),
        group_name=group.name if group else "",
        year=case.year,
        archive_number=case.archive_number,
        sections=sections,
        photos=tuple(dataclasses.replace(p, caption=privacy.text(p.caption)) for p in photos),
        consultations=tuple(linked_facts(c) for c in consultations),
        fonts=fonts,
        masked=masked,
        uuid=case.uuid,
        revision=case.revision,
    )


def collection_title(cases: Sequence[Case], office: str, group: LiaisonGroup | None) -> str:
    """The default title of a collection (案例汇编): "<group>2024年协商案例汇编" when the cases
    are all of ``group`` (pass it only then), else "<office>委员联络组2024年协商案例汇编" (the
    settings' sending office; the years joined when several)."""
    years = sorted({c.year for c in cases})
    span = f"{years[0]}年" if len(years) == 1 else (f"{years[0]}—{years[-1]}年" if years else "")
    name = f"{office}委员联络组" if office else "政协委员联络组"
    if group is not None:
        name = group.name
    return f"{name}{span}协商案例汇编"


__all__ = [
    "CaseDocumentData",
    "CasePhotoData",
    "LinkedConsultationFacts",
    "case_document_data",
    "collection_title",
    "linked_facts",
    "photo_data",
]
