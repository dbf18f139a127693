"""Submission packages from the demo year: what is inside, what it hides, what it records."""

from __future__ import annotations

import io
import json
import re
import zipfile
from collections.abc import Callable, Iterator
from datetime import datetime
from pathlib import Path

import bagit
import openpyxl
import pytest
from pdfminer.high_level import extract_text

from liaison_desk.domain.entities import Case
from liaison_desk.domain.enums import CaseStatus, SubmissionResult
from liaison_desk.domain.queries import CaseFilter, PageRequest, PersonFilter
from liaison_desk.domain.rules import ValidationError
from liaison_desk.progress import Cancelled
from liaison_desk.services import ServiceContext, Services
from liaison_desk.storage.attachments import AttachmentStore
from liaison_desk.storage.database import Database
from progress_fakes import FakeProgress

TARGET = "市政协优秀协商案例征集"
CATALOGUE_COLUMNS = ["序号", "档号", "文号", "责任者", "题名", "日期", "密级", "页数", "备注"]
MOBILE = re.compile(r"(?<!\d)1[3-9]\d{9}(?!\d)")


@pytest.fixture
def demo(demo_services: Services, qapp: object) -> Services:
    return demo_services


def selected_cases(sv: Services) -> list[Case]:
    cases = sv.cases.in_statuses({CaseStatus.SELECTED}, CaseFilter(year=2024))
    assert len(cases) == 4
    return sorted(cases, key=lambda c: c.archive_number)


def package_texts(path: Path) -> dict[str, str]:
    """The text of every file in the package, by name (PDF through pdfminer, Word and Excel
    through their XML parts; file names count too)."""
    return dict(iter_texts(path))


def iter_texts(path: Path) -> Iterator[tuple[str, str]]:
    """(name, text) of each file, the quick ones first (PDF text extraction is slow)."""
    with zipfile.ZipFile(path) as zf:
        for zi in sorted(zf.infolist(), key=lambda zi: zi.filename.endswith(".pdf")):
            if zi.is_dir():
                continue
            data = zf.read(zi)
            name = zi.filename
            if name.endswith(".pdf"):
                text = extract_text(io.BytesIO(data))
            elif name.endswith((".docx", ".xlsx")):
                with zipfile.ZipFile(io.BytesIO(data)) as office:
                    text = "".join(
                        office.read(n).decode("utf-8")
                        for n in office.namelist()
                        if n.endswith((".xml", ".rels"))
                    )
            elif name.endswith(".jpg"):
                text = data.decode("latin-1")  # EXIF or comments would show here
            else:
                text = data.decode("utf-8-sig")
            yield name, f"{name}\n{text}"


def resident_phones(sv: Services) -> set[str]:
    """Every resident's number that must not leave the app in full: the roster's residents who
    did not consent, and every mobile written into the texts the package draws on."""
    phones = {
        p.phone
        for p in sv.people.search(PersonFilter(), PageRequest()).items
        if p.category.is_resident and not p.consent_to_publish and p.phone
    }
    for case in selected_cases(sv):
        texts = [case.title, case.subtitle, *case.sections.values()]
        for cid in case.consultation_ids:
            c = sv.consultations.get(cid)
            assert c is not None
            texts += [c.minutes, c.consensus, *(s.content for s in c.speeches)]
            texts += [i.content for i in c.outcome_items]
        phones.update(m.group(0) for t in texts for m in MOBILE.finditer(t))
    return phones


