"""Submission packages (报送包): export case write-ups for a higher level, record the submission,
and verify a package — the use cases behind the export dialog, the 校验报送包 dialog and the
``export-cases`` / ``verify`` commands.

API (``services.packages``; the long calls take a ``liaison_desk.progress.Progress`` —
``progress(done, total, message)``, raising ``Cancelled`` when the user cancelled — so the UI
passes its ``TaskControl`` and runs them with ``run_with_progress``)::

    check_cases(case_ids) -> list[Case]
        The cases, in the given order, ready to send: ValidationError (field "cases", a Chinese
        message naming each case) when one is missing, in the recycle bin or a draft (no 档号
        yet). A case returned for changes (退回) may be sent again once revised. Cheap: call it
        when the dialog opens.
    masking_preview(case_ids, masked=True) -> MaskingPreview
        What the package will show masked: one MaskedValue per person/number (who, which field,
        before → after, where it appears); consenting people listed as kept. ``.text()`` is the
        same as one readable list.
    package_name(case_ids, sender="") -> str
        The bag's (and the ZIP's) name, e.g. 吴兴区政协-织里镇联络组-2024-协商案例报送-20241231,
        to propose in the save dialog.
    export(case_ids, target, out, *, masked=True, sender="", overwrite=False,
           progress=None) -> ExportResult
        Builds the package (documents.package.write_package), then records the submission
        (报送记录: date, target, cases, file name, SHA-256 of the ZIP) — the cases become 已报送
        (a case already 入选 stays 入选). ``out``: a folder (the ZIP is named after the bag) or a
        .zip path. Needs a QGuiApplication (the PDFs are drawn with QtGui). Raises
        ValidationError (bad input, before any work), PackageError (disk/folder; nothing left
        behind), Cancelled (nothing left behind, nothing recorded).
    verify(path, progress=None) -> PackageCheck
        documents.package.verify_package, plus the 报送记录 whose SHA-256 matches the file (when
        this database sent it). Never raises for a bad package: the report says what is wrong.

Results per case (入选 / 未入选 / 退回修改 with a note; the case status follows) are recorded with
``services.submissions.set_result``.

Privacy (domain.md): with ``masked`` (the default) residents' names become 张某 and phone and ID
numbers in any text are masked, following the database's masking settings, unless the person's
consent is recorded. The same rules are applied to every part: the case documents
(services.case_documents), the record sheets (documents.sheets) and package.json (here).
"""

from __future__ import annotations

import dataclasses
import functools
import logging
import re
import time
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from liaison_desk import __version__
from liaison_desk.documents.package import (
    FORMAT_NAME,
    FORMAT_VERSION,
    PACKAGE_JSON,
    PackageError,
    PayloadFile,
    VerifyReport,
    safe_file_name,
    verify_package,
    write_json,
    write_package,
    write_text,
    zip_target,
)
from liaison_desk.documents.sheet_data import SheetData, SheetKind, SheetOptions
from liaison_desk.domain.entities import (
    Attachment,
    Case,
    Consultation,
    LiaisonGroup,
    Participant,
    Person,
    Submission,
    SubmissionCase,
)
from liaison_desk.domain.enums import CaseStatus, ConsultationKind
from liaison_desk.domain.masking import mask_name, mask_text
from liaison_desk.domain.privacy import MaskingRules, Privacy
from liaison_desk.domain.queries import PageRequest, PersonFilter
from liaison_desk.domain.rules import Problem, ValidationError
from liaison_desk.domain.wordcount import count_words
from liaison_desk.progress import Progress
from liaison_desk.services.base import ServiceContext
from liaison_desk.services.case_documents import CaseDocumentService
from liaison_desk.services.cases import CaseService, SubmissionService
from liaison_desk.services.printouts import PrintoutService
from liaison_desk.services.settings import SettingsService
from liaison_desk.storage import repositories as repo

log = logging.getLogger(__name__)

__all__ = [
    "ExportResult",
    "MaskedValue",
    "MaskingPreview",
    "PackageCheck",
    "PackageError",
    "PackageService",
]

README = "说明.txt"
CATALOGUE = "归档文件目录.xlsx"
COLLECTION = "案例汇编.pdf"
CASES_FOLDER = "cases"
RECORDS_FOLDER = "records"
PHOTOS_FOLDER = "照片"
_NUMBER_RUN = re.compile(r"(?:[0-9０-９]{11,17}[0-9０-９XxＸｘ])|(?:[0-9０-９]{11})")


