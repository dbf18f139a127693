"""Records packages (报送数据包) out of a township's database and into the district's; case
packages (协商案例报送包) into the district's too.

Export: one ``db.reading()`` snapshot of the group's records (``storage.exchange``), masked by
the one privacy policy, written by one writer (``documents.records_package``) to a temporary
name and renamed; the masking choice goes into the package and the audit log.

Import: the package is verified first (``documents.package_check``, the same check as
``liaison-desk verify``); anything that does not verify, or comes from a newer format, is refused
with nothing written. A trial merge (rolled back) says whether anything would change: when
nothing would (the same package again), nothing is written at all. Otherwise the database is
backed up (``BackupService.back_up_before_merge``), the photo files are stored (content-
addressed: a file already there is kept once) and the whole package is merged in one
transaction with its import log entry (导入记录).

Case packages (协商案例报送包) import the same way, after the same verification: their
package.json is read as partial documents (``documents.case_package_records``: the cases, their
photos — hashed as unpacked, stored once — and linked consultations, masked as the package
was) and merged with ``Merger(partial=True)``; the import log says which kind each package was
and its masking decision.

Undo: the import log entry keeps what the merge changed (before-images, see
``storage.exchange``): undoing the last import puts exactly that back, in one transaction, on
SQLite and PostgreSQL alike (the pre-import backup stays as a second way back on SQLite).
"""

from __future__ import annotations

import tempfile
from collections.abc import Collection
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path
from typing import Any

from liaison_desk.documents.case_package_records import (
    CaseRecordsError,
    PhotoFile,
    case_package_records,
)
from liaison_desk.documents.package import PackageWritten, file_sha256
from liaison_desk.documents.package_check import PACKAGE_LIMITS, verify_package
from liaison_desk.documents.records_package import (
    KIND_LABELS,
    RecordsPackageData,
    is_records_package,
    write_records_package,
)
from liaison_desk.domain.entities import AuditEntry, Person
from liaison_desk.domain.enums import AuditAction, ParticipantCategory
from liaison_desk.domain.privacy import MaskingRules, Privacy
from liaison_desk.errors import UserFacingError
from liaison_desk.files.archive import ZipRefused, open_zip
from liaison_desk.progress import Progress
from liaison_desk.services.backups import BackupService
from liaison_desk.services.base import ServiceContext
from liaison_desk.storage import exchange
from liaison_desk.storage import repositories as repo
from liaison_desk.storage.exchange import Conflict, ImportLogEntry, MergeResult, Period
from liaison_desk.storage.records_reader import IncomingRecords, RecordsRefused, read_records


class ImportRefused(UserFacingError):
    """A package that is not imported: the message says why and what to do."""


#: The kinds of package an import takes, as the import log (导入记录) names them.
PACKAGE_KINDS = {"records": "报送数据包", "cases": "协商案例报送包"}


def masking_text(masked: bool | None) -> str:
    """The package's masking decision, as the report and the import log say it."""
    if masked is None:
        return "未说明是否隐藏个人信息"
    return "个人信息已隐藏" if masked else "未隐藏个人信息"


class _Unpacked:
    """The package unpacked into a temporary folder, once, when first needed."""

    def __init__(self, path: Path, sha256: str, bag_name: str, folder: Path) -> None:
        self.path = path
        self.sha256 = sha256
        self.bag_name = bag_name
        self.folder = folder
        self._done = False

    def data_dir(self) -> Path:
        if not self._done:
            try:
                with open_zip(self.path, PACKAGE_LIMITS, what="报送包") as archive:
                    archive.extract_all(self.folder)
            except ZipRefused as exc:
                raise ImportRefused(f"无法解开报送包：{exc}") from exc
            # What is unpacked is what was verified (the file did not change in between).
            if file_sha256(self.path) != self.sha256:
                raise ImportRefused(
                    f"「{self.path.name}」在校验之后被改动了，没有导入任何数据。请重新导入。"
                )
            self._done = True
        return self.folder / self.bag_name / "data"


@dataclass
class _Plan:
    """What one package brings, ready to merge."""

    kind: str
    records: dict[str, list[dict[str, Any]]]
    tombstones: list[dict[str, Any]]
    photos: dict[str, str]  # SHA-256 -> path inside data/
    sender: str
    sender_uuid: str | None
    masked: bool | None
    unpacked: _Unpacked
    partial: bool = False
    notes: list[str] = field(default_factory=list)


