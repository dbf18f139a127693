"""A district archivist's check of exported packages (issue 14, findings 1 and 7): every row of
归档文件目录 is one 件 with a 档号 of the DA/T 22 form, its 日期 is the document's own (a case's
定稿 day, a record sheet's session day) and the same in two exports a day apart, each sheet's
保管期限 and 年度 match the 档号 on it; bag-info.txt names a contact, for one group or several."""

from __future__ import annotations

import io
import json
import re
import shutil
import zipfile
from datetime import datetime
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from liaison_desk.domain.enums import CaseStatus
from liaison_desk.domain.rules import ValidationError
from liaison_desk.services import ServiceContext, Services
from liaison_desk.storage.attachments import AttachmentStore
from liaison_desk.storage.database import Database

TARGET = "市政协优秀协商案例征集"
ARCHIVE_NUMBER = re.compile(
    r"^(?P<fonds>[A-Z]\d{3})-WS·(?P<year>\d{4})-(?P<retention>Y|D30|D10)-(?P<org>[A-Z]{2,})"
    r"-(?P<item>\d{4})$"
)
RETENTION = {"Y": "永久", "D30": "定期30年", "D10": "定期10年"}
COLUMNS = ["序号", "档号", "文号", "责任者", "题名", "日期", "密级", "页数", "备注"]


def open_demo(master: Path, folder: Path, clock: Any) -> tuple[Services, Database]:
    folder.mkdir()
    db = folder / master.name
    shutil.copyfile(master, db)
    shutil.copytree(
        AttachmentStore.beside_database(master).root, AttachmentStore.beside_database(db).root
    )
    database = Database.open(f"sqlite:///{db}")
    ctx = ServiceContext(database, AttachmentStore.beside_database(db), actor="测试员", clock=clock)
    return Services(ctx), database


def read_package(path: Path) -> tuple[list[dict[str, Any]], dict[str, Any], dict[str, str]]:
    """The catalogue's rows (each with its sheet's cover), package.json and bag-info.txt."""
    with zipfile.ZipFile(path) as zf:
        top = zf.namelist()[0].split("/")[0]
        book = openpyxl.load_workbook(io.BytesIO(zf.read(f"{top}/data/归档文件目录.xlsx")))
        doc = json.loads(zf.read(f"{top}/data/package.json"))
        info_text = zf.read(f"{top}/bag-info.txt").decode("utf-8")
    info = dict(line.split(": ", 1) for line in info_text.splitlines() if ": " in line)
    rows: list[dict[str, Any]] = []
    for sheet in book.worksheets:
        values = [list(r) for r in sheet.iter_rows(values_only=True)]
        cover = {}
        for r in values[1:3]:
            for v in r:
                if isinstance(v, str) and "：" in v:
                    label, text = v.split("：", 1)
                    cover[label] = text
        header = next(i for i, r in enumerate(values) if r[0] == "序号")
        assert values[header][: len(COLUMNS)] == COLUMNS
        for r in values[header + 1 :]:
            if r[0] is not None:
                rows.append({**dict(zip(COLUMNS, r, strict=False)), "cover": cover})
    return rows, doc, info


def test_a_district_archivist_accepts_the_catalogue_of_two_exports_a_day_apart(
    demo_master: Path, tmp_path: Path, qapp: object, clock: Any
) -> None:
    clock.set(datetime(2024, 12, 31, 10, 0))
    sv, database = open_demo(demo_master, tmp_path / "库", clock)
    try:
        selected = sv.cases.in_statuses({CaseStatus.SELECTED})
        final = sv.cases.in_statuses({CaseStatus.FINAL})
        assert selected and final
        ids = [c.id for c in selected + final if c.id is not None]
        exports = []
        for day in ("一", "二"):
            out = tmp_path / day
            out.mkdir()
            exports.append(
                read_package(sv.packages.export(ids, TARGET, out, sender="吴兴区政协").path)
            )
            clock.advance(days=1)  # the next export a day later
        cases = {c.archive_number: c for c in (sv.cases.get(i) for i in ids) if c}
    finally:
        database.close()

    (first, doc, _), (second, _, _) = exports
    held_on = {c["number"]: c["held_on"] for c in doc["consultations"]}
    assert len(first) == len(cases) + len(doc["consultations"])  # a row per 件
    numbers = [r["档号"] for r in first]
    assert len(set(numbers)) == len(numbers)
    for row in first:
        match = ARCHIVE_NUMBER.match(row["档号"] or "")
        assert match, row
        # The sheet's cover matches the 档号 of each of its rows.
        assert row["cover"]["保管期限"] == RETENTION[match["retention"]]
        assert row["cover"]["年度"] == match["year"]
        if row["档号"] in cases:  # a case: dated the day it was finalised
            case = cases[row["档号"]]
            assert case.finalised_on is not None
            assert row["日期"] == case.finalised_on.strftime("%Y%m%d")
            assert row["日期"] < "20241231"  # not the day of the export
            assert case.retention.value == match["retention"]
        else:  # a record sheet: dated the session's day
            number = row["题名"].strip("[]").split("《")[0]
            assert row["日期"] == held_on[number].replace("-", ""), row
            assert row["日期"][:4] == match["year"]
    # The next day's export lists the same 件 with the same dates.
    key = ["档号", "题名", "日期", "页数"]
    assert [[r[k] for k in key] for r in second] == [[r[k] for k in key] for r in first]


def test_bag_info_names_the_group_or_the_sending_office_as_contact(
    demo_services: Services, tmp_path: Path, qapp: object
) -> None:
    sv = demo_services
    # A district office's database, its own contact not filled in yet.
    sv.settings.update(
        {"profile.group_id": None, "cases.contact_name": "", "cases.contact_phone": ""}
    )
    numbered = [c for c in sv.cases.search().items if c.archive_number and c.id is not None]
    one = numbered[0]
    group = sv.groups.get(one.group_id) if one.group_id else None
    assert group is not None and group.secretary and group.secretary_phone
    (tmp_path / "一").mkdir()
    _, _, info = read_package(sv.packages.export([one.id], TARGET, tmp_path / "一").path)
    assert (info["Contact-Name"], info["Contact-Phone"]) == (group.secretary, group.secretary_phone)

    several = [one.id, *[c.id for c in numbered if c.group_id != one.group_id][:1]]
    # Several groups and no contact of the sending office: refused before any work.
    with pytest.raises(ValidationError, match="联系人"):
        sv.packages.export(several, TARGET, tmp_path)
    assert list(tmp_path.glob("*.zip")) == []
    sv.settings.update({"cases.contact_name": "沈明", "cases.contact_phone": "0572-3011234"})
    (tmp_path / "二").mkdir()
    _, _, info = read_package(sv.packages.export(several, TARGET, tmp_path / "二").path)
    assert (info["Contact-Name"], info["Contact-Phone"]) == ("沈明", "0572-3011234")