def test_the_four_selected_cases_make_a_valid_package(demo: Services, tmp_path: Path) -> None:
    cases = selected_cases(demo)
    ids = [c.id for c in cases]
    before = {c.id: (c.uuid, c.revision) for c in cases}
    out = tmp_path / "报送"
    out.mkdir()
    progress = FakeProgress()
    result = demo.packages.export(ids, TARGET, out, sender="吴兴区政协", progress=progress)
    steps = progress.calls

    # Named after the bag, in the folder given; nothing else left there.
    assert result.path == out / "吴兴区政协-2024-协商案例报送-20241231.zip"
    assert list(out.iterdir()) == [result.path]
    assert steps[-1][0] == steps[-1][1] and all(m for _, _, m in steps)

    # The bagit library accepts it; its payload is what formats.md lists.
    x = tmp_path / "x"
    with zipfile.ZipFile(result.path) as zf:
        zf.extractall(x)
    bag_dir = x / result.bag_name
    bag = bagit.Bag(str(bag_dir))
    assert bag.validate()
    assert bag.info["Source-Organization"] == "吴兴区政协"
    assert bag.info["Bagging-Date"] == "2024-12-31"
    data = bag_dir / "data"
    for name in ("说明.txt", "归档文件目录.xlsx", "案例汇编.pdf", "package.json"):
        assert (data / name).is_file(), name
    folders = sorted(p.name for p in (data / "cases").iterdir())
    assert folders == [f"{n:04d}-{c.title}" for n, c in enumerate(cases, 1)]
    for folder in folders:
        assert (data / "cases" / folder / "案例.docx").is_file()
        assert (data / "cases" / folder / "案例.pdf").is_file()
        assert 2 <= len(list((data / "cases" / folder / "照片").glob("*.jpg"))) <= 4

    # package.json matches the database as it was exported.
    doc = json.loads((data / "package.json").read_text(encoding="utf-8"))
    assert doc["format_version"] == 1 and doc["masked"] is True and doc["target"] == TARGET
    assert [(c["uuid"], c["revision"]) for c in doc["cases"]] == [before[i] for i in ids]
    linked = [demo.consultations.get(cid) for c in cases for cid in c.consultation_ids]
    assert {(c["uuid"], c["revision"]) for c in doc["consultations"]} == {
        (c.uuid, c.revision) for c in linked if c is not None
    }
    items = {(i.uuid, i.revision) for c in linked if c for i in c.outcome_items if not i.is_deleted}
    assert {
        (i["uuid"], i["revision"]) for c in doc["consultations"] for i in c["outcome_items"]
    } == items
    for case, entry in zip(cases, doc["cases"], strict=True):
        photo_ids = [p.attachment_id for p in case.photos]
        assert len(entry["photos"]) == len(photo_ids)
        linked_uuids = [demo.consultations.get(cid) for cid in case.consultation_ids]
        assert entry["consultations"] == [c.uuid for c in linked_uuids if c is not None]
    assert doc["counts"] == {
        "cases": 4,
        "consultations": len(doc["consultations"]),
        "outcome_items": len(items),
        "photos": sum(len(c["photos"]) for c in doc["cases"]),
    }
    assert len(list((data / "records").glob("*.pdf"))) == len(doc["consultations"])

    # The DA/T 22 catalogue: its columns in order, one row per item (each case and each record
    # sheet), each with its 档号; a catalogue (sheet) per 年度, 保管期限 and 机构, numbered from 1.
    items_rows = []
    for sheet in openpyxl.load_workbook(data / "归档文件目录.xlsx").worksheets:
        rows = list(sheet.iter_rows(values_only=True))
        header = next(i for i, r in enumerate(rows) if r[0] == "序号")
        assert list(rows[header][: len(CATALOGUE_COLUMNS)]) == CATALOGUE_COLUMNS
        on_sheet = [r for r in rows[header + 1 :] if r[0] is not None]
        assert [r[0] for r in on_sheet] == list(range(1, len(on_sheet) + 1))
        items_rows += on_sheet
    assert len(items_rows) == 4 + len(doc["consultations"])
    assert {c.archive_number for c in cases} <= {r[1] for r in items_rows}
    assert all(r[1] for r in items_rows)

    # Photos are upright JPEGs without EXIF, at most 2560 px.
    from PIL import Image

    for photo in data.glob("cases/*/照片/*.jpg"):
        with Image.open(photo) as im:
            assert im.format == "JPEG" and max(im.size) <= 2560
            assert not im.getexif()

    # Recorded in the ledger with the ZIP's SHA-256; selected cases stay 入选.
    sub = result.submission
    assert (sub.target, sub.file_name, sub.sha256) == (TARGET, result.path.name, result.sha256)
    assert sub.submitted_on.isoformat() == "2024-12-31"
    assert [c.case_id for c in sub.cases] == ids
    assert all(c.status is CaseStatus.SELECTED for c in result.cases)

    check = demo.packages.verify(result.path)
    assert check.ok, check.render()
    assert check.submission is not None and check.submission.id == sub.id
    assert "报送记录" in check.render()