def _records_plan(doc: dict[str, Any], incoming: IncomingRecords, unpacked: _Unpacked) -> _Plan:
    """A records package's documents as ``storage.records_reader`` checked them."""
    masked = doc.get("masked")
    return _Plan(
        kind="records",
        records=incoming.records,
        tombstones=incoming.tombstones,
        photos=dict(doc.get("photos") or {}),
        sender=incoming.sender_name,
        sender_uuid=incoming.sender_uuid,
        masked=masked if isinstance(masked, bool) else None,
        unpacked=unpacked,
    )


def _case_plan(doc: dict[str, Any], bag_info: dict[str, str], unpacked: _Unpacked) -> _Plan:
    """A case package's records (``documents.case_package_records``), its photo files hashed
    as unpacked."""
    data_dir = unpacked.data_dir()
    files: dict[str, PhotoFile] = {}
    for case in doc.get("cases") or []:
        for photo in case.get("photos") or []:
            rel = str(photo.get("file") or "")
            file = data_dir / rel
            if rel and file.is_file():
                files[rel] = PhotoFile(file_sha256(file), file.stat().st_size)
    try:
        read = case_package_records(doc, bag_info, files)
    except CaseRecordsError as exc:
        raise ImportRefused(
            f"协商案例报送包的 package.json 中有无法读取的内容，没有导入任何数据：{exc}"
            "请报送单位用最新版本的软件重新导出。"
        ) from exc
    if not read.records["case"]:
        raise ImportRefused("这个协商案例报送包里没有案例，没有可导入的内容。")
    return _Plan(
        kind="cases",
        records=read.records,
        tombstones=[],
        photos=read.photos,
        sender=read.sender,
        sender_uuid=read.sender_uuid,
        masked=read.masked,
        unpacked=unpacked,
        partial=True,
        notes=read.notes,
    )


@dataclass
class ExportResult:
    written: PackageWritten
    group: str
    counts: dict[str, int]
    masked: bool


@dataclass
class ImportReport:
    """What an import did (or, with ``dry_run``, would do)."""

    file: Path
    sha256: str
    sender: str
    kind: str
    result: MergeResult
    dry_run: bool
    log_id: int | None = None
    backup: Path | None = None
    notes: list[str] = field(default_factory=list)
    masked: bool | None = None

    @property
    def counts(self) -> dict[str, int]:
        return self.result.counts

    @property
    def conflicts(self) -> list[Conflict]:
        return self.result.conflicts

    def render(self) -> str:
        c = self.counts
        head = "试导入（没有写入任何数据）" if self.dry_run else "导入完成"
        lines = [
            f"{head}：{self.file.name}（{PACKAGE_KINDS.get(self.kind, '报送包')}，{self.sender}）",
        ]
        if not self.dry_run and self.log_id is None:
            lines.append("这个报送包的内容已经全部在本库中，没有任何改动。")
        lines += [
            f"新增 {c['new']} 条，更新 {c['updated']} 条，未变 {c['skipped']} 条，"
            f"较旧 {c['older']} 条，冲突 {c['conflicts']} 条，删除 {c['deleted']} 条。",
            self.masking_line(),
        ]
        for conflict in self.conflicts:
            label = KIND_LABELS.get(conflict.kind, conflict.kind)
            lines.append(f"  冲突：{label}「{conflict.title}」：{conflict.reason}")
        if self.result.older_records:
            lines.append("以下记录本库的版本比报送包里的更新，保留本库的版本：")
            lines += [f"  {t}" for t in self.result.older_records[:50]]
        if any(c.resolvable and c.reason != "已按报送方的版本更新" for c in self.conflicts):
            if self.dry_run:  # the window asks right after the trial; the command line cannot
                lines.append(
                    "导入时有冲突的记录默认保留本库的版本；如要改用报送方的版本，在导入窗口中"
                    "逐条选择“用报送方的”，或在命令行加 --theirs。"
                )
            else:
                lines.append(
                    "有冲突的记录保留了本库的版本。如要改用报送方的版本，请重新导入并选择"
                    "“用报送方的”（命令行加 --theirs）。"
                )
        lines += self.notes
        return "\n".join(lines)

    def masking_line(self) -> str:
        """What the package's masking decision means for what was imported."""
        if self.masked is None:
            return "报送包没有说明是否隐藏了个人信息。"
        if not self.masked:
            return "未隐藏个人信息：报送包中有完整的电话号码和身份证号，请按内部资料保管。"
        if self.kind == "cases":
            hidden, shown = "群众的姓名、电话号码和身份证号", "姓名和号码"
        else:
            hidden, shown = "手机号和身份证号", "号码"
        return (
            f"个人信息已隐藏（{hidden}，本人同意公开的除外）：导入的是报送包中隐藏后的"
            f"内容，本库不会因此显示被隐藏的{shown}。"
        )


