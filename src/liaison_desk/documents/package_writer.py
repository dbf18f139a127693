"""The one writer of a submission package (报送包): from a :class:`PackageData` read by
``services.packages``, lays out ``data/`` — 说明.txt, 案例汇编.pdf, each case's folder (案例.docx,
案例.pdf, 照片/), the record sheets under records/, 归档文件目录.xlsx and package.json — and hands
it to ``documents.package.write_package`` (BagIt, ZIP, progress and cancel).

Every part is masked by the one decision the data carries (``PackageData.privacy``). No database
here: photos come from the attachment store the caller passes (:class:`PhotoStore`). The layout
engines (and with them Qt) are imported only when a file is written, so importing this module
stays free of Qt; writing needs a QGuiApplication.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any, Protocol

from PIL import Image

from liaison_desk import __version__
from liaison_desk.documents.case_data import (
    CaseDocumentData,
    case_document_data,
    collection_title,
    photo_data,
)
from liaison_desk.documents.package import (
    FORMAT_NAME,
    FORMAT_VERSION,
    PACKAGE_JSON,
    PackageWritten,
    PayloadFile,
    safe_file_name,
    write_json,
    write_package,
    write_text,
)
from liaison_desk.documents.package_data import PackageData, PackagePhoto
from liaison_desk.documents.sheet_data import SheetKind, SheetOptions
from liaison_desk.domain.entities import Case, Consultation, OutcomeItem, Record
from liaison_desk.domain.enums import ConsultationKind
from liaison_desk.domain.wordcount import count_words
from liaison_desk.progress import Progress, within

README = "说明.txt"
CATALOGUE = "归档文件目录.xlsx"
COLLECTION = "案例汇编.pdf"
CASES_FOLDER = "cases"
RECORDS_FOLDER = "records"
PHOTOS_FOLDER = "照片"


class PhotoStore(Protocol):
    """Where the photos are (``storage.attachments.AttachmentStore``)."""

    def display_image(self, sha256: str) -> Image.Image: ...

    def export_jpeg(self, sha256: str, dest: Path) -> object: ...


@dataclass
class Layout:
    """Where each part goes inside ``data/``."""

    case_folders: dict[int, str] = field(default_factory=dict)
    photo_files: dict[int, list[str]] = field(default_factory=dict)
    record_files: dict[int, str] = field(default_factory=dict)


def layout_of(data: PackageData) -> Layout:
    """The package's paths: a folder per case (its masked title), a file per photo (its masked
    caption), a PDF per record sheet (its 编号)."""
    privacy = data.privacy
    layout = Layout()
    for n, case in enumerate(data.cases, 1):
        folder = f"{CASES_FOLDER}/{n:04d}-{safe_file_name(privacy.text(case.title), max_length=40)}"
        layout.case_folders[case.id or 0] = folder
        layout.photo_files[case.id or 0] = [
            f"{folder}/{PHOTOS_FOLDER}/{i:02d}-"
            f"{safe_file_name(privacy.text(photo.caption), max_length=40, fallback='照片')}.jpg"
            for i, photo in enumerate(data.photos_of(case), 1)
        ]
    for c in data.ordered_consultations:
        kind = "议事记录表" if c.kind is ConsultationKind.HALL else "微协商记录卡"
        name = safe_file_name(f"{c.number or c.uuid[:8]}-{kind}", max_length=60)
        layout.record_files[c.id or 0] = f"{RECORDS_FOLDER}/{name}.pdf"
    return layout


# --- names and tags ---------------------------------------------------------------------------


def bag_name(data: PackageData) -> str:
    """The bag's (and the ZIP's) name, e.g. 吴兴区政协-织里镇联络组-2024-协商案例报送-20241231."""
    group = data.single_group
    years = sorted({c.year for c in data.cases})
    year = str(years[0]) if len(years) == 1 else f"{years[0]}-{years[-1]}"
    parts = [data.sender.strip(), group.name if group else "", year, "协商案例报送"]
    parts.append(data.today.strftime("%Y%m%d"))
    return safe_file_name("-".join(p for p in parts if p), max_length=80)


def _source(data: PackageData) -> str:
    group = data.single_group
    names = "、".join(g.name for g in data.groups.values())
    return " ".join(p for p in (data.sender.strip(), group.name if group else "") if p) or names


def bag_info(data: PackageData) -> dict[str, str]:
    """The tags of bag-info.txt."""
    name, phone = data.contact
    names = "、".join(g.name for g in data.groups.values())
    n = len(data.cases)
    return {
        "Source-Organization": _source(data),
        "Contact-Name": name,
        "Contact-Phone": phone,
        "Bagging-Date": data.today.isoformat(),
        "External-Description": (
            f"报送“{data.target}”的协商案例 {n} 篇（{names}），含案例汇编、归档文件目录、"
            f"案例 Word/PDF 文件、照片和议事记录表"
            + ("；个人信息已隐藏" if data.masked else "；未隐藏个人信息，仅供内部存档")
        ),
        "External-Identifier": bag_name(data),
    }


# --- writing ----------------------------------------------------------------------------------


def write_submission_package(
    data: PackageData,
    out: Path,
    photos: PhotoStore,
    *,
    overwrite: bool = False,
    progress: Progress | None = None,
) -> PackageWritten:
    """Write the package of ``data`` to ``out`` (a .zip path). As ``write_package``: PackageError
    (disk/folder), ``Cancelled`` (raised by ``progress``); nothing is left behind either way."""
    return write_package(
        bag_name(data),
        bag_info(data),
        _Writer(data, photos).payload(),
        out,
        overwrite=overwrite,
        progress=progress,
    )


def _quiet(done: int, total: int, message: str = "", /) -> None:
    """No progress to report to (an export without a progress bar)."""


class _Writer:
    def __init__(self, data: PackageData, photos: PhotoStore) -> None:
        self.data = data
        self.photos = photos
        self.layout = layout_of(data)
        self.pages: dict[tuple[str, int], int | None] = {}  # ("case"/"record", id) -> pages
        self._documents: dict[int, CaseDocumentData] = {}

    def payload(self) -> list[PayloadFile]:
        data, layout = self.data, self.layout
        payload = [
            PayloadFile(README, write_text(readme(data, layout))),
            PayloadFile(
                COLLECTION,
                self._write_collection,
                "正在排版案例汇编",
                weight=3 * len(data.cases),
                reports=True,
            ),
        ]
        for case in data.cases:
            cid = case.id or 0
            folder = layout.case_folders[cid]
            payload.append(
                PayloadFile(
                    f"{folder}/案例.docx",
                    _bound(self._write_docx, case),
                    f"正在写入《{case.title}》的 Word 文件",
                )
            )
            payload.append(
                PayloadFile(
                    f"{folder}/案例.pdf",
                    _bound(self._write_case_pdf, case),
                    f"正在排版《{case.title}》的 PDF",
                    weight=2,
                )
            )
            for photo, path in zip(data.photos_of(case), layout.photo_files[cid], strict=True):
                payload.append(
                    PayloadFile(
                        path,
                        _bound(self._write_photo, photo.attachment.sha256),
                        f"正在处理《{case.title}》的照片",
                    )
                )
        for c in data.ordered_consultations:
            payload.append(
                PayloadFile(
                    layout.record_files[c.id or 0],
                    _bound(self._write_sheet, c.id or 0),
                    f"正在排版 {c.number} 的记录表",
                    weight=2,
                )
            )
        # After the PDFs: the catalogue gives each item's page count.
        payload.append(PayloadFile(CATALOGUE, self._write_catalogue, "正在写入归档文件目录"))
        payload.append(
            PayloadFile(
                PACKAGE_JSON, write_json(package_json(data, layout)), "正在写入 package.json"
            )
        )
        return payload

    # --- case documents ---

    def _document(self, case: Case) -> CaseDocumentData:
        """The case's document data with its photos, kept for the case's next file only."""
        cid = case.id or 0
        if cid not in self._documents:
            self._documents.clear()
            self._documents[cid] = self._case_document(case)
        return self._documents[cid]

    def _case_document(self, case: Case) -> CaseDocumentData:
        data = self.data
        group = data.groups.get(case.group_id) if case.group_id is not None else None
        photos = [
            photo_data(self.photos.display_image(p.attachment.sha256), p.caption)
            for p in data.photos_of(case)
        ]
        return case_document_data(
            case, group, data.linked(case), photos, data.privacy, data.fonts, data.masked
        )

    def _write_docx(self, case: Case, dest: Path) -> None:
        from liaison_desk.documents.case_document import write_case_docx

        write_case_docx(self._document(case), dest, written_at=self.data.created_at)

    def _write_case_pdf(self, case: Case, dest: Path) -> None:
        from liaison_desk.documents.case_document import build_case_pdf

        document = build_case_pdf(self._document(case))
        document.write_pdf(dest)
        self.pages["case", case.id or 0] = document.page_count()

    def _write_photo(self, sha256: str, dest: Path) -> None:
        self.photos.export_jpeg(sha256, dest)

    def _write_collection(self, dest: Path, progress: Progress | None) -> None:
        """案例汇编: cover, contents, every case from a new page; reports its own steps (reading
        the cases, then the collection's layout and drawing), so Cancel works while it runs."""
        from liaison_desk.documents import collection

        data = self.data
        total = 3 * max(len(data.cases), 1)
        report: Progress = progress if progress is not None else _quiet
        documents: list[CaseDocumentData] = []
        for n, case in enumerate(data.cases):
            report(n, total)
            documents.append(self._case_document(case))
        report(len(data.cases), total)
        office = str(data.settings.get("cases.issuing_office") or "")
        group_names = {d.group_name for d in documents}
        info = collection.CollectionInfo(
            title=collection_title(data.cases, office, data.single_group),
            issuer=data.sender.strip()
            or office
            or (next(iter(group_names)) if len(group_names) == 1 else ""),
            on=data.today,
            fonts=documents[0].fonts if documents else {},
        )
        step = within(progress, len(data.cases), 2 * len(data.cases), total)
        collection.write_collection(documents, dest, info, progress=step)
        report(total, total)

    # --- record sheets ---

    def _write_sheet(self, consultation_id: int, dest: Path) -> None:
        from liaison_desk.documents.sheets import build_job

        sheet = self.data.sheets[consultation_id]
        kind = (
            SheetKind.RECORD if sheet.consultation.kind is ConsultationKind.HALL else SheetKind.CARD
        )
        options = SheetOptions(mask=self.data.masked, blank_rows=0, fonts=self.data.fonts)
        job = build_job(kind, [sheet], options)
        job.write_pdf(dest)
        self.pages["record", consultation_id] = job.page_count()

    # --- catalogue ---

    def _write_catalogue(self, dest: Path) -> None:
        """The DA/T 22 catalogue (归档文件目录): every item is one 件 with its own 档号 — each
        case (its own title, dated the day it was finalised) and each record sheet in the
        package (a title the office composed, in [brackets], dated the session's day, noted as
        the record its case is written from) — a sheet per 年度, 保管期限 and 机构, so each
        sheet's cover matches its rows' 档号 (docs/formats-notes.md)."""
        from liaison_desk.documents.catalogue import (
            CatalogueCover,
            CoverOf,
            case_row,
            record_row,
            sections_of,
            write_sections,
        )
        from liaison_desk.domain.numbering import parse_archive_number

        data, pages = self.data, self.pages
        groups = dict(data.groups)
        rows = [
            case_row(
                c,
                groups.get(c.group_id) if c.group_id is not None else None,
                pages=pages.get(("case", c.id or 0)),
            )
            for c in data.cases
        ]
        for c in data.ordered_consultations:
            group = groups.get(c.group_id) if c.group_id is not None else None
            for_case = next(
                (data.privacy.text(k.title) for k in data.cases if c.id in k.consultation_ids), ""
            )
            rows.append(
                record_row(
                    c,
                    group,
                    pages=pages.get(("record", c.id or 0)),
                    note=f"案例《{for_case}》所依据的协商记录" if for_case else "",
                    title=data.privacy.text(c.title),
                )
            )
        group = data.single_group
        names = "、".join(g.name for g in data.groups.values())
        # 机构(问题) of each catalogue: the group whose 机构代码 its 档号 carries.
        organisations = {g.org_code: g.name for g in data.groups.values() if g.org_code}
        fonds = data.sender.strip() or (group.name if group else names)
        years = sorted({c.year for c in data.cases})
        retentions = list(dict.fromkeys(c.retention.label for c in data.cases))
        fallback = CatalogueCover(
            fonds_name=fonds,
            year=years[0] if len(years) == 1 else f"{years[0]}—{years[-1]}",
            retention="、".join(retentions),
            organisation=group.name if group else names,
        )
        for row in rows:  # rows whose group is not among the cases' (a shared session)
            parsed = parse_archive_number(row.archive_number)
            if parsed is not None and parsed.org_code not in organisations and row.responsible:
                organisations[parsed.org_code] = row.responsible
        write_sections(sections_of(rows, CoverOf(fonds, organisations, fallback)), dest)


def _bound(write: Callable[[Any, Path], None], key: Any) -> Callable[[Path], None]:
    """``write(key, dest)`` as a payload writer of ``dest``."""
    return lambda dest: write(key, dest)


# --- the texts ----------------------------------------------------------------------------------


def readme(data: PackageData, layout: Layout) -> str:
    """说明.txt: who sends what to whom, what each file is, what is hidden, how to check it."""
    name, phone = data.contact
    d = data.today
    lines = [
        "协商案例报送包说明",
        "",
        f"报送单位：{_source(data)}",
        f"报送对象：{data.target}",
        f"报送日期：{d.year}年{d.month}月{d.day}日",
    ]
    if name or phone:
        lines.append(f"联系人：{name}　{phone}".strip())
    lines += ["", f"本报送包收录协商案例 {len(data.cases)} 篇："]
    for n, case in enumerate(data.cases, 1):
        group_name = data.groups[case.group_id].name if case.group_id in data.groups else ""
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
    if data.masked:
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


def package_json(data: PackageData, layout: Layout) -> dict[str, Any]:
    """package.json (documents/package.py describes the format)."""
    privacy = data.privacy

    def day(d: date | None) -> str | None:
        return d.isoformat() if d else None

    cases: list[dict[str, Any]] = []
    photo_count = 0
    for case in data.cases:
        photos = data.photos_of(case)
        photo_count += len(photos)
        folder = layout.case_folders[case.id or 0]
        group = data.groups.get(case.group_id) if case.group_id is not None else None
        cases.append(
            {
                "uuid": case.uuid,
                "revision": case.revision,
                "version": case.version,
                "group": group.uuid if group else None,
                "year": case.year,
                "title": privacy.text(case.title),
                "subtitle": privacy.text(case.subtitle),
                "status": case.status.label,
                "archive_number": case.archive_number,
                "retention": case.retention.label,
                "word_count": count_words(case.full_text()),
                "folder": folder,
                "files": {"docx": f"{folder}/案例.docx", "pdf": f"{folder}/案例.pdf"},
                "consultations": [c.uuid for c in data.linked(case)],
                "photos": [
                    {
                        "uuid": p.attachment.uuid,
                        "revision": p.attachment.revision,
                        "caption": privacy.text(p.caption),
                        "taken_at": (
                            p.attachment.taken_at.isoformat() if p.attachment.taken_at else None
                        ),
                        "file": path,
                        "record": _photo_record(data, case, p),
                    }
                    for p, path in zip(photos, layout.photo_files[case.id or 0], strict=True)
                ],
                "record": _case_record(data, case),
            }
        )
    consultations: list[dict[str, Any]] = []
    item_count = 0
    for c in data.ordered_consultations:
        group = data.groups.get(c.group_id) if c.group_id is not None else None
        items = [i for i in c.outcome_items if not i.is_deleted]
        item_count += len(items)
        consultations.append(
            {
                "uuid": c.uuid,
                "revision": c.revision,
                "number": c.number,
                "kind": c.kind.label,
                "title": privacy.text(c.title),
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
                        "name": privacy.name(p),
                        "category": p.category.label,
                        "unit": p.unit,
                        "title": p.title,
                        "attended": p.attended,
                    }
                    for p in c.participants
                ],
                "consensus": privacy.text(c.consensus),
                "record_sheet": layout.record_files[c.id or 0],
                "outcome_items": [
                    {
                        "uuid": i.uuid,
                        "revision": i.revision,
                        "content": privacy.text(i.content),
                        "responsible_body": i.responsible_body,
                        "responsible_person": privacy.text(i.responsible_person),
                        "deadline": day(i.deadline),
                        "solved_on_spot": i.solved_on_spot,
                        "adopted": i.adopted,
                        "status": i.status.label,
                        "resolved_on": day(i.resolved_on),
                        "satisfaction": i.satisfaction.label if i.satisfaction else None,
                        "record": _item_record(data, i, position),
                    }
                    for position, i in enumerate(items)
                ],
                "record": _consultation_record(data, c),
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
            "record": {
                "short_name": g.short_name,
                "secretary": g.secretary,
                "secretary_phone": g.secretary_phone,
                **_stamps(g),
            },
        }
        for g in data.groups.values()
    ]
    return {
        "format": FORMAT_NAME,
        "format_version": FORMAT_VERSION,
        "app": {"name": "联络组履职档案台", "version": __version__},
        "created_at": data.created_at.isoformat(),
        "target": data.target,
        "masked": data.masked,
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


# --- what a receiving database keeps ---------------------------------------------------------------
# Each case, photo, consultation, outcome item and group of package.json carries a "record": its
# fields as the database stores them (codes, not labels), masked by the package's one decision,
# so the district can import the package (``services.records``) and send the cases on in its own
# package. Packages written before these were added have none; the import then reads what the
# shown fields give.


def _stamp(value: datetime | None) -> str | None:
    return value.isoformat() if value else None


def _day(value: date | None) -> str | None:
    return value.isoformat() if value else None


def _stamps(record: Record) -> dict[str, Any]:
    return {
        "created_at": _stamp(record.created_at),
        "updated_at": _stamp(record.updated_at),
        "deleted_at": _stamp(record.deleted_at),
    }


def _case_record(data: PackageData, case: Case) -> dict[str, Any]:
    privacy = data.privacy
    return {
        "year": case.year,
        "title": privacy.text(case.title),
        "subtitle": privacy.text(case.subtitle),
        "sections": {key: privacy.text(text) for key, text in case.sections.items()},
        "status": case.status.value,
        "retention": case.retention.value,
        "archive_number": case.archive_number or None,
        "finalised_on": _day(case.finalised_on),
        "version": case.version,
        **_stamps(case),
    }


def _photo_record(data: PackageData, case: Case, photo: PackagePhoto) -> dict[str, Any]:
    """The attachment the photo is: whose it is (a linked consultation's, else the case's)."""
    a = photo.attachment
    owner = data.consultations.get(a.consultation_id) if a.consultation_id is not None else None
    return {
        "consultation": owner.uuid if owner is not None else None,
        "case": case.uuid if owner is None else None,
        "kind": a.kind.value,
        "caption": data.privacy.text(a.caption),
        "position": a.position,
        "is_cover": a.is_cover,
        **_stamps(a),
    }


def _consultation_record(data: PackageData, c: Consultation) -> dict[str, Any]:
    """The consultation as its record sheet in this package shows it (names and numbers masked
    alike); participants are not linked to the roster, which the package does not carry."""
    privacy = data.privacy
    return {
        "kind": c.kind.value,
        "number": c.number,
        "archive_number": c.archive_number or None,
        "title": privacy.text(c.title),
        "topic_source": c.topic_source.value,
        "held_on": _day(c.held_on),
        "start_time": c.start_time.isoformat() if c.start_time else None,
        "end_time": c.end_time.isoformat() if c.end_time else None,
        "venue": c.venue,
        "host": c.host,
        "recorder": c.recorder,
        "status": c.status.value,
        "agenda": [privacy.text(a) for a in c.agenda],
        "minutes": privacy.text(c.minutes),
        "consensus": privacy.text(c.consensus),
        "author": c.author,
        "head_counts": [{"category": h.category.value, "count": h.count} for h in c.head_counts],
        "checklist": [
            {
                "name": s.name,
                "done": s.done,
                "done_on": _day(s.done_on),
                "note": privacy.text(s.note),
            }
            for s in c.checklist
        ],
        "participants": [
            {
                "position": n,
                "name": privacy.name(p),
                "category": p.category.value,
                "unit": p.unit,
                "title": p.title,
                "attended": p.attended,
                "absence_reason": privacy.text(p.absence_reason),
            }
            for n, p in enumerate(c.participants)
        ],
        "speeches": [
            {
                "position": n,
                "speaker": privacy.speaker(s.speaker),
                "capacity": privacy.text(s.capacity),
                "content": privacy.text(s.content),
            }
            for n, s in enumerate(c.speeches)
        ],
        **_stamps(c),
    }


def _item_record(data: PackageData, i: OutcomeItem, position: int) -> dict[str, Any]:
    privacy = data.privacy
    return {
        "position": position,
        "content": privacy.text(i.content),
        "responsible_body": i.responsible_body,
        "responsible_person": privacy.text(i.responsible_person),
        "deadline": _day(i.deadline),
        "solved_on_spot": i.solved_on_spot,
        "adopted": i.adopted,
        "status": i.status.value,
        "unsolved_reason": privacy.text(i.unsolved_reason),
        "resolved_on": _day(i.resolved_on),
        "revisit_on": _day(i.revisit_on),
        "revisit_note": privacy.text(i.revisit_note),
        "satisfaction": i.satisfaction.value if i.satisfaction else None,
        **_stamps(i),
    }


__all__ = [
    "CASES_FOLDER",
    "CATALOGUE",
    "COLLECTION",
    "PHOTOS_FOLDER",
    "README",
    "RECORDS_FOLDER",
    "Layout",
    "PhotoStore",
    "bag_info",
    "bag_name",
    "layout_of",
    "package_json",
    "readme",
    "write_submission_package",
]
