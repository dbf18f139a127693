"""Property-based tests of ``verify`` (issue 12): a valid package made by the app, mutated every
way a disk, a mail client or a person can — bytes flipped, cut, inserted; an entry rewritten
with random bytes; package.json replaced by random JSON; entries of random names added — and
plain random bytes. Whatever comes out, verify gives a report (never an unexpected error), the
temporary folder is left empty, and the command exits 0 or 1."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from liaison_desk.cli import EXIT_OK, EXIT_PROBLEM, main
from liaison_desk.documents.package import PACKAGE_JSON
from liaison_desk.documents.package_check import VerifyReport, verify_package
from zip_crafting import BAG, build_package

FAST = settings(
    max_examples=50,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


class Valid(bytes):
    """The valid package's bytes, shown briefly when hypothesis reports a failing example."""

    def __repr__(self) -> str:
        return f"<valid package of {len(self)} bytes>"


@pytest.fixture(scope="module")
def valid(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    folder = tmp_path_factory.mktemp("valid")
    return Valid(build_package(folder).read_bytes())


@pytest.fixture
def work(tmp_path: Path) -> Path:
    folder = tmp_path / "work"
    folder.mkdir()
    return folder


def check(data: bytes, folder: Path, work: Path, *, cli: bool = False) -> VerifyReport:
    path = folder / "报送包.zip"
    path.write_bytes(data)
    report = verify_package(path, work_dir=work)
    assert isinstance(report, VerifyReport)
    assert not report.unexpected, "\n".join(map(str, report.problems))
    assert report.ok or report.problems
    assert "程序内部错误" not in report.render()
    assert list(work.iterdir()) == []  # the unpacked copy is always removed
    if cli:
        assert main(["verify", str(path)]) == (EXIT_OK if report.ok else EXIT_PROBLEM)
    return report


def members(data: bytes, folder: Path) -> dict[str, bytes]:
    path = folder / "原包.zip"
    path.write_bytes(data)
    with zipfile.ZipFile(path) as zf:
        return {zi.filename: zf.read(zi) for zi in zf.infolist() if not zi.is_dir()}


def rezip(content: dict[str, bytes], folder: Path) -> bytes:
    path = folder / "改过.zip"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in content.items():
            zf.writestr(name, data)
    return path.read_bytes()


_edits = st.lists(
    st.one_of(
        st.tuples(st.just("flip"), st.integers(0, 2**31), st.integers(1, 255)),
        st.tuples(st.just("cut"), st.integers(0, 2**31), st.just(0)),
        st.tuples(st.just("insert"), st.integers(0, 2**31), st.binary(min_size=1, max_size=64)),
    ),
    min_size=1,
    max_size=4,
)


@FAST
@given(edits=_edits)
def test_flipped_cut_or_inserted_bytes_give_a_report(
    valid: bytes, tmp_path: Path, work: Path, edits: list[tuple[str, int, object]]
) -> None:
    data = bytearray(valid)
    for kind, where, what in edits:
        at = where % (len(data) + 1)
        if kind == "flip" and data:
            data[at % len(data)] ^= int(what)  # type: ignore[call-overload]
        elif kind == "cut":
            del data[at:]
        elif kind == "insert":
            data[at:at] = what  # type: ignore[assignment]
    check(bytes(data), tmp_path, work, cli=True)


@FAST
@given(which=st.integers(0, 100), junk=st.binary(max_size=4096))
def test_an_entry_rewritten_with_random_bytes_gives_a_report(
    valid: bytes, tmp_path: Path, work: Path, which: int, junk: bytes
) -> None:
    content = members(valid, tmp_path)
    name = sorted(content)[which % len(content)]
    content[name] = junk
    report = check(rezip(content, tmp_path), tmp_path, work)
    assert not report.ok


_json = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=True, allow_infinity=True)
    | st.text(max_size=20),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=12), children, max_size=4)
    ),
    max_leaves=20,
)
_keys = st.sampled_from(
    ["files", "cases", "consultations", "counts", "format_version", "groups", "photos", "uuid"]
)


@FAST
@given(path=st.lists(st.one_of(_keys, st.integers(0, 3)), min_size=1, max_size=4), value=_json)
def test_random_json_values_in_package_json_give_a_report(
    valid: bytes, tmp_path: Path, work: Path, path: list[str | int], value: object
) -> None:
    """A value somewhere in package.json (found by following ``path`` as far as it goes)
    replaced by random JSON; the bag's manifests are left as they were (so a checksum also
    differs) — the point is that nothing in package.json can crash verify."""
    content = members(valid, tmp_path)
    name = f"{BAG}/data/{PACKAGE_JSON}"
    doc: object = json.loads(content[name])
    holder, key = None, None
    node = doc
    for step in path:
        if isinstance(node, dict) and isinstance(step, str):
            holder, key = node, step
            node = node.get(step)
        elif isinstance(node, list) and isinstance(step, int) and node:
            holder, key = node, step % len(node)
            node = node[key]
        else:
            break
    if holder is None:
        doc = value
    else:
        holder[key] = value  # type: ignore[index]
    content[name] = json.dumps(doc, ensure_ascii=False).encode("utf-8")
    check(rezip(content, tmp_path), tmp_path, work)


@FAST
@given(name=st.text(min_size=1, max_size=300), data=st.binary(max_size=64))
def test_entries_of_random_names_give_a_report(
    valid: bytes, tmp_path: Path, work: Path, name: str, data: bytes
) -> None:
    content = members(valid, tmp_path)
    content[f"{BAG}/data/{name}" if len(name) % 2 else name] = data
    try:
        zipped = rezip(content, tmp_path)
    except (ValueError, UnicodeEncodeError):  # zipfile itself refuses to write such a name
        return
    report = check(zipped, tmp_path, work)
    assert not report.ok


@FAST
@given(data=st.binary(max_size=2048))
def test_random_bytes_give_a_report(tmp_path: Path, work: Path, data: bytes) -> None:
    check(data, tmp_path, work, cli=True)


@FAST
@given(tail=st.binary(max_size=512))
def test_random_bytes_after_a_zip_signature_give_a_report(
    tmp_path: Path, work: Path, tail: bytes
) -> None:
    for head in (b"PK\x03\x04", b"PK\x05\x06", b"PK\x06\x06", b"PK\x01\x02"):
        check(head + tail, tmp_path, work)
