"""Hostile records packages (issue 17): a package whose bag verifies — re-hashed after its
package.json was changed, as someone with a text editor and bagit could do — but whose records
are malicious or broken. Each is refused with a clear Chinese message (a UserFacingError, never
a traceback), and nothing is written: the district database's tables are as they were, and no
file appears anywhere (no backup, no photo, nothing outside the folders).

The package is made by the app from a small township database, then its package.json is
changed and the bag written again with fresh checksums (``rebagged``); the checks are those of
``storage/records_reader.py``. Property tests put random hostile values anywhere in the records.
"""

from __future__ import annotations

import copy
import json
import shutil
import zipfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from clock import FixedClock
from helpers import jpeg, table_dump
from liaison_desk.documents.package import PACKAGE_JSON, PayloadFile, write_json, write_package
from liaison_desk.documents.records_package import KIND_LABELS
from liaison_desk.domain.entities import (
    Case,
    CasePhoto,
    LiaisonGroup,
    OutcomeItem,
    Participant,
    Person,
    Speech,
    Submission,
    SubmissionCase,
)
from liaison_desk.domain.enums import ConsultationKind, ParticipantCategory
from liaison_desk.errors import UserFacingError
from liaison_desk.services import ServiceContext, Services
from liaison_desk.storage.attachments import AttachmentStore
from liaison_desk.storage.database import Database

Doc = dict[str, Any]


@contextmanager
def opened(db_file: Path) -> Iterator[Services]:
    database = Database.open(f"sqlite:///{db_file}")
    try:
        yield Services(
            ServiceContext(database, AttachmentStore.beside_database(db_file), clock=FixedClock())
        )
    finally:
        database.close()


def _consultation(sv: Services, group: LiaisonGroup, title: str, colour: int) -> int:
    c = sv.consultations.new(ConsultationKind.HALL, group.id)
    c.title, c.held_on, c.venue = title, date(2024, 5, 6), f"{group.town}民生议事堂"
    c.participants = [Participant(name="沈建国", category=ParticipantCategory.RESIDENT)]
    c.speeches = [Speech(speaker="沈建国", content="建议增设路灯")]
    c.outcome_items = [OutcomeItem(content=f"{title}的意见", responsible_body="镇城建办")]
    saved = sv.consultations.save(c)
    assert saved.id is not None
    sv.attachments.add(jpeg((colour, 90, 90)), f"{title}.jpg", consultation_id=saved.id)
    return saved.id