class RecordsService:
    def __init__(self, ctx: ServiceContext, backups: BackupService) -> None:
        self.ctx = ctx
        self.backups = backups

    # --- export -------------------------------------------------------------------------------

    def groups(self) -> list[str]:
        with self.ctx.db.reading() as s:
            return exchange.group_names(s)

    def export(
        self,
        out: Path,
        *,
        group: str | None = None,
        year: int | None = None,
        since: date | None = None,
        photos: bool = True,
        mask: bool = True,
        overwrite: bool = False,
        progress: Progress | None = None,
    ) -> ExportResult:
        """Write the group's records package to ``out`` (a .zip)."""
        if year is not None and since is not None:
            raise UserFacingError(
                "--year 和 --since 只能选一个：按年度导出，或导出某日以来的改动。"
            )
        with self.ctx.db.reading() as s:
            names = exchange.group_names(s)
            if group is None:
                if len(names) != 1:
                    raise UserFacingError(
                        "这个数据库里有多个联络组（或没有联络组），请指定要导出哪个联络组，"
                        f"例如 --group {names[0] if names else '织里镇联络组'}。"
                    )
                group = names[0]
            if group not in names:
                raise UserFacingError(
                    f"数据库里没有联络组「{group}」。现有：{'、'.join(names) or '（无）'}。"
                )
            snapshot = exchange.collect_records(s, group, Period(year, since))
        settings = self._settings()
        rules = (
            replace(MaskingRules.from_settings(settings), resident_names=False)
            if mask
            else MaskingRules.NOTHING
        )
        records = _masked(snapshot.records, rules)
        hashes = snapshot.photo_hashes if photos else []
        if not photos:
            records["attachment"] = []
            for case in records["case"]:
                case["photos"] = []
        store = self.ctx.store
        if hashes and store is None:
            raise UserFacingError("找不到附件文件夹，无法导出照片。请加 --no-photos 不导出照片。")
        exts: dict[str, str] = {}
        for sha in hashes:
            assert store is not None
            if not store.exists(sha):
                raise UserFacingError(
                    f"照片文件 {sha[:12]}… 在附件文件夹中找不到。请先在“数据检查”中修复，"
                    "或加 --no-photos 不导出照片。"
                )
            exts[sha] = _photo_ext(snapshot.records["attachment"], sha)
        now = self.ctx.now()
        data = RecordsPackageData(
            group=snapshot.group,
            records=records,
            tombstones=snapshot.tombstones,
            photo_hashes=hashes,
            period={"year": year, "since": since.isoformat() if since else None},
            masked=rules.masks_anything,
            masking={"phones": rules.phones, "id_cards": rules.id_cards},
            today=now.date(),
            created_at=now,
            sender_office=str(settings.get("cases.issuing_office") or ""),
            contact=(
                str(snapshot.group.get("secretary") or ""),
                str(snapshot.group.get("secretary_phone") or ""),
            ),
            photo_exts=exts,
        )
        written = write_records_package(
            data,
            Path(out),
            lambda sha: store.path_of(sha) if store is not None else Path(),
            overwrite=overwrite,
            progress=progress,
        )
        counts = {k: len(v) for k, v in records.items()}
        with self.ctx.db.session() as s:
            repo.add_audit(
                s,
                AuditEntry(
                    entity_type="group",
                    entity_uuid=str(snapshot.group["uuid"]),
                    action=AuditAction.EXPORT,
                    actor=self.ctx.actor,
                    at=now,
                    summary=(
                        f"导出报送数据包 {written.path.name}（"
                        + ("手机号、身份证号已隐藏" if data.masked else "未隐藏个人信息")
                        + "）"
                    ),
                    changes={"sha256": written.sha256, "masked": data.masked, "counts": counts},
                ),
            )
        return ExportResult(written, group, counts, data.masked)

    def _settings(self) -> dict[str, Any]:
        from liaison_desk.services.settings import SettingsService

        return SettingsService(self.ctx).values()

    # --- import -------------------------------------------------------------------------------

    def import_package(
        self,
        path: Path,
        *,
        dry_run: bool = False,
        theirs: bool | Collection[str] = False,
        progress: Progress | None = None,
    ) -> ImportReport:
        """Import a records package (报送数据包) or a case package (协商案例报送包): see the
        module docstring."""
        path = Path(path)
        if not path.is_file():
            raise ImportRefused(f"找不到文件「{path}」。请检查文件名和位置。")
        report = verify_package(path, progress=progress)
        if not report.ok:
            raise ImportRefused("报送包没有通过校验，没有导入任何数据。\n" + report.render())
        doc = report.package or {}
        with tempfile.TemporaryDirectory(prefix="liaison-desk-import-") as tmp:
            unpacked = _Unpacked(path, report.sha256, report.bag_name, Path(tmp))
            if is_records_package(doc):
                with self.ctx.db.reading() as s:
                    try:  # everything that came from outside is checked here, before any merge
                        incoming = read_records(s, doc)
                    except RecordsRefused as exc:
                        raise ImportRefused(str(exc)) from exc
                plan = _records_plan(doc, incoming, unpacked)
            else:
                plan = _case_plan(doc, report.bag_info, unpacked)
            self._refuse_for_login(plan)
            return self._import(path, report.sha256, plan, dry_run, theirs)

    def _refuse_for_login(self, plan: _Plan) -> None:
        """On a shared server, a township's login (row-level security holds it to its group)
        imports no package: merging, the import log and undo are the district office's work
        (their tables are the office's), and a package of another group would be written into
        records the login may not touch. Said before anything is read or written, rather than
        as a refused write halfway through the trial merge."""
        scope = self.ctx.db.scope
        if scope is None:
            return
        own = [name for _, name in scope.groups]
        mine = "、".join(own) or "不属于任何联络组"
        names = [str(g.get("name") or "") for g in plan.records.get("group") or []]
        others = [n for n in dict.fromkeys(names or [plan.sender]) if n and n not in own]
        what = PACKAGE_KINDS.get(plan.kind, "报送包")
        if others:
            raise ImportRefused(
                f"这个{what}是{'、'.join(others)}的记录，本账号（{mine}）只能导入本联络组的记录，"
                "服务器不允许写入别的联络组的记录。没有导入任何数据。"
                "请把报送包交给区政协办公室，用办公室的账号导入。"
            )
        raise ImportRefused(
            f"在共用的数据库服务器上，导入{what}（以及导入记录和撤销导入）由区政协办公室的账号进行，"
            f"本账号（{mine}）不能导入。没有导入任何数据。"
            "请把报送包交给区政协办公室导入；本联络组的新记录可以直接在本软件中录入。"
        )

    def _import(
        self,
        path: Path,
        sha256: str,
        plan: _Plan,
        dry_run: bool,
        theirs: bool | Collection[str],
    ) -> ImportReport:
        with self.ctx.db.reading() as s:
            trial = exchange.Merger(s, theirs=theirs, partial=plan.partial).merge(
                plan.records, plan.tombstones
            )
            s.rollback()
        result = ImportReport(
            path, sha256, plan.sender, plan.kind, trial, True, masked=plan.masked, notes=plan.notes
        )
        if dry_run or not trial.changed:
            result.dry_run = dry_run
            return result
        result.backup = self.backups.back_up_before_merge()
        self._store_photos(plan.photos, plan.unpacked)
        now = self.ctx.now()
        with self.ctx.db.session() as s:
            merged = exchange.Merger(s, theirs=theirs, partial=plan.partial).merge(
                plan.records, plan.tombstones
            )
            result.result = merged
            result.log_id = exchange.add_import_log(
                s,
                at=now,
                actor=self.ctx.actor,
                file_name=path.name,
                sha256=sha256,
                kind=plan.kind,
                sender=plan.sender,
                sender_uuid=plan.sender_uuid,
                result=merged,
                masked=plan.masked,
            )
            repo.add_audit(
                s,
                AuditEntry(
                    entity_type="group",
                    entity_uuid=plan.sender_uuid or "",
                    action=AuditAction.IMPORT,
                    actor=self.ctx.actor,
                    at=now,
                    summary=(
                        f"导入{PACKAGE_KINDS.get(plan.kind, '报送包')} {path.name}（{plan.sender}，"
                        f"{masking_text(plan.masked)}）"
                    ),
                    changes={
                        "sha256": sha256,
                        "counts": merged.counts,
                        "kind": plan.kind,
                        "masked": plan.masked,
                    },
                ),
            )
        result.dry_run = False
        return result

    def _store_photos(self, photos: dict[str, str], unpacked: _Unpacked) -> None:
        """Every photo file of the package into the store (content-addressed: one file per
        SHA-256, whoever refers to it). Before the merge's transaction: a file nobody refers to
        yet is harmless, a record pointing at a missing file is not."""
        store = self.ctx.store
        if not photos or store is None:
            return
        wanted = {sha: rel for sha, rel in photos.items() if not store.exists(sha)}
        if not wanted:
            return
        data_dir = unpacked.data_dir()
        for sha, rel in wanted.items():
            stored = store.add_file(data_dir / rel, Path(rel).name)
            if stored.sha256 != sha:
                raise ImportRefused(f"照片文件 {rel} 的内容与校验值不符，没有导入。")

    # --- undo and log -------------------------------------------------------------------------

    def undo_last(self) -> ImportLogEntry:
        """Undo the newest import not undone yet; UserFacingError when there is none."""
        scope = self.ctx.db.scope
        if scope is not None:
            raise ImportRefused(
                f"在共用的数据库服务器上，撤销导入由区政协办公室的账号进行，本账号"
                f"（{'、'.join(name for _, name in scope.groups) or '不属于任何联络组'}）"
                "不能撤销导入。什么都没有改动。请联系区政协办公室。"
            )
        with self.ctx.db.reading() as s:
            found = exchange.last_import(s)
        if found is None:
            raise UserFacingError("没有可以撤销的导入。")
        self.backups.back_up_before_merge()
        now = self.ctx.now()
        with self.ctx.db.session() as s:
            found = exchange.last_import(s)
            if found is None:
                raise UserFacingError("没有可以撤销的导入。")
            entry, data = found
            exchange.undo(s, data)
            exchange.mark_undone(s, entry.id, now)
            repo.add_audit(
                s,
                AuditEntry(
                    entity_type="import",
                    entity_uuid=entry.sha256[:36],
                    action=AuditAction.UNDO_IMPORT,
                    actor=self.ctx.actor,
                    at=now,
                    summary=f"撤销导入 {entry.file_name}（{entry.sender}）",
                ),
            )
        return entry

    def log(self) -> list[ImportLogEntry]:
        with self.ctx.db.reading() as s:
            return exchange.import_log(s)