def test_no_resident_phone_leaves_unmasked_and_no_mask_shows_them(
    demo: Services, tmp_path: Path
) -> None:
    ids = [c.id for c in selected_cases(demo)]
    phones = resident_phones(demo)
    preview = demo.packages.masking_preview(ids)
    hidden_phones = [i for i in preview.hidden if i.field == "手机号"]
    hidden_names = [i.before for i in preview.hidden if i.field == "姓名"]
    assert hidden_phones and hidden_names

    (tmp_path / "外发").mkdir()
    masked = demo.packages.export(ids, TARGET, tmp_path / "外发")
    texts = package_texts(masked.path)
    leaks = [(n, p) for n, t in texts.items() for p in phones if p in t]
    assert leaks == []
    name_leaks = [(n, name) for n, t in texts.items() for name in hidden_names if name in t]
    assert name_leaks == []
    for item in hidden_phones:
        assert any(item.after in t for t in texts.values()), item

    (tmp_path / "内部").mkdir()
    full = demo.packages.export(ids, "内部存档", tmp_path / "内部", masked=False)
    unseen = {i.before for i in hidden_phones} | set(hidden_names)
    for name, text in iter_texts(full.path):
        unseen = {v for v in unseen if v not in text}
        if name.endswith("package.json"):
            assert json.loads(text.split("\n", 1)[1])["masked"] is False
        if not unseen:
            break
    assert unseen == set()
    assert "未隐藏个人信息" in full.submission.note


def test_the_masking_preview_says_who_what_and_where(demo: Services) -> None:
    ids = [c.id for c in selected_cases(demo)]
    preview = demo.packages.masking_preview(ids)
    name = next(i for i in preview.hidden if i.field == "姓名")
    assert name.after == name.before[0] + "某" and name.where
    phone = next(i for i in preview.hidden if i.field == "手机号")
    assert phone.after == phone.before[:3] + "****" + phone.before[-4:]
    text = preview.text()
    assert f"{phone.before} → {phone.after}" in text
    consenting = [
        p.name
        for p in demo.people.search(PersonFilter(), PageRequest()).items
        if p.consent_to_publish and p.category.is_resident
    ]
    # Kept: consenting residents' names, and the numbers of people who consented.
    assert all(i.before in consenting for i in preview.kept if i.field == "姓名")
    off = demo.packages.masking_preview(ids, masked=False)
    assert not off.hidden and "不隐藏" in off.text()


def test_a_final_case_becomes_submitted_and_its_result_follows(
    demo: Services, tmp_path: Path
) -> None:
    final = demo.cases.in_statuses({CaseStatus.FINAL}, CaseFilter(year=2024))
    assert final
    case = final[0]
    result = demo.packages.export([case.id], TARGET, tmp_path / "包.zip")
    assert result.path == tmp_path / "包.zip"
    assert demo.cases.get(case.id).status is CaseStatus.SUBMITTED
    sub = result.submission
    demo.submissions.set_result(sub.id, case.id, SubmissionResult.RETURNED, "请补充成效数据")
    assert demo.cases.get(case.id).status is CaseStatus.RETURNED
    assert demo.submissions.get(sub.id).cases[0].note == "请补充成效数据"
    # Revised, it can be sent again.
    again = demo.packages.export([case.id], TARGET, tmp_path / "再次.zip")
    assert demo.cases.get(case.id).status is CaseStatus.SUBMITTED
    demo.submissions.set_result(again.submission.id, case.id, SubmissionResult.SELECTED)
    assert demo.cases.get(case.id).status is CaseStatus.SELECTED


@pytest.mark.parametrize("after", [1, 2, 6, 12, 30, "last"])
def test_a_cancelled_export_leaves_no_file_and_records_nothing(
    demo: Services, tmp_path: Path, after: int | str
) -> None:
    """Cancelled at the Nth progress report: before any work, inside the writing of the
    collection (reports 2-6 here), among the other files, or at the very end — after the ZIP is
    complete but before the submission is recorded."""
    ids = [c.id for c in selected_cases(demo)]
    out = tmp_path / "报送"
    out.mkdir()
    submissions = len(demo.submissions.all())
    if after == "last":
        counted = FakeProgress()
        demo.packages.export(ids, TARGET, tmp_path, progress=counted)  # recorded: one more
        after = len(counted.calls)
        submissions = len(demo.submissions.all())
    assert isinstance(after, int)
    progress = FakeProgress(cancel_at=after)
    with pytest.raises(Cancelled):
        demo.packages.export(ids, TARGET, out, progress=progress)
    assert len(progress.calls) == after
    assert list(out.iterdir()) == []
    assert len(demo.submissions.all()) == submissions


def test_drafts_and_a_missing_target_are_refused_before_any_work(
    demo: Services, tmp_path: Path
) -> None:
    tmp_path = tmp_path / "报送"
    tmp_path.mkdir()
    draft = demo.cases.in_statuses({CaseStatus.DRAFT}, CaseFilter(year=2024))[0]
    with pytest.raises(ValidationError, match="还是草稿"):
        demo.packages.export([draft.id], TARGET, tmp_path)
    with pytest.raises(ValidationError, match="报送对象"):
        demo.packages.export([selected_cases(demo)[0].id], "  ", tmp_path)
    with pytest.raises(ValidationError, match="至少选择"):
        demo.packages.check_cases([])
    with pytest.raises(ValidationError, match="找不到"):
        demo.packages.check_cases([9999])
    assert list(tmp_path.iterdir()) == []