def _call(write: Callable[..., object], key: Any, dest: Path, **kwargs: Any) -> None:
    """``write(key, dest, **kwargs)``: a payload writer from a service's file function."""
    write(key, dest, **kwargs)


# --- results --------------------------------------------------------------------------------


@dataclass(frozen=True)
class MaskedValue:
    """One value the package shows masked (or, with ``consented``, in full because the person's
    consent is recorded): whose it is, which field, before → after, and where it appears."""

    who: str  # 王小明（群众代表）; for a number found in a text: its owner when known, else ""
    field: str  # 姓名 / 手机号 / 身份证号
    before: str
    after: str
    where: tuple[str, ...]  # 织里-2024-议-012 议事记录表, 案例《助力青年返乡》, ...
    consented: bool = False


@dataclass(frozen=True)
class MaskingPreview:
    masked: bool  # False: the export shows everything (internal use)
    items: tuple[MaskedValue, ...]

    @property
    def hidden(self) -> tuple[MaskedValue, ...]:
        return tuple(i for i in self.items if not i.consented and i.before != i.after)

    @property
    def kept(self) -> tuple[MaskedValue, ...]:
        return tuple(i for i in self.items if i.consented)

    def text(self) -> str:
        """The preview as a readable Chinese list."""
        if not self.masked:
            return (
                "不隐藏个人信息：群众的姓名、电话号码和身份证号将原样写入报送包，只能用于内部存档。"
            )
        if not self.items:
            return "报送包中没有需要隐藏的个人信息。"
        lines = [f"将隐藏 {len(self.hidden)} 项个人信息："]
        for i in self.hidden:
            who = f"{i.who} 的" if i.who else ""
            lines.append(f"  {who}{i.field}：{i.before} → {i.after}（{'、'.join(i.where)}）")
        if self.kept:
            lines.append(f"本人已同意公开、不隐藏 {len(self.kept)} 项：")
            lines += [f"  {i.who} 的{i.field}：{i.before}" for i in self.kept]
        return "\n".join(lines)


@dataclass(frozen=True)
class ExportResult:
    path: Path
    sha256: str
    size: int
    bag_name: str
    files: int
    submission: Submission
    cases: list[Case]  # as they are after the submission was recorded
    seconds: float


@dataclass(frozen=True)
class PackageCheck:
    """A verified package and, when this database sent it, its 报送记录."""

    report: VerifyReport
    submission: Submission | None = None

    @property
    def ok(self) -> bool:
        return self.report.ok

    def render(self) -> str:
        text = self.report.render()
        if self.submission is not None:
            s = self.submission
            text += (
                f"\n报送记录：{s.submitted_on:%Y年%m月%d日} 报送“{s.target}”，"
                f"文件名 {s.file_name}（与本文件的 SHA-256 一致）"
            )
        return text


# --- privacy over a whole package -----------------------------------------------------------


class _Privacy:
    """The package's use of the one privacy policy (domain/privacy.py), decided once over every
    case, linked consultation and person the package holds, so its texts, sheets, catalogue and
    JSON mask the same people. Records each value it changes, for the preview."""

    def __init__(
        self,
        consultations: Iterable[Consultation],
        people: dict[int, Person],
        settings: dict[str, Any],
        masked: bool,
    ) -> None:
        rules = MaskingRules.from_settings(settings) if masked else MaskingRules.NOTHING
        self.policy = Privacy(people.values(), consultations, rules)
        self.enabled = masked
        self.masked_names = self.policy.masked_names
        self.consenting = self.policy.consenting
        self.values: dict[tuple[str, str, str], MaskedValue] = {}

    def name(self, participant: Participant, where: str) -> str:
        shown = self.policy.name(participant)
        if shown != participant.name:
            self._note(participant.name, "姓名", participant.name, shown, where)
        elif self.policy.rules.resident_names and participant.category.is_resident:
            self._note(participant.name, "姓名", participant.name, shown, where, consented=True)
        return shown

    def speaker(self, name: str, where: str) -> str:
        shown = self.policy.speaker(name)
        if shown != name:
            self._note(name, "姓名", name, shown, where)
        return shown

    def text(self, text: str, where: str) -> str:
        shown = self.policy.text(text)
        if self.enabled and text:
            self._note_text(text, where)
        return shown

    def _note_text(self, text: str, where: str) -> None:
        for m in _NUMBER_RUN.finditer(text):
            token = m.group(0)
            after = self.policy.text(token)
            owner = self.policy.person_with_number(token)
            digits = unicodedata.normalize("NFKC", token)
            field = "身份证号" if len(digits) == 18 else "手机号"
            if after != token:
                self._note(owner.name if owner else "", field, token, after, where)
            elif owner is not None and owner.consent_to_publish and mask_text(token) != token:
                # A number the policy keeps because its owner consented: listed as kept.
                self._note(owner.name, field, token, token, where, consented=True)
        if self.policy.rules.resident_names:
            for name in self.masked_names:
                # Only when the name really is masked in this text (not inside a kept name).
                if name in text and mask_text(text, [name], keep=self.policy.kept_names) != text:
                    self._note(name, "姓名", name, mask_name(name), where)

    def _note(
        self, who: str, field: str, before: str, after: str, where: str, consented: bool = False
    ) -> None:
        key = (field, before, after)
        role = self.masked_names.get(who) or self.consenting.get(who)
        shown_who = f"{who}（{role}）" if who and role else who
        old = self.values.get(key)
        places = (
            (*old.where, where)
            if old and where not in old.where
            else (old.where if old else (where,))
        )
        self.values[key] = MaskedValue(shown_who, field, before, after, places, consented)

    def preview(self) -> MaskingPreview:
        items = sorted(
            self.values.values(), key=lambda v: (v.consented, v.field != "姓名", v.who, v.before)
        )
        return MaskingPreview(self.enabled, tuple(items))