def _photo_ext(attachments: list[dict[str, Any]], sha: str) -> str:
    for a in attachments:
        if a.get("sha256") == sha:
            suffix = Path(str(a.get("original_name") or "")).suffix.lower()
            if suffix in (".jpg", ".jpeg", ".png", ".pdf", ".gif", ".webp", ".tif", ".tiff"):
                return suffix
    return ".jpg"


_FREE_TEXT = {
    "consultation": ("minutes", "consensus"),
    "outcome_item": ("revisit_note", "unsolved_reason"),
}


def _masked(
    records: dict[str, list[dict[str, Any]]], rules: MaskingRules
) -> dict[str, list[dict[str, Any]]]:
    """The documents as they leave the app: the one privacy policy (domain/privacy.py) decides
    whose phone and ID numbers are masked, in fields and in free text. Names are not masked in
    a records package (``rules`` says so): the district merges people by record, and the
    package goes to the district office only."""
    out = {kind: [dict(d) for d in docs] for kind, docs in records.items()}
    if not rules.masks_anything:
        return out
    people = [
        Person(
            id=n,
            name=str(d.get("name") or ""),
            category=ParticipantCategory(d.get("category") or ParticipantCategory.OTHER.value),
            phone=str(d.get("phone") or ""),
            id_card=str(d.get("id_card") or ""),
            consent_to_publish=bool(d.get("consent_to_publish")),
        )
        for n, d in enumerate(out.get("person", []), 1)
    ]
    privacy = Privacy(people, [], rules)
    for d, person in zip(out.get("person", []), people, strict=True):
        d["phone"] = privacy.phone(person)
        d["id_card"] = privacy.id_card(person)
    for kind, keys in _FREE_TEXT.items():
        for d in out.get(kind, []):
            for key in keys:
                if isinstance(d.get(key), str):
                    d[key] = privacy.text(d[key])
    for d in out.get("consultation", []):
        d["speeches"] = [
            {**sp, "content": privacy.text(str(sp.get("content") or ""))}
            for sp in d.get("speeches", [])
        ]
    for d in out.get("case", []):
        sections = d.get("sections")
        if isinstance(sections, dict):
            d["sections"] = {
                k: privacy.text(v) if isinstance(v, str) else v for k, v in sections.items()
            }
    return out
