"""A case package (协商案例报送包) read as records: what its package.json carries — the groups,
the cases with their photos, the linked consultations with their outcome items — as the
documents ``storage.exchange`` merges (a table's columns by name, references by UUID), so the
district can import a township's case package like its records package.

The package is masked (the one privacy policy decided it when it was written): what is read
here is what the package shows, never more. Its documents are *partial*: a consultation without
the roster links, and for packages written before package.json carried each record's stored
fields (``"record"``, see ``documents.package_writer``) only what the shown fields give; a key
a document leaves out is left as it is in the receiving database (``Merger(partial=True)``).

Every value is checked as it is read: anything that is not what the writer puts there raises
:class:`CaseRecordsError`, whose message says which record and what, before anything is
written."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, time
from pathlib import PurePosixPath
from typing import Any, TypeVar

from liaison_desk.domain.enums import (
    AttachmentKind,
    CaseStatus,
    ConsultationKind,
    ConsultationStatus,
    Labelled,
    OutcomeStatus,
    ParticipantCategory,
    RetentionPeriod,
    Satisfaction,
    TopicSource,
)

KIND = "cases"
#: Values a document gives only to a record it creates (defaults for what the package does not
#: say); a record already in the database keeps its own (``storage.exchange.Merger``).
WHEN_NEW = "_when_new"
E = TypeVar("E", bound=Labelled)


class CaseRecordsError(ValueError):
    """A value of package.json that cannot be read as a record (the message says which)."""


@dataclass(frozen=True)
class PhotoFile:
    """A photo file of the package, as unpacked: its SHA-256 and size."""

    sha256: str
    size: int


@dataclass
class CasePackageRecords:
    """The package's records by kind (``storage.exchange.ENTITY_ORDER``), the photo files the
    attachments name (SHA-256 → path inside ``data/``), the sender, and notes for the report."""

    records: dict[str, list[dict[str, Any]]]
    photos: dict[str, str]
    sender: str
    sender_uuid: str | None
    masked: bool
    notes: list[str] = field(default_factory=list)


def case_package_records(
    doc: Mapping[str, Any],
    bag_info: Mapping[str, str],
    photo_files: Mapping[str, PhotoFile],
) -> CasePackageRecords:
    """The records of a verified case package. ``photo_files``: each photo file named by
    package.json (its path inside ``data/``), as unpacked. CaseRecordsError when a value is not
    what the writer puts there."""
    reader = _Reader(doc, bag_info, photo_files)
    return reader.read()


class _Reader:
    def __init__(
        self,
        doc: Mapping[str, Any],
        bag_info: Mapping[str, str],
        photo_files: Mapping[str, PhotoFile],
    ) -> None:
        self.doc = doc
        self.bag_info = bag_info
        self.photo_files = photo_files
        created = _text(doc.get("created_at"))
        self.sent_at = _datetime(created, "package.json 的 created_at") if created else None
        self.old = False  # a package written before "record" was added

    def read(self) -> CasePackageRecords:
        doc = self.doc
        groups = [self._group(g) for g in _dicts(doc.get("groups"))]
        group_names = {g["uuid"]: g["name"] for g in groups}
        consultations: list[dict[str, Any]] = []
        items: list[dict[str, Any]] = []
        for c in _dicts(doc.get("consultations")):
            consultation = self._consultation(c)
            consultations.append(consultation)
            for position, item in enumerate(_dicts(c.get("outcome_items"))):
                items.append(self._item(item, consultation["uuid"], position))
        cases: list[dict[str, Any]] = []
        attachments: dict[str, dict[str, Any]] = {}
        photos: dict[str, str] = {}
        for case in _dicts(doc.get("cases")):
            cases.append(self._case(case))
            for position, photo in enumerate(_dicts(case.get("photos"))):
                attachment = self._photo(photo, str(case["uuid"]), position)
                attachments.setdefault(attachment["uuid"], attachment)
                photos[attachment["sha256"]] = str(photo["file"])
        notes = []
        if self.old:
            notes.append(
                "这个案例报送包由较早版本的软件生成，package.json 只有案例和记录表上显示的内容："
                "案例正文、发言和人数统计没有导入（案例正文见包中的 案例.docx）。"
                "记录仍按 UUID 和版本号合并；该联络组的报送数据包导入后会补全。"
            )
        single = groups[0] if len(groups) == 1 else None
        sender = (
            single["name"]
            if single is not None
            else "、".join(group_names.values())
            or str(self.bag_info.get("Source-Organization") or "")
        )
        return CasePackageRecords(
            records={
                "group": groups,
                "consultation": consultations,
                "outcome_item": items,
                "case": cases,
                "attachment": list(attachments.values()),
            },
            photos=photos,
            sender=sender,
            sender_uuid=single["uuid"] if single is not None else None,
            masked=doc.get("masked") is not False,
            notes=notes,
        )

    # --- each kind ---

    def _record(self, entry: Mapping[str, Any], what: str) -> dict[str, Any]:
        record = entry.get("record")
        if record is None:
            self.old = True
            return {}
        if not isinstance(record, dict):
            raise CaseRecordsError(f"{what}的 record 应是对象。")
        return record

    def _stamps(self, record: Mapping[str, Any], what: str) -> dict[str, Any]:
        """created_at/updated_at/deleted_at as stored (a package without them: when it was
        made)."""
        fallback = self.sent_at.isoformat() if self.sent_at else None
        out: dict[str, Any] = {}
        for key in ("created_at", "updated_at"):
            value = _text(record.get(key)) or fallback
            if value is None:
                raise CaseRecordsError(f"{what}缺少 {key}。")
            out[key] = _datetime(value, f"{what}的 {key}").isoformat()
        deleted = _text(record.get("deleted_at"))
        out["deleted_at"] = (
            _datetime(deleted, f"{what}的 deleted_at").isoformat() if deleted else None
        )
        return out

    def _group(self, g: Mapping[str, Any]) -> dict[str, Any]:
        what = f"联络组「{g.get('name') or ''}」"
        record = self._record(g, what)
        name = _required_text(g.get("name"), f"{what}的名称")
        out: dict[str, Any] = {
            "uuid": _uuid_text(g.get("uuid"), what),
            "revision": _revision(g.get("revision"), what),
            "name": name,
            "town": _text(g.get("town")) or "",
            "fonds_code": _text(g.get("fonds_code")) or "",
            "org_code": _text(g.get("org_code")) or "",
            **self._stamps(record, what),
        }
        if "short_name" in record:
            out["short_name"] = _text(record.get("short_name")) or ""
        else:
            out[WHEN_NEW] = {"short_name": ""}  # derived from the town (domain)
        for key in ("secretary", "secretary_phone"):
            if key in record:
                out[key] = _text(record.get(key)) or ""
        if not record and len(_dicts(self.doc.get("groups"))) == 1:
            # The contact bag-info.txt names is the group's secretary (package_writer._contact).
            out["secretary"] = str(self.bag_info.get("Contact-Name") or "")
            out["secretary_phone"] = str(self.bag_info.get("Contact-Phone") or "")
        return out

    def _consultation(self, c: Mapping[str, Any]) -> dict[str, Any]:
        what = f"协商活动 {c.get('number') or ''}"
        record = self._record(c, what)
        shown_kind = record.get("kind", c.get("kind"))
        out: dict[str, Any] = {
            "uuid": _uuid_text(c.get("uuid"), what),
            "revision": _revision(c.get("revision"), what),
            "group": _text(c.get("group")),
            "kind": _code(ConsultationKind, shown_kind, f"{what}的类型"),
            "number": _required_text(record.get("number", c.get("number")), f"{what}的编号"),
            "archive_number": _text(record.get("archive_number")),
            "title": _text(record.get("title", c.get("title"))) or "",
            "topic_source": _code(
                TopicSource, record.get("topic_source", c.get("topic_source")), f"{what}的议题来源"
            ),
            "held_on": _day(record.get("held_on", c.get("held_on")), f"{what}的日期"),
            "start_time": _clock(record.get("start_time", c.get("start_time")), what),
            "end_time": _clock(record.get("end_time", c.get("end_time")), what),
            "venue": _text(record.get("venue", c.get("venue"))) or "",
            "host": _text(record.get("host", c.get("host"))) or "",
            "recorder": _text(record.get("recorder", c.get("recorder"))) or "",
            "consensus": _text(record.get("consensus", c.get("consensus"))) or "",
            **self._stamps(record, what),
        }
        status = record.get("status")
        if status is None:  # not shown: a consultation written up in a case has been held
            out[WHEN_NEW] = {"status": ConsultationStatus.COMPLETED.value}
        else:
            out["status"] = _code(ConsultationStatus, status, f"{what}的状态")
        if out["held_on"] is None:
            raise CaseRecordsError(f"{what}缺少日期。")
        if not out["group"]:
            raise CaseRecordsError(f"{what}没有写明属于哪个联络组。")
        if record:
            out["agenda"] = [_text(a) or "" for a in _list(record.get("agenda"), what)]
            out["minutes"] = _text(record.get("minutes")) or ""
            out["author"] = _text(record.get("author")) or ""
            out["head_counts"] = [
                {
                    "category": _code(ParticipantCategory, h.get("category"), what),
                    "count": _count(h.get("count"), what),
                }
                for h in _dicts(record.get("head_counts"))
            ]
            out["checklist"] = [
                {
                    "name": _text(step.get("name")) or "",
                    "done": bool(step.get("done")),
                    "done_on": _iso_day(step.get("done_on"), what),
                    "note": _text(step.get("note")) or "",
                }
                for step in _dicts(record.get("checklist"))
            ]
            out["speeches"] = [
                {
                    "position": n,
                    "speaker": _text(sp.get("speaker")) or "",
                    "capacity": _text(sp.get("capacity")) or "",
                    "content": _text(sp.get("content")) or "",
                }
                for n, sp in enumerate(_dicts(record.get("speeches")))
            ]
        participants = _dicts(
            record["participants"] if "participants" in record else c.get("participants")
        )
        out["participants"] = [
            {
                "position": n,
                "person": None,  # the roster does not travel in a case package
                "name": _text(p.get("name")) or "",
                "category": _code(ParticipantCategory, p.get("category"), f"{what}的参加人员"),
                "unit": _text(p.get("unit")) or "",
                "title": _text(p.get("title")) or "",
                "attended": p.get("attended") is not False,
                "absence_reason": _text(p.get("absence_reason")) or "",
            }
            for n, p in enumerate(participants)
        ]
        return out

    def _item(self, item: Mapping[str, Any], consultation: str, position: int) -> dict[str, Any]:
        what = f"意见建议「{str(item.get('content') or '')[:20]}」"
        record = self._record(item, what)
        satisfaction = record.get("satisfaction", item.get("satisfaction"))

        def value(key: str) -> Any:
            return record.get(key, item.get(key))

        out: dict[str, Any] = {
            "uuid": _uuid_text(item.get("uuid"), what),
            "revision": _revision(item.get("revision"), what),
            "consultation": consultation,
            "position": _count(record.get("position", position), what),
            "content": _text(value("content")) or "",
            "responsible_body": _text(value("responsible_body")) or "",
            "responsible_person": _text(value("responsible_person")) or "",
            "deadline": _iso_day(value("deadline"), what),
            "solved_on_spot": bool(value("solved_on_spot")),
            "adopted": bool(value("adopted")),
            "status": _code(OutcomeStatus, value("status"), f"{what}的状态"),
            "resolved_on": _iso_day(value("resolved_on"), what),
            "satisfaction": (
                _code(Satisfaction, satisfaction, f"{what}的满意度") if satisfaction else None
            ),
            **self._stamps(record, what),
        }
        if record:
            out["unsolved_reason"] = _text(record.get("unsolved_reason")) or ""
            out["revisit_on"] = _iso_day(record.get("revisit_on"), what)
            out["revisit_note"] = _text(record.get("revisit_note")) or ""
        return out

    def _case(self, case: Mapping[str, Any]) -> dict[str, Any]:
        what = f"案例《{case.get('title') or ''}》"
        record = self._record(case, what)
        year = record.get("year", case.get("year"))
        if not isinstance(year, int) or isinstance(year, bool):
            raise CaseRecordsError(f"{what}缺少年度。")
        group = _text(case.get("group"))
        if not group:
            raise CaseRecordsError(f"{what}没有写明属于哪个联络组。")
        out: dict[str, Any] = {
            "uuid": _uuid_text(case.get("uuid"), what),
            "revision": _revision(case.get("revision"), what),
            "group": group,
            "year": year,
            "title": _required_text(record.get("title", case.get("title")), f"{what}的题目"),
            "subtitle": _text(record.get("subtitle", case.get("subtitle"))) or "",
            "status": _code(CaseStatus, record.get("status", case.get("status")), f"{what}的状态"),
            "retention": _code(
                RetentionPeriod, record.get("retention", case.get("retention")), f"{what}的保管期限"
            ),
            "archive_number": _text(record.get("archive_number", case.get("archive_number")))
            or None,
            "version": _count(record.get("version", case.get("version", 1)), what) or 1,
            "consultation_ids": [str(u) for u in _list(case.get("consultations"), what)],
            "photos": [
                {
                    "attachment": _uuid_text(p.get("uuid"), what),
                    "caption": _text(p.get("caption")) or "",
                }
                for p in _dicts(case.get("photos"))
            ],
            **self._stamps(record, what),
        }
        if record:
            sections = record.get("sections")
            if not isinstance(sections, dict) or not all(
                isinstance(v, str) for v in sections.values()
            ):
                raise CaseRecordsError(f"{what}的正文（sections）格式不对。")
            out["sections"] = dict(sections)
            out["finalised_on"] = _iso_day(record.get("finalised_on"), what)
        return out

    def _photo(self, photo: Mapping[str, Any], case: str, position: int) -> dict[str, Any]:
        what = f"照片「{photo.get('caption') or ''}」"
        record = self._record(photo, what)
        rel = str(photo.get("file") or "")
        found = self.photo_files.get(rel)
        if found is None:
            raise CaseRecordsError(f"{what}的文件 {rel} 不在包中。")
        taken = _text(photo.get("taken_at"))
        out: dict[str, Any] = {
            "uuid": _uuid_text(photo.get("uuid"), what),
            "revision": _revision(photo.get("revision"), what),
            "sha256": found.sha256,
            "original_name": PurePosixPath(rel).name,
            "media_type": "image/jpeg",  # the package's photos are JPEGs (package_writer)
            "size": found.size,
            "caption": _text(record.get("caption", photo.get("caption"))) or "",
            "taken_at": _datetime(taken, f"{what}的拍摄时间").isoformat() if taken else None,
            **self._stamps(record, what),
        }
        owned = {
            "consultation": _text(record.get("consultation")),
            "case": _text(record.get("case")),
            "kind": _code(AttachmentKind, record.get("kind", AttachmentKind.PHOTO.value), what),
            "position": _count(record.get("position", position), what),
            "is_cover": bool(record.get("is_cover")),
        }
        if not owned["consultation"]:
            owned["case"] = owned["case"] or case
        if record:
            out.update(owned)
        else:  # whose photo it is, and where, is not shown: the case's, when new here
            out[WHEN_NEW] = owned
        return out


# --- values ---------------------------------------------------------------------------------------


def _dicts(value: object) -> list[dict[str, Any]]:
    if value is None:
        return []
    if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
        raise CaseRecordsError("package.json 中应是列表的地方格式不对。")
    return value


def _list(value: object, what: str) -> list[Any]:
    if value is None:
        return []
    if not isinstance(value, list):
        raise CaseRecordsError(f"{what}中应是列表的地方格式不对。")
    return value


def _text(value: object) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str):
        raise CaseRecordsError(f"应是文字的地方是 {value!r}。")
    return value


def _required_text(value: object, what: str) -> str:
    text = _text(value)
    if not text:
        raise CaseRecordsError(f"缺少{what}。")
    return text


def _uuid_text(value: object, what: str) -> str:
    import uuid

    try:
        return str(uuid.UUID(str(value)))
    except ValueError:
        raise CaseRecordsError(f"{what}的 UUID 无效：{value!r}") from None


def _revision(value: object, what: str) -> int:
    if not isinstance(value, int) or isinstance(value, bool) or value < 0:
        raise CaseRecordsError(f"{what}缺少版本号（revision）。")
    return value


def _count(value: object, what: str) -> int:
    if not isinstance(value, int) or isinstance(value, bool) or not 0 <= value < 2**31:
        raise CaseRecordsError(f"{what}中有无效的数：{value!r}")
    return value


def _code(enum: type[E], value: object, what: str) -> str:
    """The stored code of a label or code (the shown fields carry labels, "record" codes)."""
    if value is None:
        raise CaseRecordsError(f"缺少{what}。")
    try:
        return enum.from_label(str(value)).value
    except ValueError:
        raise CaseRecordsError(f"{what}「{value}」无法识别。") from None


def _parsed(parse: Callable[[str], Any], value: str, what: str) -> Any:
    try:
        return parse(value)
    except ValueError:
        raise CaseRecordsError(f"{what}「{value}」不是有效的日期或时间。") from None


def _datetime(value: str, what: str) -> datetime:
    return _parsed(datetime.fromisoformat, value, what)


def _day(value: object, what: str) -> str | None:
    text = _text(value)
    return _parsed(date.fromisoformat, text, what).isoformat() if text else None


def _iso_day(value: object, what: str) -> str | None:
    return _day(value, f"{what}的日期")


def _clock(value: object, what: str) -> str | None:
    text = _text(value)
    return _parsed(time.fromisoformat, text, f"{what}的时间").isoformat() if text else None


__all__ = [
    "KIND",
    "WHEN_NEW",
    "CasePackageRecords",
    "CaseRecordsError",
    "PhotoFile",
    "case_package_records",
]
