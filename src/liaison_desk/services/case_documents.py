"""Case documents: gathers what a case write-up shows (the case, its group, its chosen photos, the
facts of its linked consultations, the settings' fonts), masks residents' personal information
unless the document is for internal use, and hands the plain data to ``documents.case_document``
(Word, PDF) and ``documents.collection`` (案例汇编).

Masking (domain.md "Privacy"), when ``masked``, by the one policy in ``domain.privacy`` over the
group's roster and the linked consultations: in the title, subtitle, sections and photo captions,
mobile and ID numbers are hidden (138****8000, 110105********0123) except those of people who
consented, and residents' names become 张某. Members, officials and people who consented keep their
names. What is hidden follows the database's masking settings, as everywhere else.

The documents package (and with it Qt) is imported only when a file is written, so importing the
services stays free of Qt. Writing a PDF needs a QGuiApplication; a Word file does not.
"""

from __future__ import annotations

import logging
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from liaison_desk.documents.case_data import (
    CaseDocumentData,
    CasePhotoData,
    case_document_data,
    collection_title,
    photo_data,
)
from liaison_desk.domain.entities import Case, Consultation, LiaisonGroup, Person
from liaison_desk.domain.privacy import MaskingRules, Privacy
from liaison_desk.domain.queries import CaseFilter, PersonFilter
from liaison_desk.domain.queries import PageRequest as _PageRequest
from liaison_desk.domain.rules import Problem, ValidationError
from liaison_desk.progress import Progress, within
from liaison_desk.services.base import ServiceContext
from liaison_desk.services.printouts import fonts_from_settings
from liaison_desk.services.settings import SettingsService
from liaison_desk.storage import repositories as repo
from liaison_desk.storage.errors import StorageError
from liaison_desk.storage.session import Session

if TYPE_CHECKING:
    from liaison_desk.documents.catalogue import CatalogueRow
    from liaison_desk.documents.collection import CollectionResult

log = logging.getLogger(__name__)


class UnknownCase(ValidationError):
    """No case answers to what the user wrote (or it is in the recycle bin)."""

    def __init__(self, key: str, message: str = "") -> None:
        self.key = key
        super().__init__(
            [
                Problem(
                    "case",
                    message
                    or f"找不到案例「{key}」。请写案例的档号（如 J012-WS·2024-Y-ZL-0001）、"
                    "完整标题，或案例的序号。",
                )
            ]
        )


@dataclass(frozen=True)
class MaskedLine:
    """One line that masking changes: where it is (标题, 背景起因, 照片说明1 …), as recorded and
    as it will leave the office."""

    where: str
    original: str
    masked: str


_ARCHIVE_SEPARATORS = re.compile(r"[\s·•・.\-—–_/\\]+")


def _archive_key(text: str) -> str:
    """A 档号 with every separator alike: J012-WS·2024-Y-ZL-0001 and j012 ws.2024-y-zl-0001 match."""
    return _ARCHIVE_SEPARATORS.sub("-", unicodedata.normalize("NFKC", text).upper()).strip("-")