# --- what goes into a package ---------------------------------------------------------------


@dataclass
class _Contents:
    """Everything a package needs, read from the database in one go."""

    cases: list[Case]
    groups: dict[int, LiaisonGroup]
    consultations: dict[int, Consultation]  # the linked ones, by id
    people: dict[int, Person]
    photos: dict[int, list[tuple[Attachment, str]]]  # case id -> (attachment, caption)
    settings: dict[str, Any]
    today: date

    def linked(self, case: Case) -> list[Consultation]:
        return [
            self.consultations[cid] for cid in case.consultation_ids if cid in self.consultations
        ]

    @property
    def ordered_consultations(self) -> list[Consultation]:
        seen: dict[int, Consultation] = {}
        for case in self.cases:
            for c in self.linked(case):
                if c.id is not None:
                    seen.setdefault(c.id, c)
        return list(seen.values())


@dataclass
class _Layout:
    """Where each part goes inside ``data/``."""

    case_folders: dict[int, str] = field(default_factory=dict)
    photo_files: dict[int, list[str]] = field(default_factory=dict)
    record_files: dict[int, str] = field(default_factory=dict)


class PackageService:
    def __init__(self, ctx: ServiceContext, case_documents: CaseDocumentService | None = None):
        self.ctx = ctx
        self.cases = CaseService(ctx)
        self.submissions = SubmissionService(ctx)
        self.printouts = PrintoutService(ctx)
        self.case_documents = case_documents or CaseDocumentService(ctx)

    # --- checks --------------------------------------------------------------------------------

    def check_cases(self, case_ids: Sequence[int]) -> list[Case]:
        """See the module docstring."""
        ids = list(dict.fromkeys(case_ids))
        if not ids:
            raise ValidationError([Problem("cases", "请至少选择一篇要报送的协商案例。")])
        found: list[Case] = []
        problems: list[str] = []
        with self.ctx.db.reading() as s:
            for cid in ids:
                case = repo.get_case(s, cid)
                if case is None:
                    problems.append(f"找不到编号为 {cid} 的协商案例。")
                elif case.is_deleted:
                    problems.append(f"案例《{case.title}》在回收站中，请先恢复。")
                elif case.status is CaseStatus.DRAFT:
                    problems.append(
                        f"案例《{case.title}》还是草稿，请先定稿（定稿时生成档号）再报送。"
                    )
                else:
                    found.append(case)
        if problems:
            raise ValidationError([Problem("cases", "".join(problems))])
        return found

    # --- masking preview -----------------------------------------------------------------------

    def masking_preview(self, case_ids: Sequence[int], masked: bool = True) -> MaskingPreview:
        """See the module docstring. Goes over the same texts the package shows: the cases'
        titles and sections, photo captions, and the linked consultations' participants,
        speeches, minutes, consensus and outcome items."""
        contents = self._read(self.check_cases(case_ids))
        privacy = self._privacy(contents, masked)
        if not privacy.enabled:
            return privacy.preview()
        for case in contents.cases:
            where = f"案例《{case.title}》"
            for text in (case.title, case.subtitle, *case.sections.values()):
                privacy.text(text, where)
            for _att, caption in contents.photos.get(case.id or 0, []):
                privacy.text(caption, f"{where}的照片说明")
        for c in contents.ordered_consultations:
            sheet = f"{c.number} {'议事记录表' if c.kind is ConsultationKind.HALL else '记录卡'}"
            for p in c.participants:
                privacy.name(p, sheet)
            for speech in c.speeches:
                privacy.speaker(speech.speaker, sheet)
                privacy.text(speech.content, sheet)
            for text in (c.title, c.minutes, c.consensus, *c.agenda):
                privacy.text(text, sheet)
            for item in c.outcome_items:
                if not item.is_deleted:
                    privacy.text(item.content, sheet)
                    privacy.text(item.revisit_note, sheet)
        return privacy.preview()

    # --- export --------------------------------------------------------------------------------

    def package_name(self, case_ids: Sequence[int], sender: str = "") -> str:
        """See the module docstring."""
        return self._bag_name(self._read(self.check_cases(case_ids)), self._sender(sender))

    def _sender(self, sender: str) -> str:
        """The sending office given, else the one the settings name (may be empty)."""
        return sender.strip() or str(SettingsService(self.ctx).get("cases.issuing_office") or "")

    def export(
        self,
        case_ids: Sequence[int],
        target: str,
        out: Path,
        *,
        masked: bool = True,
        sender: str = "",
        overwrite: bool = False,
        progress: Progress | None = None,
    ) -> ExportResult:
        """See the module docstring."""
        started = time.monotonic()
        sender = self._sender(sender)
        target = target.strip()
        if not target:
            raise ValidationError(
                [Problem("target", "请填写报送对象，如“市政协优秀协商案例征集”。")]
            )
        contents = self._read(self.check_cases(case_ids))
        bag_name = self._bag_name(contents, sender)
        out_zip = zip_target(Path(out), bag_name)
        if out_zip.suffix.lower() != ".zip":
            raise ValidationError([Problem("out", f"报送包文件「{out_zip.name}」应以 .zip 结尾。")])
        privacy = self._privacy(contents, masked)
        payload = self._payload(contents, privacy, target, sender, masked)
        written = write_package(
            bag_name,
            self._bag_info(contents, target, sender, masked),
            payload,
            out_zip,
            overwrite=overwrite,
            progress=progress,
        )
        try:
            if progress is not None:
                # A cancel now still stops before anything is recorded.
                progress(1, 1, "正在登记报送记录")
            submission = self.submissions.record(
                Submission(
                    group_id=self._single_group_id(contents),
                    target=target,
                    submitted_on=contents.today,
                    note="" if masked else "未隐藏个人信息，仅供内部存档",
                    cases=[SubmissionCase(case_id=c.id) for c in contents.cases if c.id],
                ),
                package=written.path,
            )
        except BaseException:
            # Not recorded, so not sent: the package goes too.
            written.path.unlink(missing_ok=True)
            raise
        cases = [self.cases.get(c.id) for c in contents.cases if c.id]
        seconds = time.monotonic() - started
        log.info("exported %d cases to %s in %.1f s", len(cases), written.path, seconds)
        return ExportResult(
            path=written.path,
            sha256=written.sha256,
            size=written.size,
            bag_name=bag_name,
            files=written.files,
            submission=submission,
            cases=[c for c in cases if c is not None],
            seconds=seconds,
        )

    # --- verification --------------------------------------------------------------------------

    def verify(self, path: Path, progress: Progress | None = None) -> PackageCheck:
        """See the module docstring."""
        report = verify_package(Path(path), progress=progress)
        match = None
        if report.sha256:
            match = next((s for s in self.submissions.all() if s.sha256 == report.sha256), None)
        return PackageCheck(report, match)

    # --- reading -------------------------------------------------------------------------------

    def _read(self, cases: list[Case]) -> _Contents:
        settings = SettingsService(self.ctx).values()
        with self.ctx.db.reading() as s:
            consultations: dict[int, Consultation] = {}
            for case in cases:
                for cid in case.consultation_ids:
                    c = repo.get_consultation(s, cid)
                    if c is not None and not c.is_deleted and c.id is not None:
                        consultations[c.id] = c
            group_ids = list(dict.fromkeys(c.group_id for c in cases if c.group_id is not None))
            groups = {gid: g for gid in group_ids if (g := repo.get_group(s, gid)) is not None}
            person_ids = {
                p.person_id
                for c in consultations.values()
                for p in c.participants
                if p.person_id is not None
            }
            people = {p.id: p for p in repo.all_people(s, person_ids) if p.id is not None}
            # The groups' rosters too: a resident named in a case's text is masked even when
            # not among the linked consultations' participants (as the case documents do).
            for gid in group_ids:
                roster = repo.list_people(s, PersonFilter(group_id=gid), PageRequest()).items
                people.update({p.id: p for p in roster if p.id is not None})
            photos: dict[int, list[tuple[Attachment, str]]] = {}
            for case in cases:
                chosen = []
                for photo in case.photos:
                    att = repo.get_attachment(s, photo.attachment_id)
                    if att is not None and not att.is_deleted:
                        chosen.append((att, photo.caption or att.caption))
                photos[case.id or 0] = chosen
        return _Contents(cases, groups, consultations, people, photos, settings, self.ctx.today())

    def _privacy(self, contents: _Contents, masked: bool) -> _Privacy:
        return _Privacy(contents.consultations.values(), contents.people, contents.settings, masked)

    @staticmethod
    def _single_group_id(contents: _Contents) -> int | None:
        ids = {c.group_id for c in contents.cases}
        return ids.pop() if len(ids) == 1 else None

    def _bag_name(self, contents: _Contents, sender: str) -> str:
        gid = self._single_group_id(contents)
        group = contents.groups.get(gid) if gid is not None else None
        years = sorted({c.year for c in contents.cases})
        year = str(years[0]) if len(years) == 1 else f"{years[0]}-{years[-1]}"
        parts = [sender.strip(), group.name if group else "", year, "协商案例报送"]
        parts.append(contents.today.strftime("%Y%m%d"))
        return safe_file_name("-".join(p for p in parts if p), max_length=80)

    def _bag_info(
        self, contents: _Contents, target: str, sender: str, masked: bool
    ) -> dict[str, str]:
        gid = self._single_group_id(contents)
        group = contents.groups.get(gid) if gid is not None else None
        contact = group or SettingsService(self.ctx).own_group()
        names = "、".join(g.name for g in contents.groups.values())
        source = " ".join(p for p in (sender.strip(), group.name if group else "") if p) or names
        n = len(contents.cases)
        return {
            "Source-Organization": source,
            "Contact-Name": contact.secretary if contact else "",
            "Contact-Phone": contact.secretary_phone if contact else "",
            "Bagging-Date": contents.today.isoformat(),
            "External-Description": (
                f"报送“{target}”的协商案例 {n} 篇（{names}），含案例汇编、归档文件目录、"
                f"案例 Word/PDF 文件、照片和议事记录表"
                + ("；个人信息已隐藏" if masked else "；未隐藏个人信息，仅供内部存档")
            ),
            "External-Identifier": self._bag_name(contents, sender),
        }

    # --- the payload ---------------------------------------------------------------------------

    def _layout(self, contents: _Contents, privacy: _Privacy) -> _Layout:
        layout = _Layout()
        for n, case in enumerate(contents.cases, 1):
            folder = f"{CASES_FOLDER}/{n:04d}-{safe_file_name(privacy.text(case.title, ''), max_length=40)}"
            layout.case_folders[case.id or 0] = folder
            layout.photo_files[case.id or 0] = [
                f"{folder}/{PHOTOS_FOLDER}/{i:02d}-"
                f"{safe_file_name(privacy.text(caption, ''), max_length=40, fallback='照片')}.jpg"
                for i, (_att, caption) in enumerate(contents.photos.get(case.id or 0, []), 1)
            ]
        for c in contents.ordered_consultations:
            kind = "议事记录表" if c.kind is ConsultationKind.HALL else "微协商记录卡"
            name = safe_file_name(f"{c.number or c.uuid[:8]}-{kind}", max_length=60)
            layout.record_files[c.id or 0] = f"{RECORDS_FOLDER}/{name}.pdf"
        privacy.values.clear()  # the names above are not part of the preview
        return layout

    def _payload(
        self,
        contents: _Contents,
        privacy: _Privacy,
        target: str,
        sender: str,
        masked: bool,
    ) -> list[PayloadFile]:
        layout = self._layout(contents, privacy)
        docs = self.case_documents
        ids = [c.id or 0 for c in contents.cases]
        store = self.ctx.store
        if store is None:
            raise RuntimeError("this database has no attachment store")
        fonts = self.printouts.fonts()
        pages: dict[tuple[str, int], int | None] = {}  # ("case"/"record", id) -> PDF pages

        def case_pdf(case_id: int, dest: Path) -> None:
            pages["case", case_id] = docs.write_pdf_pages(case_id, dest, masked)

        payload = [
            PayloadFile(README, write_text(self._readme(contents, target, sender, masked, layout))),
            PayloadFile(
                COLLECTION,
                functools.partial(self._write_collection, ids, sender, contents.today, masked),
                "正在排版案例汇编",
                weight=3 * len(ids),
                reports=True,
            ),
        ]
        for case in contents.cases:
            folder = layout.case_folders[case.id or 0]
            payload.append(
                PayloadFile(
                    f"{folder}/案例.docx",
                    functools.partial(_call, docs.write_docx, case.id or 0, masked=masked),
                    f"正在写入《{case.title}》的 Word 文件",
                )
            )
            payload.append(
                PayloadFile(
                    f"{folder}/案例.pdf",
                    functools.partial(case_pdf, case.id or 0),
                    f"正在排版《{case.title}》的 PDF",
                    weight=2,
                )
            )
            for (att, _caption), path in zip(
                contents.photos.get(case.id or 0, []), layout.photo_files[case.id or 0], strict=True
            ):
                payload.append(
                    PayloadFile(
                        path,
                        functools.partial(_call, store.export_jpeg, att.sha256),
                        f"正在处理《{case.title}》的照片",
                    )
                )
        # The sheets follow the package's own decision, not one made per sheet.
        sheet_data = {
            d.consultation.id: dataclasses.replace(d, privacy=privacy.policy)
            for d in self.printouts.sheet_data(
                [c.id for c in contents.ordered_consultations if c.id is not None]
            )
        }
        for c in contents.ordered_consultations:
            payload.append(
                PayloadFile(
                    layout.record_files[c.id or 0],
                    self._sheet_writer(sheet_data[c.id], masked, fonts, pages),
                    f"正在排版 {c.number} 的记录表",
                    weight=2,
                )
            )
        # After the PDFs: the catalogue gives each item's page count.
        payload.append(
            PayloadFile(
                CATALOGUE,
                lambda dest: self._write_catalogue(contents, privacy, sender, pages, dest),
                "正在写入归档文件目录",
            )
        )
        doc = self._package_json(contents, privacy, layout, target, masked)
        payload.append(PayloadFile(PACKAGE_JSON, write_json(doc), "正在写入 package.json"))
        return payload

    def _write_collection(
        self,
        ids: list[int],
        sender: str,
        on: date,
        masked: bool,
        dest: Path,
        progress: Progress | None,
    ) -> None:
        self.case_documents.write_collection(
            ids, dest, issuer=sender.strip(), on=on, masked=masked, progress=progress
        )

    def _write_catalogue(
        self,
        contents: _Contents,
        privacy: _Privacy,
        sender: str,
        pages: dict[tuple[str, int], int | None],
        dest: Path,
    ) -> None:
        """The DA/T 22 catalogue (归档文件目录): one row per item — each case (its own title and
        档号), then each record sheet in the package (a title the office composed, in
        [brackets], noted as the material of its case)."""
        from liaison_desk.documents.catalogue import CatalogueCover, CatalogueRow, write_catalogue

        docs = self.case_documents
        rows = [
            docs.catalogue_row(c.id or 0, pages=pages.get(("case", c.id or 0)))
            for c in contents.cases
        ]
        for c in contents.ordered_consultations:
            group = contents.groups.get(c.group_id) if c.group_id is not None else None
            kind = "议事记录表" if c.kind is ConsultationKind.HALL else "微协商记录卡"
            for_case = next((k.title for k in contents.cases if c.id in k.consultation_ids), "")
            rows.append(
                CatalogueRow(
                    archive_number="",
                    title=f"{c.number}《{privacy.text(c.title, '')}》{kind}",
                    responsible=group.name if group else "",
                    on=c.held_on,
                    pages=pages.get(("record", c.id or 0)),
                    note=f"案例《{for_case}》所依据的协商记录" if for_case else "",
                    composed_title=True,
                )
            )
        gid = self._single_group_id(contents)
        group = contents.groups.get(gid) if gid is not None else None
        years = sorted({c.year for c in contents.cases})
        retentions = list(dict.fromkeys(c.retention.label for c in contents.cases))
        names = "、".join(g.name for g in contents.groups.values())
        cover = CatalogueCover(
            fonds_name=sender.strip() or (group.name if group else names),
            year=years[0] if len(years) == 1 else f"{years[0]}—{years[-1]}",
            retention="、".join(retentions),
            organisation=group.name if group else names,
        )
        write_catalogue(rows, dest, cover)
        privacy.values.clear()  # composing titles is not part of the preview

    def _sheet_writer(
        self,
        data: SheetData,
        masked: bool,
        fonts: dict[str, str],
        pages: dict[tuple[str, int], int | None],
    ) -> Callable[[Path], None]:

        kind = (
            SheetKind.RECORD if data.consultation.kind is ConsultationKind.HALL else SheetKind.CARD
        )
        options = SheetOptions(mask=masked, blank_rows=0, fonts=fonts)

        def write(dest: Path) -> None:
            job = self.printouts.build(kind, [data], options)
            job.write_pdf(dest)
            pages["record", data.consultation.id or 0] = job.page_count()

        return write

    def _readme(
        self, contents: _Contents, target: str, sender: str, masked: bool, layout: _Layout
    ) -> str:
        gid = self._single_group_id(contents)
        group = contents.groups.get(gid) if gid is not None else None
        contact = group or SettingsService(self.ctx).own_group()
        source = " ".join(
            p for p in (sender.strip(), group.name if group else "") if p
        ) or "、".join(g.name for g in contents.groups.values())
        d = contents.today
        lines = [
            "协商案例报送包说明",
            "",
            f"报送单位：{source}",
            f"报送对象：{target}",
            f"报送日期：{d.year}年{d.month}月{d.day}日",
        ]
        if contact and (contact.secretary or contact.secretary_phone):
            lines.append(f"联系人：{contact.secretary}　{contact.secretary_phone}".rstrip())
        lines += ["", f"本报送包收录协商案例 {len(contents.cases)} 篇："]
        for n, case in enumerate(contents.cases, 1):
            group_name = (
                contents.groups[case.group_id].name if case.group_id in contents.groups else ""
            )
            number = f"，档号 {case.archive_number}" if case.archive_number else ""
            lines.append(f"  {n}. 《{case.title}》{case.subtitle}（{group_name}{number}）")
        lines += [
            "",
            "文件说明：",
            f"  {COLLECTION}　全部案例的合订本，有封面、目录和页码，可以直接打印。",
            f"  {CATALOGUE}　按 DA/T 22《归档文件整理规则》编制的归档文件目录，每件一行。",
            f"  {CASES_FOLDER}/　每篇案例一个文件夹：案例.docx（可以修改的 Word 文件）、案例.pdf，"
            f"以及“{PHOTOS_FOLDER}”文件夹中的现场照片（已去除拍摄位置等信息）。",
            f"  {RECORDS_FOLDER}/　案例所依据的 {len(layout.record_files)} 场协商活动的议事记录表（PDF）。",
            f"  {PACKAGE_JSON}　供软件读取的数据清单：案例、协商活动、意见建议和照片，"
            "各带唯一编号（UUID）和版本号。",
            "",
            "个人信息：",
        ]
        if masked:
            lines.append(
                "  群众的姓名显示为“张某”，电话号码和身份证号只显示部分数字（如 138****8000），"
                "本人已书面同意公开的除外。政协委员和干部的姓名照常显示。"
            )
        else:
            lines.append(
                "  本报送包没有隐藏群众的姓名、电话号码和身份证号，只能用于内部存档，请勿外传。"
            )
        lines += [
            "",
            "如何检查报送包是否完整、未被改动：",
            "  本报送包是一个 BagIt 包（国际标准 RFC 8493）。外层文件夹中的 manifest-sha256.txt "
            "列出了 data 文件夹中每个文件的 SHA-256 校验值，tagmanifest-sha256.txt 列出了各清单文件的"
            "校验值，bag-info.txt 记录报送单位、联系人、打包日期和文件总数。",
            "  用联络组履职档案台检查：在软件中选择“校验报送包”，或在命令行运行 "
            "liaison-desk verify 报送包文件.zip；",
            "  也可以用任何 BagIt 工具检查解压后的文件夹，例如 bagit.py --validate 文件夹名。",
            "  校验通过说明文件齐全、没有多出或被改动的文件。",
            "",
            f"本报送包由联络组履职档案台 {__version__} 生成。",
            "",
        ]
        return "\n".join(lines)

    def _package_json(
        self,
        contents: _Contents,
        privacy: _Privacy,
        layout: _Layout,
        target: str,
        masked: bool,
    ) -> dict[str, Any]:
        def day(d: date | None) -> str | None:
            return d.isoformat() if d else None

        cases: list[dict[str, Any]] = []
        photo_count = 0
        for case in contents.cases:
            where = f"案例《{case.title}》"
            photo_count += len(contents.photos.get(case.id or 0, []))
            folder = layout.case_folders[case.id or 0]
            group = contents.groups.get(case.group_id) if case.group_id is not None else None
            cases.append(
                {
                    "uuid": case.uuid,
                    "revision": case.revision,
                    "version": case.version,
                    "group": group.uuid if group else None,
                    "year": case.year,
                    "title": privacy.text(case.title, where),
                    "subtitle": privacy.text(case.subtitle, where),
                    "status": case.status.label,
                    "archive_number": case.archive_number,
                    "retention": case.retention.label,
                    "word_count": count_words(case.full_text()),
                    "folder": folder,
                    "files": {"docx": f"{folder}/案例.docx", "pdf": f"{folder}/案例.pdf"},
                    "consultations": [c.uuid for c in contents.linked(case)],
                    "photos": [
                        {
                            "uuid": att.uuid,
                            "revision": att.revision,
                            "caption": privacy.text(caption, f"{where}的照片说明"),
                            "taken_at": att.taken_at.isoformat() if att.taken_at else None,
                            "file": path,
                        }
                        for (att, caption), path in zip(
                            contents.photos.get(case.id or 0, []),
                            layout.photo_files[case.id or 0],
                            strict=True,
                        )
                    ],
                }
            )
        consultations: list[dict[str, Any]] = []
        item_count = 0
        for c in contents.ordered_consultations:
            where = f"{c.number} 议事记录表"
            group = contents.groups.get(c.group_id) if c.group_id is not None else None
            items = [i for i in c.outcome_items if not i.is_deleted]
            item_count += len(items)
            consultations.append(
                {
                    "uuid": c.uuid,
                    "revision": c.revision,
                    "number": c.number,
                    "kind": c.kind.label,
                    "title": privacy.text(c.title, where),
                    "group": group.uuid if group else None,
                    "topic_source": c.topic_source.label,
                    "held_on": day(c.held_on),
                    "start_time": c.start_time.strftime("%H:%M") if c.start_time else None,
                    "end_time": c.end_time.strftime("%H:%M") if c.end_time else None,
                    "venue": c.venue,
                    "host": c.host,
                    "recorder": c.recorder,
                    "attendance": c.attendance_total,
                    "member_attendance": c.member_attendance,
                    "participants": [
                        {
                            "name": privacy.name(p, where),
                            "category": p.category.label,
                            "unit": p.unit,
                            "title": p.title,
                            "attended": p.attended,
                        }
                        for p in c.participants
                    ],
                    "consensus": privacy.text(c.consensus, where),
                    "record_sheet": layout.record_files[c.id or 0],
                    "outcome_items": [
                        {
                            "uuid": i.uuid,
                            "revision": i.revision,
                            "content": privacy.text(i.content, where),
                            "responsible_body": i.responsible_body,
                            "responsible_person": privacy.text(i.responsible_person, where),
                            "deadline": day(i.deadline),
                            "solved_on_spot": i.solved_on_spot,
                            "adopted": i.adopted,
                            "status": i.status.label,
                            "resolved_on": day(i.resolved_on),
                            "satisfaction": i.satisfaction.label if i.satisfaction else None,
                        }
                        for i in items
                    ],
                }
            )
        groups = [
            {
                "uuid": g.uuid,
                "revision": g.revision,
                "name": g.name,
                "town": g.town,
                "fonds_code": g.fonds_code,
                "org_code": g.org_code,
            }
            for g in contents.groups.values()
        ]
        return {
            "format": FORMAT_NAME,
            "format_version": FORMAT_VERSION,
            "app": {"name": "联络组履职档案台", "version": __version__},
            "created_at": self.ctx.now().isoformat(),
            "target": target,
            "masked": masked,
            "files": {"readme": README, "catalogue": CATALOGUE, "collection": COLLECTION},
            "groups": groups,
            "cases": cases,
            "consultations": consultations,
            "counts": {
                "cases": len(cases),
                "consultations": len(consultations),
                "outcome_items": item_count,
                "photos": photo_count,
            },
        }