def test_the_sending_office_of_the_settings_names_the_package_and_the_cover(
    demo_services: Services,
) -> None:
    """Packages and collections go out in the sending office's name from the settings, so a
    district other than the demo's never sees 吴兴区政协 on its own material."""
    by_group = {c.group_id: c.id for c in demo_services.cases.search().items if c.archive_number}
    ids = list(by_group.values())[:2]
    assert len(ids) == 2  # two groups: the collection is named after the office
    assert demo_services.packages.package_name(ids).startswith("吴兴区政协-")
    demo_services.settings.update({"cases.issuing_office": "南浔区政协"})
    assert demo_services.packages.package_name(ids).startswith("南浔区政协-")
    assert demo_services.packages.package_name(ids, sender="市政协").startswith("市政协-")
    title = demo_services.case_documents.collection_title(ids)
    assert title.startswith("南浔区政协委员联络组")


def package_contents(path: Path) -> dict[str, object]:
    """What must not change between two exports of the same records at the same moment: the
    list of files, package.json, the catalogue's cell values, 说明.txt and bag-info.txt (the
    PDFs, Word and Excel files carry the moment they were written, so they are compared by
    what they say elsewhere, not byte for byte)."""
    with zipfile.ZipFile(path) as zf:
        names = sorted(zf.namelist())
        top = names[0].split("/")[0]

        def read(name: str) -> bytes:
            return zf.read(f"{top}/{name}")

        book = openpyxl.load_workbook(io.BytesIO(read("data/归档文件目录.xlsx")))
        return {
            "files": names,
            "package.json": json.loads(read("data/package.json")),
            "catalogue": [
                [sheet.title, *row]
                for sheet in book.worksheets
                for row in sheet.iter_rows(values_only=True)
            ],
            "readme": read("data/说明.txt").decode("utf-8-sig"),
            # Payload-Oxum counts bytes, and the binary files' bytes vary with the moment.
            "bag-info": [
                line
                for line in read("bag-info.txt").decode("utf-8").splitlines()
                if not line.startswith("Payload-Oxum")
            ],
        }


def copy_of_demo(
    master: Path, folder: Path, clock: Callable[[], datetime]
) -> tuple[Services, Database]:
    import shutil

    folder.mkdir()
    db = folder / master.name
    shutil.copyfile(master, db)
    shutil.copytree(
        AttachmentStore.beside_database(master).root, AttachmentStore.beside_database(db).root
    )
    database = Database.open(f"sqlite:///{db}")
    store = AttachmentStore.beside_database(db)
    return Services(ServiceContext(database, store, actor="测试员", clock=clock)), database


@pytest.mark.parametrize("masked", [True, False], ids=["masked", "unmasked"])
def test_the_same_records_at_the_same_moment_make_the_same_package(
    demo_master: Path, tmp_path: Path, qapp: object, clock: Callable[[], datetime], masked: bool
) -> None:
    """Two exports of the same cases from two copies of one database, with the clock fixed, give
    the same files, package.json, catalogue, README and bag-info: nothing depends on the order
    things happen to be read or written in (the check used to compare packages across a change
    of the code)."""
    contents = []
    for name in ("一", "二"):
        sv, database = copy_of_demo(demo_master, tmp_path / name, clock)
        try:
            ids = [c.id for c in selected_cases(sv)]
            # Two groups' cases besides: rows and JSON of more than one group.
            ids += [c.id for c in sv.cases.search().items if c.archive_number and c.id not in ids][
                :1
            ]
            out = tmp_path / name / "报送"
            out.mkdir()
            result = sv.packages.export(ids, TARGET, out, masked=masked, sender="吴兴区政协")
            contents.append(package_contents(result.path))
        finally:
            database.close()
    first, second = contents
    assert first["files"] == second["files"]
    assert first["package.json"] == second["package.json"]
    assert first["catalogue"] == second["catalogue"]
    assert first["readme"] == second["readme"]
    assert first["bag-info"] == second["bag-info"]
    doc = first["package.json"]
    assert isinstance(doc, dict) and doc["masked"] is masked
    assert doc["created_at"] == "2024-12-31T10:00:00"
