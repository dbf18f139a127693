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
        Reads the cases and everything they show in one session (documents.package_data), has
        documents.package_writer lay the package out and write it, then records the submission
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
consent is recorded. The decision is made once, over every case, linked consultation and person
of the package (``PackageData.privacy``), and every part follows it: README, package.json, the
catalogue, the record sheets, the case files and the collection.
"""

from __future__ import annotations

import dataclasses
import logging
import re
import time
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from liaison_desk.documents.package import PackageError, zip_target
from liaison_desk.documents.package_check import VerifyReport, verify_package
from liaison_desk.documents.package_data import PackageData, PackagePhoto
from liaison_desk.documents.package_writer import bag_name, write_submission_package
from liaison_desk.domain.entities import (
    Case,
    Consultation,
    LiaisonGroup,
    Participant,
    Submission,
    SubmissionCase,
)
from liaison_desk.domain.enums import CaseStatus, ConsultationKind
from liaison_desk.domain.masking import mask_name, mask_text
from liaison_desk.domain.privacy import MaskingRules, Privacy
from liaison_desk.domain.queries import PageRequest, PersonFilter
from liaison_desk.domain.rules import Problem, ValidationError
from liaison_desk.progress import Progress
from liaison_desk.services.base import ServiceContext
from liaison_desk.services.cases import CaseService, SubmissionService, number_record_sheets
from liaison_desk.services.printouts import fonts_from_settings, read_sheet_data
from liaison_desk.services.settings import SettingsService
from liaison_desk.storage import repositories as repo
from liaison_desk.storage.session import Session

log = logging.getLogger(__name__)

__all__ = [
    "ExportResult",
    "MaskedValue",
    "MaskingPreview",
    "PackageCheck",
    "PackageError",
    "PackageService",
]

_NUMBER_RUN = re.compile(r"(?:[0-9０-９]{11,17}[0-9０-９XxＸｘ])|(?:[0-9０-９]{11})")


_NO_CONTACT = (
    "报送包要写明联系人和联系电话（说明.txt 和 bag-info.txt 中），但还没有填写：请在“设置”的"
    "案例部分填写报送联系人和报送联系电话，或在联络组资料中填写联络员和联系电话。"
)


def _contact(
    data: PackageData, settings: Mapping[str, Any], own: LiaisonGroup | None
) -> tuple[str, str]:
    """See :meth:`PackageService.contact`: the first of the group's secretary (one group's
    cases), the office's contact of the settings and the own group's secretary that has both a
    name and a phone."""
    office = (
        str(settings.get("cases.contact_name") or "").strip(),
        str(settings.get("cases.contact_phone") or "").strip(),
    )
    candidates: list[tuple[str, str]] = []
    if (group := data.single_group) is not None:
        candidates.append((group.secretary.strip(), group.secretary_phone.strip()))
    candidates.append(office)
    if own is not None:
        candidates.append((own.secretary.strip(), own.secretary_phone.strip()))
    return next((c for c in candidates if all(c)), ("", ""))


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
    """The masking preview's recorder over the package's one privacy decision
    (``PackageData.privacy``, the one the writer masks with): records each value it changes."""

    def __init__(self, policy: Privacy, masked: bool) -> None:
        self.policy = policy
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


# --- the service ------------------------------------------------------------------------------


class PackageService:
    def __init__(
        self,
        ctx: ServiceContext,
        cases: CaseService,
        submissions: SubmissionService,
        settings: SettingsService,
    ) -> None:
        self.ctx = ctx
        self.cases = cases
        self.submissions = submissions
        self.settings = settings

    # --- checks --------------------------------------------------------------------------------

    def check_cases(self, case_ids: Sequence[int]) -> list[Case]:
        """See the module docstring."""
        with self.ctx.db.reading() as s:
            return self._check(s, case_ids)

    @staticmethod
    def _check(s: Session, case_ids: Sequence[int]) -> list[Case]:
        ids = list(dict.fromkeys(case_ids))
        if not ids:
            raise ValidationError([Problem("cases", "请至少选择一篇要报送的协商案例。")])
        found: list[Case] = []
        problems: list[str] = []
        for cid in ids:
            case = repo.get_case(s, cid)
            if case is None:
                problems.append(f"找不到编号为 {cid} 的协商案例。")
            elif case.is_deleted:
                problems.append(f"案例《{case.title}》在回收站中，请先恢复。")
            elif case.status is CaseStatus.DRAFT:
                problems.append(f"案例《{case.title}》还是草稿，请先定稿（定稿时生成档号）再报送。")
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
        data = self._read(case_ids, masked=masked)
        privacy = _Privacy(data.privacy, masked)
        if not privacy.enabled:
            return privacy.preview()
        for case in data.cases:
            where = f"案例《{case.title}》"
            for text in (case.title, case.subtitle, *case.sections.values()):
                privacy.text(text, where)
            for photo in data.photos_of(case):
                privacy.text(photo.caption, f"{where}的照片说明")
        for c in data.ordered_consultations:
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
        return bag_name(self._read(case_ids, sender=sender))

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
        target = target.strip()
        if not target:
            raise ValidationError(
                [Problem("target", "请填写报送对象，如“市政协优秀协商案例征集”。")]
            )
        if not all(self.contact(case_ids)):
            raise ValidationError([Problem("contact", _NO_CONTACT)])
        with self.ctx.db.session() as s:
            # Cases finalised before record sheets had 档号 give theirs now (once, kept).
            for case in self._check(s, case_ids):
                number_record_sheets(s, case)
        data = self._read(case_ids, masked=masked, sender=sender, target=target, sheets=True)
        name = bag_name(data)
        out_zip = zip_target(Path(out), name)
        if out_zip.suffix.lower() != ".zip":
            raise ValidationError([Problem("out", f"报送包文件「{out_zip.name}」应以 .zip 结尾。")])
        store = self.ctx.store
        if store is None:
            raise RuntimeError("this database has no attachment store")
        written = write_submission_package(
            data, out_zip, store, overwrite=overwrite, progress=progress
        )
        try:
            if progress is not None:
                # A cancel now still stops before anything is recorded.
                progress(1, 1, "正在登记报送记录")
            submission = self.submissions.record(
                Submission(
                    group_id=data.single_group_id,
                    target=target,
                    submitted_on=data.today,
                    note="" if masked else "未隐藏个人信息，仅供内部存档",
                    cases=[SubmissionCase(case_id=c.id) for c in data.cases if c.id],
                ),
                package=written.path,
            )
        except BaseException:
            # Not recorded, so not sent: the package goes too.
            written.path.unlink(missing_ok=True)
            raise
        cases = [self.cases.get(c.id) for c in data.cases if c.id]
        seconds = time.monotonic() - started
        log.info("exported %d cases to %s in %.1f s", len(cases), written.path, seconds)
        return ExportResult(
            path=written.path,
            sha256=written.sha256,
            size=written.size,
            bag_name=name,
            files=written.files,
            submission=submission,
            cases=[c for c in cases if c is not None],
            seconds=seconds,
        )

    def contact(self, case_ids: Sequence[int]) -> tuple[str, str]:
        """Who the package names as its contact (name, phone): for one group's cases its
        secretary, for several groups the sending office's contact of the settings
        (报送联系人), else this database's own group's secretary; ("", "") when none is known —
        an export then asks for it, because 说明.txt and bag-info.txt promise one."""
        return self._read(case_ids).contact

    # --- verification --------------------------------------------------------------------------

    def verify(self, path: Path, progress: Progress | None = None) -> PackageCheck:
        """See the module docstring."""
        report = verify_package(Path(path), progress=progress)
        match = None
        if report.sha256:
            match = next((s for s in self.submissions.all() if s.sha256 == report.sha256), None)
        return PackageCheck(report, match)

    # --- reading -------------------------------------------------------------------------------

    def _read(
        self,
        case_ids: Sequence[int],
        *,
        masked: bool = True,
        sender: str = "",
        target: str = "",
        sheets: bool = False,
    ) -> PackageData:
        """Everything the package shows, read in one session (ValidationError as
        :meth:`check_cases`), with the one privacy decision over all of it. ``sheets``: read the
        record sheets' data too (only a package being written needs it)."""
        with self.ctx.db.reading() as s:
            cases = self._check(s, case_ids)
            settings = self.settings.values_in(s)
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
            photos: dict[int, list[PackagePhoto]] = {}
            for case in cases:
                chosen = []
                for photo in case.photos:
                    att = repo.get_attachment(s, photo.attachment_id)
                    if att is not None and not att.is_deleted:
                        chosen.append(PackagePhoto(att, photo.caption or att.caption))
                photos[case.id or 0] = chosen
            rules = MaskingRules.from_settings(settings)
            privacy = Privacy(
                people.values(), consultations.values(), rules if masked else MaskingRules.NOTHING
            )
            data = PackageData(
                cases=cases,
                groups=groups,
                consultations=consultations,
                people=people,
                photos=photos,
                settings=settings,
                privacy=privacy,
                masked=masked,
                today=self.ctx.today(),
                created_at=self.ctx.now(),
                sender=sender.strip() or str(settings.get("cases.issuing_office") or ""),
                target=target,
                fonts=fonts_from_settings(settings),
            )
            data.contact = _contact(data, settings, self.settings.own_group_in(s))
            if sheets:
                # The sheets follow the package's decision, not one made per sheet.
                data.sheets = {
                    d.consultation.id or 0: dataclasses.replace(d, privacy=privacy)
                    for d in read_sheet_data(s, data.ordered_consultations, rules)
                }
        return data
