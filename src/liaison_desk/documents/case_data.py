"""What a case document shows, as plain data (no Qt, no database): built by
``services.case_documents`` and read by ``documents.case_document`` (Word and PDF) and
``documents.collection`` (案例汇编). Everything here is already masked when the document is for
outside the office."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date


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


__all__ = ["CaseDocumentData", "CasePhotoData", "LinkedConsultationFacts"]