@pytest.fixture(scope="module")
def made(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """A township's records package (织里: a person, a consultation with its parts, item and
    photo, a case with that photo, a submission), and a district database holding another
    group (八里店) with records of its own."""
    folder = tmp_path_factory.mktemp("made")
    township = folder / "织里" / "联络组.sqlite"
    township.parent.mkdir()
    with opened(township) as sv:
        group = sv.groups.save(LiaisonGroup(name="织里镇联络组", town="织里镇"))
        sv.people.save(
            Person(name="沈建国", category=ParticipantCategory.RESIDENT, group_id=group.id)
        )
        cid = _consultation(sv, group, "背街小巷路灯不亮", 200)
        consultation = sv.consultations.get(cid)
        assert consultation is not None
        photo = consultation.attachments[0]
        case = sv.cases.save(
            Case(
                group_id=group.id,
                year=2024,
                title="点亮背街小巷",
                sections={"background": "路灯不亮"},
                consultation_ids=[cid],
                photos=[CasePhoto(attachment_id=photo.id or 0, caption="现场")],
            )
        )
        sv.submissions.record(
            Submission(
                group_id=group.id,
                target="区政协优秀协商案例征集",
                submitted_on=date(2024, 11, 1),
                cases=[SubmissionCase(case_id=case.id or 0)],
            )
        )
        package = sv.records.export(folder / "织里.zip", year=2024).written.path
    district = folder / "区政协" / "区政协.sqlite"
    district.parent.mkdir()
    with opened(district) as sv:
        other = sv.groups.save(LiaisonGroup(name="八里店镇联络组", town="八里店镇"))
        sv.people.save(
            Person(name="钱委员", category=ParticipantCategory.MEMBER, group_id=other.id)
        )
        _consultation(sv, other, "八里店停车难", 60)
    return package, district


@pytest.fixture(scope="module")
def valid_doc(made: tuple[Path, Path]) -> Doc:
    package, _ = made
    with zipfile.ZipFile(package) as zf:
        [name] = [n for n in zf.namelist() if n.endswith(f"/data/{PACKAGE_JSON}")]
        doc: Doc = json.loads(zf.read(name))
    return doc


@pytest.fixture(scope="module")
def others(made: tuple[Path, Path]) -> dict[str, str]:
    """UUIDs of the district's own records (八里店's)."""
    _, district = made
    import sqlite3

    conn = sqlite3.connect(district)
    try:
        return {
            "group": conn.execute(
                "SELECT uuid FROM liaison_groups WHERE name = '八里店镇联络组'"
            ).fetchone()[0],
            "consultation": conn.execute("SELECT uuid FROM consultations").fetchone()[0],
            "person": conn.execute("SELECT uuid FROM people").fetchone()[0],
            "outcome_item": conn.execute("SELECT uuid FROM outcome_items").fetchone()[0],
            "attachment": conn.execute("SELECT uuid FROM attachments").fetchone()[0],
        }
    finally:
        conn.close()


def rebagged(package: Path, doc: Doc, out: Path, *, recount: bool = True) -> Path:
    """``package`` with its package.json replaced by ``doc`` and the bag written again with
    checksums of the new content: a package that verifies. ``recount``: its counts follow."""
    if recount:
        records = doc.get("records")
        if isinstance(records, dict) and isinstance(doc.get("counts"), dict):
            for kind in KIND_LABELS:
                value = records.get(kind, [])
                doc["counts"][kind] = len(value) if isinstance(value, list) else 0
            for key in ("tombstones", "photos"):
                value = doc.get(key)
                doc["counts"][key] = len(value) if isinstance(value, list | dict) else 0
    with zipfile.ZipFile(package) as zf:
        names = [n for n in zf.namelist() if not n.endswith("/")]
        bag = names[0].split("/", 1)[0]
        files = {
            n.split("/data/", 1)[1]: zf.read(n)
            for n in names
            if "/data/" in n and not n.endswith(f"/data/{PACKAGE_JSON}")
        }

    def writer(data: bytes) -> Callable[[Path], None]:
        return lambda p: p.write_bytes(data)

    payload = [PayloadFile(rel, writer(data)) for rel, data in files.items()]
    payload.append(PayloadFile(PACKAGE_JSON, write_json(doc)))
    return write_package(bag, {"Source-Organization": "织里镇联络组"}, payload, out).path


def tree(root: Path) -> dict[str, tuple[int, int]]:
    return {
        str(p.relative_to(root)): (p.stat().st_size, p.stat().st_mtime_ns)
        for p in root.rglob("*")
        if p.is_file()
    }


@pytest.fixture
def district(made: tuple[Path, Path], tmp_path: Path) -> Path:
    """A private copy of the district database and its folders."""
    _, source = made
    target = tmp_path / "区" / source.name
    shutil.copytree(source.parent, target.parent)
    return target


def assert_refused(package: Path, district: Path, watch: Path) -> str:
    """Importing ``package`` into ``district`` is refused with a Chinese message; its tables
    and every file under ``watch`` are as they were."""
    tables, files = table_dump(district), tree(watch)
    with opened(district) as sv:
        with pytest.raises(UserFacingError) as refused:
            sv.records.import_package(package)
        with pytest.raises(UserFacingError):
            sv.records.import_package(package, dry_run=True)
    message = str(refused.value)
    assert "没有导入" in message and "Traceback" not in message, message
    assert table_dump(district) == tables
    assert tree(watch) == files
    return message


def first(doc: Doc, kind: str) -> Doc:
    found: Doc = doc["records"][kind][0]
    return found


# --- each kind of hostile package --------------------------------------------------------------

HOSTILE: dict[str, Callable[[Doc, dict[str, str]], None]] = {
    "title of the wrong type": lambda d, o: first(d, "consultation").update(title=12345),
    "a revision that is not a number": lambda d, o: first(d, "person").update(revision="3"),
    "a negative revision": lambda d, o: first(d, "consultation").update(revision=-1),
    "a revision beyond the database's integers": lambda d, o: first(d, "group").update(
        revision=10**30
    ),
    "a huge number": lambda d, o: first(d, "attachment").update(size=2**63),
    "a boolean that is a string": lambda d, o: first(d, "outcome_item").update(
        solved_on_spot="yes"
    ),
    "a 10 MB string": lambda d, o: first(d, "consultation").update(minutes="议" * 10_000_000),
    "a name longer than its column": lambda d, o: first(d, "person").update(name="沈" * 51),
    "a NUL in a text": lambda d, o: first(d, "consultation").update(venue="议事\x00堂"),
    "the date 0000-00-00": lambda d, o: first(d, "consultation").update(held_on="0000-00-00"),
    "a date of year 1": lambda d, o: first(d, "outcome_item").update(deadline="0001-01-01"),
    "a time that is not one": lambda d, o: first(d, "consultation").update(start_time="25:99"),
    "an unknown kind of consultation": lambda d, o: first(d, "consultation").update(kind="xx"),
    "an unknown status": lambda d, o: first(d, "outcome_item").update(status="done!"),
    "an unreadable checklist": lambda d, o: first(d, "consultation").update(
        checklist=[{"nothing": 1}]
    ),
    "deeply nested JSON": lambda d, o: first(d, "consultation").update(agenda=_nested(200)),
    "case sections that are not text": lambda d, o: first(d, "case").update(
        sections={"background": {"a": [1]}}
    ),
    "a missing column": lambda d, o: first(d, "consultation").pop("title"),
    "a participant of the wrong shape": lambda d, o: first(d, "consultation").update(
        participants=[["沈建国"]]
    ),
    "an invalid UUID": lambda d, o: first(d, "person").update(uuid="not-a-uuid"),
    "a UUID of another kind of record in the package": lambda d, o: first(d, "person").update(
        uuid=first(d, "consultation")["uuid"]
    ),
    "a UUID of another kind of record here": lambda d, o: first(d, "person").update(
        uuid=o["consultation"]
    ),
    "the same UUID twice in one kind": lambda d, o: d["records"]["person"].append(
        copy.deepcopy(first(d, "person"))
    ),
    "the same number twice": lambda d, o: d["records"]["consultation"].append(
        {**copy.deepcopy(first(d, "consultation")), "uuid": "5a0e8f34-5d4e-4b8e-9e4e-1c2d3e4f5a6b"}
    ),
    "a record of another group (its UUID)": lambda d, o: first(d, "consultation").update(
        group=o["group"]
    ),
    "a second group in the package": lambda d, o: d["records"]["group"].append(
        {**copy.deepcopy(first(d, "group")), "uuid": o["group"], "name": "八里店镇联络组"}
    ),
    "an update of another group's consultation": lambda d, o: first(d, "consultation").update(
        uuid=o["consultation"], revision=99
    ),
    "an item hung on another group's consultation": lambda d, o: first(d, "outcome_item").update(
        consultation=o["consultation"]
    ),
    "an item of a consultation that is nowhere": lambda d, o: first(d, "outcome_item").update(
        consultation="0b7d1c6e-0000-4000-8000-000000000000"
    ),
    "a photo record of a case that is nowhere": lambda d, o: first(d, "attachment").update(
        consultation=None, case="0b7d1c6e-0000-4000-8000-000000000001"
    ),
    "a deletion of another group's consultation": lambda d, o: d["tombstones"].append(
        {"uuid": o["consultation"], "type": "consultation", "deleted_at": "2024-12-01T00:00:00"}
    ),
    "a deletion of another group's photo": lambda d, o: d["tombstones"].append(
        {"uuid": o["attachment"], "type": "attachment", "deleted_at": "2024-12-01T00:00:00"}
    ),
    "a deletion of the wrong kind": lambda d, o: d["tombstones"].append(
        {"uuid": o["person"], "type": "case", "deleted_at": "2024-12-01T00:00:00"}
    ),
    "a submission naming one case twice": lambda d, o: first(d, "submission")["cases"].append(
        copy.deepcopy(first(d, "submission")["cases"][0])
    ),
    "a sender that is not the package's group": lambda d, o: d["sender"].update(uuid=o["group"]),
}


def _nested(depth: int) -> Any:
    value: Any = "议题"
    for _ in range(depth):
        value = [value]
    return [value]


@pytest.mark.parametrize("attack", list(HOSTILE))
def test_a_hostile_package_is_refused_with_nothing_written(
    made: tuple[Path, Path],
    valid_doc: Doc,
    others: dict[str, str],
    district: Path,
    tmp_path: Path,
    attack: str,
) -> None:
    package, _ = made
    doc = copy.deepcopy(valid_doc)
    HOSTILE[attack](doc, others)
    hostile = rebagged(package, doc, tmp_path / "改过的报送包.zip")
    message = assert_refused(hostile, district, tmp_path)
    assert len(message) < 5000  # a 10 MB value is not echoed back


@pytest.mark.parametrize(
    "name", ["../../x.jpg", "/etc/passwd", "照片/\x00.jpg", "照片/../../../x.jpg", "C:\\x.jpg"]
)
def test_a_photo_named_outside_the_package_is_refused(
    made: tuple[Path, Path], valid_doc: Doc, district: Path, tmp_path: Path, name: str
) -> None:
    package, _ = made
    doc = copy.deepcopy(valid_doc)
    sha = next(iter(doc["photos"]))
    doc["photos"][sha] = name
    hostile = rebagged(package, doc, tmp_path / "改过的报送包.zip")
    assert_refused(hostile, district, tmp_path)
    assert not (tmp_path / "x.jpg").exists() and not (tmp_path.parent / "x.jpg").exists()


def test_a_photo_whose_checksum_does_not_match_is_refused(
    made: tuple[Path, Path], valid_doc: Doc, district: Path, tmp_path: Path
) -> None:
    package, _ = made
    doc = copy.deepcopy(valid_doc)
    [rel] = doc["photos"].values()
    wrong = "0" * 64
    doc["photos"] = {wrong: rel}
    for a in doc["records"]["attachment"]:
        a["sha256"] = wrong
    hostile = rebagged(package, doc, tmp_path / "改过的报送包.zip")
    assert "校验" in assert_refused(hostile, district, tmp_path)


def test_the_valid_package_imports(
    made: tuple[Path, Path], valid_doc: Doc, district: Path, tmp_path: Path
) -> None:
    """The re-bagged package unchanged imports: the refusals above are the changes' doing."""
    package, _ = made
    same = rebagged(package, copy.deepcopy(valid_doc), tmp_path / "原样.zip")
    with opened(district) as sv:
        report = sv.records.import_package(same)
    assert report.counts["new"] > 0 and report.counts["conflicts"] == 0


# --- random hostile values anywhere ---------------------------------------------------------------

_hostile_values = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(2**70), max_value=2**70),
    st.floats(allow_nan=False, allow_infinity=False),
    st.text(max_size=30),
    st.sampled_from(
        [
            "0000-00-00",
            "2024-02-30",
            "9999-12-31T23:59:59",
            "\x00",
            "../../x.jpg",
            "",
            "x" * 300,
            "5a0e8f34-5d4e-4b8e-9e4e-1c2d3e4f5a6b",
        ]
    ),
    st.recursive(
        st.text(max_size=5) | st.integers(),
        lambda children: (
            st.lists(children, max_size=3)
            | st.dictionaries(st.text(max_size=5), children, max_size=3)
        ),
        max_leaves=8,
    ),
)


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(data=st.data(), value=_hostile_values)
def test_a_random_value_anywhere_in_a_record_is_refused_or_imported_cleanly(
    made: tuple[Path, Path],
    valid_doc: Doc,
    others: dict[str, str],
    tmp_path_factory: pytest.TempPathFactory,
    data: st.DataObject,
    value: object,
) -> None:
    """A field of some record (or of one of its parts) set to a random value, possibly a UUID
    of a record here: the import either refuses, writing nothing, or imports; it never fails
    with anything but a UserFacingError."""
    package, source = made
    work = tmp_path_factory.mktemp("fuzz")
    district = work / "区" / source.name
    shutil.copytree(source.parent, district.parent)
    doc = copy.deepcopy(valid_doc)
    kind = data.draw(st.sampled_from(sorted(k for k, v in doc["records"].items() if v)))
    record = doc["records"][kind][0]
    key = data.draw(st.sampled_from(sorted(record)))
    if data.draw(st.booleans()) and isinstance(value, str):
        value = others.get(data.draw(st.sampled_from(sorted(others))), value)
    target = record
    if isinstance(record[key], list) and record[key] and isinstance(record[key][0], dict):
        target = record[key][0]  # a part: a participant, a speech, a case's photo
        key = data.draw(st.sampled_from(sorted(target)))
    target[key] = value
    hostile = rebagged(package, doc, work / "改过的报送包.zip")
    tables, files = table_dump(district), tree(work)
    with opened(district) as sv:
        try:
            sv.records.import_package(hostile)
        except UserFacingError as exc:
            refused = str(exc)
        else:
            refused = ""
            # Imported: the records can be read back by the app.
            for c in sv.consultations.search().items:
                assert sv.consultations.get(c.id) is not None
            for case in sv.cases.search().items:
                assert sv.cases.get(case.id or 0) is not None
            sv.people.search()
            sv.submissions.all()
    if refused:  # nothing written (compared with the database closed, as before)
        assert "没有导入" in refused, refused
        assert table_dump(district) == tables
        assert tree(work) == files
