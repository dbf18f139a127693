"""The case collection (案例汇编, documents/collection.py through services/case_documents.py): a
cover, a contents page whose page numbers are the printed numbers of the pages where each case
starts, every case from a new page, page numbers "— n —" from the first case on (cover and
contents unnumbered), progress reported, and Cancel leaving nothing behind."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest
from pdf_archive import links, outline, page_labels, page_mode, pdfa_problems, printed_numbers
from PySide6.QtWidgets import QApplication
from test_sheets import Char, PdfPage, read_pdf

from liaison_desk.documents.collection import chinese_date
from liaison_desk.documents.layout import TEXT_BOTTOM, TEXT_TOP
from liaison_desk.domain.entities import Case
from liaison_desk.domain.enums import CaseStatus
from liaison_desk.domain.queries import CaseFilter
from liaison_desk.progress import Cancelled
from liaison_desk.services import Services
from progress_fakes import FakeProgress


def squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def folio(page: PdfPage) -> int | None:
    """The page number printed below the text block, if any."""
    below = squash("".join(c.text for c in page.chars if c.top > TEXT_BOTTOM))
    if not below:
        return None
    match = re.fullmatch(r"—(\d+)—", below)
    assert match, below
    return int(match[1])


def first_line(page: PdfPage) -> str:
    """The text of the first line of the text block."""
    chars = page.inside()
    if not chars:
        return ""
    top = min(c.top for c in chars)
    return squash("".join(c.text for c in chars if abs(c.top - top) < 4))


@pytest.fixture
def demo(demo_services: Services, qapp: QApplication) -> Services:
    return demo_services


def selected(services: Services) -> list[Case]:
    return services.cases.in_statuses({CaseStatus.SELECTED}, CaseFilter(year=2024))


def lines_of(page: PdfPage) -> list[str]:
    """The text block's lines, top to bottom, each read left to right."""
    rows: list[list[Char]] = []
    for c in sorted(page.inside(), key=lambda c: c.top):
        if rows and abs(rows[-1][0].top - c.top) < 4:
            rows[-1].append(c)
        else:
            rows.append([c])
    return [squash("".join(c.text for c in sorted(row, key=lambda c: c.x0))) for row in rows]


def contents_numbers(page: PdfPage, titles: list[str]) -> dict[str, int]:
    """Title → the number at the right end of its line on the contents page."""
    numbers: dict[str, int] = {}
    for line in lines_of(page):
        for title in titles:
            match = re.fullmatch(re.escape(squash(title)) + r"(\d+)", line)
            if match:
                numbers[title] = int(match[1])
    assert sorted(numbers) == sorted(titles)
    return numbers


def test_the_contents_gives_the_page_where_each_case_starts(demo: Services, tmp_path: Path) -> None:
    cases = selected(demo)
    ids = [c.id for c in cases if c.id is not None]
    out = tmp_path / "案例汇编.pdf"
    progress = FakeProgress()
    result = demo.case_documents.write_collection(
        ids,
        out,
        issuer="吴兴区政协办公室",
        on=date(2025, 1, 10),
        progress=progress,
    )
    reports = progress.steps
    pages = read_pdf(out)
    assert len(pages) == result.page_count
    for page in pages:
        assert page.width == pytest.approx(595, abs=1) and page.height == pytest.approx(842, abs=1)
        assert all(c.top >= TEXT_TOP - 2 for c in page.chars)

    # The cover: the title (over two lines), the issuer and the date; no page number.
    cover = pages[0].text()
    assert "吴兴区政协委员联络组2024年协商案例汇编" in cover
    assert "吴兴区政协办公室" in cover and chinese_date(date(2025, 1, 10)) in cover
    assert chinese_date(date(2025, 1, 10)) == "二〇二五年一月"
    assert folio(pages[0]) is None

    # The contents: each title with the number of the page on which the case starts.
    contents = pages[1]
    assert contents.text().startswith("目录")
    assert folio(contents) is None
    titles = [c.title for c in cases]
    listed = contents_numbers(contents, titles)
    assert result.front_pages == 2

    # The cases: numbered from 1 on, each starting on a new page with its title.
    numbered = pages[result.front_pages :]
    assert [folio(p) for p in numbered] == list(range(1, len(numbered) + 1))
    starts = {first_line(p): folio(p) for p in numbered}
    for case in cases:
        assert starts[squash(case.title)] == listed[case.title], case.title
        assert case.subtitle and squash(case.subtitle) in "".join(
            p.text() for p in numbered if folio(p) == listed[case.title]
        )
    assert [e.page for e in result.entries] == [listed[t] for t in titles]
    assert [e.pdf_page for e in result.entries] == [result.front_pages + listed[t] for t in titles]
    # The pages between two starts belong to the first case: nothing else starts there.
    assert len([p for p in numbered if first_line(p) in {squash(t) for t in titles}]) == 4

    # Progress ran up to the end.
    assert reports and reports[-1][0] == reports[-1][1]
    assert [d for d, _ in reports] == sorted(d for d, _ in reports)