class CaseDocumentService:
    def __init__(self, ctx: ServiceContext, settings: SettingsService) -> None:
        self.ctx = ctx
        self.settings = settings

    # --- finding a case -------------------------------------------------------------------

    def find(self, key: str) -> Case:
        """The case a user means by ``key``: its 档号 (J012-WS·2024-Y-ZL-0001), its exact main
        title, or its number in the database ("3" or "#3"). UnknownCase when none (or several
        with that title) answers; a case in the recycle bin is not found."""
        text = key.strip()
        if not text:
            raise UnknownCase(key, "请写出案例的档号或标题，如 J012-WS·2024-Y-ZL-0001。")
        normalised = text.replace("•", "·").replace("・", "·")
        with self.ctx.db.reading() as s:
            candidates = repo.list_cases(s, CaseFilter(text=normalised), _PageRequest()).items
            by_number = [c for c in candidates if c.archive_number == normalised]
            if by_number:
                return by_number[0]
            # 档号 typed with another separator (J012-WS.2024-…, J012-WS-2024-…, full-width or
            # spaced): the middle dot is hard to type, so any separator will do.
            loose_key = _archive_key(text)
            if loose_key and any(ch.isdigit() for ch in loose_key):
                everyone = repo.list_cases(s, CaseFilter(), _PageRequest()).items
                loose = [
                    c
                    for c in everyone
                    if c.archive_number and _archive_key(c.archive_number) == loose_key
                ]
                if len(loose) == 1:
                    return loose[0]
            by_title = [c for c in candidates if c.title.strip() == normalised]
            if len(by_title) == 1:
                return by_title[0]
            if len(by_title) > 1:
                numbers = "、".join(c.archive_number or f"#{c.id}" for c in by_title)
                raise UnknownCase(
                    key,
                    f"标题为「{text}」的案例有{len(by_title)}篇（{numbers}），请改写档号或序号。",
                )
            digits = text.removeprefix("#")
            if digits.isdigit():
                case = repo.get_case(s, int(digits))
                if case is not None and not case.is_deleted:
                    return case
        raise UnknownCase(key)

    def _case(self, case_id: int) -> Case:
        case = self.get_case(case_id)
        if case is None or case.is_deleted:
            raise UnknownCase(f"#{case_id}", f"案例（序号 {case_id}）不存在或已在回收站中。")
        return case

    def get_case(self, case_id: int) -> Case | None:
        with self.ctx.db.reading() as s:
            return repo.get_case(s, case_id)

    # --- the data ---------------------------------------------------------------------------

    def document_data(self, case_id: int, masked: bool = True) -> CaseDocumentData:
        """Everything the case's documents show, masked unless ``masked`` is False (internal
        use). UnknownCase when the case is missing or in the recycle bin."""
        return self._data(case_id, masked, images=True)

    def masking_preview(self, case_id: int) -> list[MaskedLine]:
        """What masking changes in the case's documents, line by line (title, subtitle, each
        section, each photo caption): for the preview before anything is written. Empty when
        nothing would be masked. Reads no photo."""
        plain = self._data(case_id, masked=False, images=False)
        masked = self._data(case_id, masked=True, images=False)
        fields: list[tuple[str, str, str]] = [
            ("标题", plain.title, masked.title),
            ("副标题", plain.subtitle, masked.subtitle),
        ]
        fields += [
            (label, before, after)
            for (label, before), (_, after) in zip(plain.sections, masked.sections, strict=True)
        ]
        fields += [
            (f"照片说明{n}", a.caption, b.caption)
            for n, (a, b) in enumerate(zip(plain.photos, masked.photos, strict=True), start=1)
        ]
        lines: list[MaskedLine] = []
        for where, before, after in fields:
            for old, new in zip(before.split("\n"), after.split("\n"), strict=True):
                if old != new:
                    lines.append(MaskedLine(where, old.strip(), new.strip()))
        return lines

    def _data(self, case_id: int, masked: bool, images: bool) -> CaseDocumentData:
        case = self._case(case_id)
        with self.ctx.db.reading() as s:
            group = repo.get_group(s, case.group_id) if case.group_id else None
            consultations = [
                c
                for cid in case.consultation_ids
                if (c := repo.get_consultation(s, cid)) is not None and not c.is_deleted
            ]
            roster = self._roster(s, case, consultations)
            photos = []
            for photo in case.photos:
                att = repo.get_attachment(s, photo.attachment_id)
                if att is None or att.is_deleted:
                    continue
                photos.append((att.sha256, photo.caption or att.caption))
        settings = self.settings.values()
        rules = MaskingRules.from_settings(settings) if masked else MaskingRules.NOTHING
        privacy = Privacy(roster, consultations, rules)
        return case_document_data(
            case,
            group,
            consultations,
            [
                self._photo(sha, caption) if images else CasePhotoData(b"", 0, 0, caption)
                for sha, caption in photos
            ],
            privacy,
            fonts_from_settings(settings),
            masked,
        )

    def group_of(self, case_id: int) -> LiaisonGroup | None:
        case = self._case(case_id)
        with self.ctx.db.reading() as s:
            return repo.get_group(s, case.group_id) if case.group_id else None

    @staticmethod
    def _roster(s: Session, case: Case, consultations: list[Consultation]) -> list[Person]:
        people: dict[int, Person] = {}
        if case.group_id is not None:
            for p in repo.list_people(
                s, PersonFilter(group_id=case.group_id), _PageRequest()
            ).items:
                if p.id is not None:
                    people[p.id] = p
        linked = {
            p.person_id for c in consultations for p in c.participants if p.person_id is not None
        }
        for p in repo.all_people(s, linked - set(people)):
            if p.id is not None:
                people[p.id] = p
        return list(people.values())

    def _photo(self, sha256: str, caption: str) -> CasePhotoData:
        """The stored photo upright, at most PHOTO_MAX_SIDE px, as a JPEG without EXIF."""
        if self.ctx.store is None:
            raise StorageError("这个数据库没有附件文件夹，无法读取案例照片。")
        return photo_data(self.ctx.store.display_image(sha256), caption)

    # --- files --------------------------------------------------------------------------------

    def write_docx(self, case_id: int, path: Path, masked: bool = True) -> Path:
        """The case as an editable Word file (GB/T 9704 layout, official font names), written
        through a temporary file renamed when complete. UnknownCase; OSError when the folder
        cannot be written."""
        from liaison_desk.documents.case_document import write_case_docx

        path = Path(path)
        write_case_docx(self.document_data(case_id, masked), path, written_at=self.ctx.now())
        return path

    def write_pdf(self, case_id: int, path: Path, masked: bool = True) -> Path:
        """The case as a PDF (fonts embedded), as :meth:`write_docx`. Needs a
        QGuiApplication."""
        self.write_pdf_pages(case_id, path, masked)
        return Path(path)

    def write_pdf_pages(self, case_id: int, path: Path, masked: bool = True) -> int:
        """:meth:`write_pdf`, returning the number of pages written (the catalogue's 页数)."""
        from liaison_desk.documents.case_document import build_case_pdf

        document = build_case_pdf(self.document_data(case_id, masked))
        document.write_pdf(Path(path))
        return document.page_count()

    def catalogue_row(self, case_id: int, pages: int | None = None, note: str = "") -> CatalogueRow:
        """The case as a row of the 归档文件目录: 档号, 责任者 (the group), 题名 (title and
        subtitle, the case's own title, so without brackets), 日期 (the 定稿 day), 页数."""
        from liaison_desk.documents.catalogue import case_row

        return case_row(self._case(case_id), self.group_of(case_id), pages=pages, note=note)

    def collection_title(self, case_ids: Sequence[int]) -> str:
        """The default title of a collection of these cases: "<group>2024年协商案例汇编" when all
        are of one group, else "<报送单位>委员联络组2024年协商案例汇编" (the sending office of the
        settings; the years joined when several)."""
        cases = [self._case(cid) for cid in case_ids]
        groups = {c.group_id for c in cases}
        office = str(self.settings.get("cases.issuing_office") or "")
        group = None
        if len(groups) == 1 and (gid := next(iter(groups))) is not None:
            with self.ctx.db.reading() as s:
                group = repo.get_group(s, gid)
        return collection_title(cases, office, group)

    def write_collection(
        self,
        case_ids: Sequence[int],
        path: Path,
        title: str | None = None,
        *,
        issuer: str = "",
        on: date | None = None,
        masked: bool = True,
        progress: Progress | None = None,
    ) -> CollectionResult:
        """The cases, in the order given, as one PDF (案例汇编): cover, contents, each case from a
        new page (see ``documents.collection``). ``title`` defaults to
        :meth:`collection_title`; ``issuer`` (the cover's 编印单位) to the settings' sending office
        or the group's name; ``on`` (the cover's date) to today. ``progress(done, total)`` is called as the
        cases are read, laid out and drawn; a cancel (it raises ``Cancelled``) leaves no file.
        Needs a QGuiApplication."""
        from liaison_desk.documents import collection

        ids = list(dict.fromkeys(case_ids))
        if not ids:
            raise ValidationError([Problem("cases", "请至少选择一个案例。")])
        steps = 3 * len(ids)

        data: list[CaseDocumentData] = []
        for n, cid in enumerate(ids):
            if progress is not None:
                progress(n, steps)
            data.append(self.document_data(cid, masked))
        if progress is not None:
            progress(len(ids), steps)
        group_names = {d.group_name for d in data}
        info = collection.CollectionInfo(
            title=title.strip() if title and title.strip() else self.collection_title(ids),
            issuer=issuer.strip()
            or str(self.settings.get("cases.issuing_office") or "")
            or (next(iter(group_names)) if len(group_names) == 1 else ""),
            on=on or self.ctx.today(),
            fonts=data[0].fonts if data else {},
        )

        # The collection reports layout (n cases) and drawing (n steps) on its own scale.
        step = within(progress, len(ids), 2 * len(ids), steps)
        result = collection.write_collection(data, Path(path), info, progress=step)
        if progress is not None:
            progress(steps, steps)
        return result


__all__ = ["CaseDocumentService", "MaskedLine", "UnknownCase"]