def test_the_collection_is_pdf_a_with_bookmarks_links_and_page_labels(
    demo: Services, tmp_path: Path
) -> None:
    """What an archivist and a reader on screen see: PDF/A-1b; a bookmark for the contents and
    one per case on its first page (its sections under it), shown when the file opens; every
    contents entry a link to its case; the viewer's page labels the printed numbers."""
    cases = selected(demo)
    ids = [c.id for c in cases if c.id is not None]
    out = tmp_path / "案例汇编.pdf"
    result = demo.case_documents.write_collection(
        ids, out, issuer="吴兴区政协办公室", on=date(2025, 1, 10)
    )
    pages = read_pdf(out)
    titles = [c.title for c in cases]
    starts = [e.pdf_page - 1 for e in result.entries]  # 0-based page where each case starts
    assert [squash(first_line(pages[i])) for i in starts] == [squash(t) for t in titles]

    assert pdfa_problems(out) == []

    marks = outline(out)
    assert [(m.title, m.page) for m in marks if m.level == 0] == [
        ("目录", 1),
        *zip(titles, starts, strict=True),
    ]
    assert page_mode(out) == "/UseOutlines"
    for n, start in enumerate(starts):
        end = starts[n + 1] if n + 1 < len(starts) else len(pages)
        case_marks = marks[
            marks.index(next(m for m in marks if m.page == start and m.level == 0)) :
        ]
        sections = []
        for m in case_marks[1:]:
            if m.level == 0:
                break
            sections.append(m)
        assert [m.title[:2] for m in sections] == ["一、", "二、", "三、", "四、", "五、"][
            : len(sections)
        ]
        assert len(sections) >= 3
        for m in sections:
            assert start <= m.page < end
            assert squash(m.title) in "".join(lines_of(pages[m.page]))

    found = links(out)
    assert [link.target for link in found] == starts
    for link, title in zip(found, titles, strict=True):
        assert link.page == 1  # on the contents page
        x0, top, x1, bottom = link.rect
        inside = [
            c
            for c in pages[1].chars
            if x0 <= (c.x0 + c.x1) / 2 <= x1 and top <= (c.top + c.bottom) / 2 <= bottom
        ]
        assert squash("".join(c.text for c in inside)).startswith(squash(title))

    labels = page_labels(out)
    numbers = printed_numbers(out)
    assert numbers == [None, None, *range(1, len(pages) - 1)]
    assert labels[:2] == ["封面", "i"]
    assert labels[2:] == [str(n) for n in numbers[2:]]


def test_the_default_title_names_the_group_of_a_single_group(demo: Services) -> None:
    case = demo.case_documents.find("J012-WS·2024-Y-ZL-0001")
    assert case.id is not None
    assert demo.case_documents.collection_title([case.id]) == "织里镇联络组2024年协商案例汇编"
    ids = [c.id for c in selected(demo) if c.id is not None]
    assert demo.case_documents.collection_title(ids) == "吴兴区政协委员联络组2024年协商案例汇编"


@pytest.mark.parametrize("when", ["reading", "layout", "drawing"])
def test_cancel_leaves_nothing_behind(demo: Services, tmp_path: Path, when: str) -> None:
    """Cancelled while the cases are read (the first third), laid out or drawn (the last)."""
    ids = [c.id for c in selected(demo) if c.id is not None]
    folder = tmp_path / "out"
    folder.mkdir()
    share = {"reading": 0.2, "layout": 0.5, "drawing": 0.8}[when]
    progress = FakeProgress(when=lambda done, total: done > total * share)
    with pytest.raises(Cancelled):
        demo.case_documents.write_collection(ids, folder / "案例汇编.pdf", progress=progress)
    assert list(folder.iterdir()) == []


def test_a_long_contents_runs_over_pages_and_still_points_right(
    demo: Services, tmp_path: Path
) -> None:
    """Twelve entries take two contents pages; every entry's number is still the printed
    number of the page where its case starts (the contents' length never shifts them)."""
    from liaison_desk.documents import collection

    data = [demo.case_documents.document_data(c.id) for c in selected(demo) if c.id] * 3
    info = collection.CollectionInfo(
        "织里镇联络组2024年协商案例汇编", "织里镇联络组", date(2025, 1, 10)
    )
    result = collection.write_collection(data, tmp_path / "汇编.pdf", info)
    pages = read_pdf(tmp_path / "汇编.pdf")
    assert result.front_pages == 3  # the cover and two contents pages
    listed = [
        int(m[1])
        for p in pages[1 : result.front_pages]
        for line in lines_of(p)
        if (m := re.search(r"[^\d](\d+)$", line))
    ]
    assert listed == [e.page for e in result.entries]
    for entry in result.entries:
        page = pages[entry.pdf_page - 1]
        assert first_line(page) == squash(entry.title)
        assert folio(page) == entry.page
    # Links from both contents pages; the viewer's labels follow the printed numbers.
    found = links(tmp_path / "汇编.pdf")
    assert [link.target for link in found] == [e.pdf_page - 1 for e in result.entries]
    assert {link.page for link in found} == {1, 2}
    labels = page_labels(tmp_path / "汇编.pdf")
    assert labels[:3] == ["封面", "i", "ii"]
    assert labels[3:] == [str(folio(p)) for p in pages[3:]]


def test_a_failure_while_adding_bookmarks_leaves_the_old_file_and_no_temporary_one(
    demo: Services, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The outline, links and labels are added to Qt's file after it is drawn: a failure there
    still leaves nothing half-written, and the file written before stays as it was."""
    from liaison_desk.documents import pdf_writer

    case = selected(demo)[0]
    assert case.id is not None
    folder = tmp_path / "out"
    folder.mkdir()
    out = folder / "案例.pdf"
    demo.case_documents.write_pdf(case.id, out)
    before = out.read_bytes()

    def broken(*args: object) -> bytes:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(pdf_writer, "_with_navigation", broken)
    with pytest.raises(OSError):
        demo.case_documents.write_pdf(case.id, out)
    assert out.read_bytes() == before
    assert [p.name for p in folder.iterdir()] == ["案例.pdf"]
