"""The one PDF writer: every PDF the app makes (sheets, case documents, the collection) is written
by :func:`write_pdf`, as PDF/A-1b for archives.

Qt draws the pages (``documents.layout.render`` on a QPdfWriter: fonts embedded, an sRGB output
intent, XMP metadata). What Qt cannot write — the outline (bookmarks), links inside the document
and page labels — pikepdf adds to Qt's file afterwards, keeping it PDF/A-1b. The file appears
under its name only when complete (a temporary name in the same folder, then a rename).
"""

from __future__ import annotations

import errno
import os
import secrets
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtGui import QPagedPaintDevice, QPdfWriter

from liaison_desk.documents.atomic import write_atomically
from liaison_desk.documents.layout import BookmarkOp, LinkOp, PaintedPages, render

PDF_RESOLUTION = 1200


@dataclass(frozen=True)
class PageLabel:
    """The page labels a PDF viewer shows from page ``first`` (0-based) on, until the next
    range: ``style`` "D" (1, 2, 3), "r" (i, ii, iii), "R", "a", "A" or "" (the prefix alone),
    counting from ``start``, after ``prefix``."""

    first: int
    style: str = "D"
    start: int = 1
    prefix: str = ""


@dataclass
class PdfInfo:
    """The document's title and creator, and what the PDF adds for a reader: page labels (the
    numbers the viewer shows, as printed). Bookmarks and links come from the pages' own
    :class:`BookmarkOp` and :class:`LinkOp`."""

    title: str = ""
    creator: str = ""
    page_labels: tuple[PageLabel, ...] = ()


def _reserve_temporary(path: Path) -> Path:
    """An empty, new file beside ``path`` to write into (with the folder's usual permissions);
    OSError (with its errno) when the folder is missing or cannot be written."""
    for _ in range(100):
        tmp = path.with_name(f".{path.stem}-{secrets.token_hex(4)}.pdf.tmp")
        try:
            with tmp.open("xb"):
                return tmp
        except FileExistsError:
            continue
    raise FileExistsError(errno.EEXIST, "无法在文件夹中创建临时文件", str(path.parent))


def write_pdf(pages: PaintedPages, path: Path, info: PdfInfo) -> None:
    """Write the pages to ``path`` as a PDF/A-1b file (for archives: every font embedded, an
    sRGB output intent, XMP metadata saying so, no transparency): first into a temporary file in
    the same folder, then renamed over ``path``, so a failure leaves nothing behind and never a
    half-written file under the real name. Pages that carry :class:`BookmarkOp` or
    :class:`LinkOp` (where ``pages`` has ``page_ops(index)``), or ``info.page_labels``, get an outline, links and page
    labels, which Qt cannot write: pikepdf adds them to Qt's file, keeping it PDF/A-1b (no
    object streams, PDF 1.4, the metadata as written). OSError when the folder cannot be
    written."""
    path = Path(path)
    tmp = _reserve_temporary(path)
    try:
        writer = QPdfWriter(str(tmp))
        writer.setPdfVersion(QPagedPaintDevice.PdfVersion.PdfVersion_A1b)
        writer.setResolution(PDF_RESOLUTION)
        writer.setTitle(info.title)
        writer.setCreator(info.creator)
        render(pages, writer)
        del writer  # closes the file
        if tmp.stat().st_size == 0:
            raise OSError(errno.ENOSPC, "生成的 PDF 文件是空的", str(path))
        marks = _marks(pages)
        if marks or info.page_labels:
            write_atomically(path, _with_navigation(tmp, marks, info.page_labels))
            tmp.unlink()
        else:
            os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def _marks(pages: PaintedPages) -> list[tuple[int, BookmarkOp | LinkOp]]:
    """(page index, op) of every bookmark and link, in page order."""
    page_ops = getattr(pages, "page_ops", None)
    if page_ops is None:
        return []
    return [
        (index, op)
        for index in range(pages.page_count())
        for op in page_ops(index)
        if isinstance(op, BookmarkOp | LinkOp)
    ]


def _with_navigation(
    source: Path, marks: Sequence[tuple[int, BookmarkOp | LinkOp]], labels: Sequence[PageLabel]
) -> bytes:
    """Qt's PDF with the outline, links and page labels added, as bytes."""
    import io

    import pikepdf
    from pikepdf import Array, Dictionary, Name, OutlineItem, PageLocation, String

    with pikepdf.open(source) as pdf:

        def height(index: int) -> float:
            return float(pdf.pages[index].mediabox[3])

        targets = {
            op.key: (index, op.top) for index, op in marks if isinstance(op, BookmarkOp) and op.key
        }
        bookmarks = [(i, op) for i, op in marks if isinstance(op, BookmarkOp) and op.title]
        if bookmarks:
            with pdf.open_outline() as outline:
                parents: list[list[OutlineItem]] = [outline.root]
                for index, op in bookmarks:
                    item = OutlineItem(
                        op.title, index, PageLocation.XYZ, left=0, top=height(index) - op.top
                    )
                    level = min(op.level, len(parents) - 1)
                    del parents[level + 1 :]
                    parents[level].append(item)
                    parents.append(item.children)
            pdf.Root.PageMode = Name.UseOutlines  # the viewer opens with the bookmarks shown
        links = [(i, op) for i, op in marks if isinstance(op, LinkOp) and op.key in targets]
        for index, link in links:
            page, top = targets[link.key]
            h = height(index)
            r = link.rect
            annotation = Dictionary(
                Type=Name.Annot,
                Subtype=Name.Link,
                Rect=Array([r.left(), h - r.bottom(), r.right(), h - r.top()]),
                Border=Array([0, 0, 0]),
                F=4,  # printable, as PDF/A requires of every annotation
                Dest=Array([pdf.pages[page].obj, Name.XYZ, 0, height(page) - top, None]),
            )
            page_obj = pdf.pages[index].obj
            if Name.Annots not in page_obj:
                page_obj.Annots = Array()
            page_obj.Annots.append(pdf.make_indirect(annotation))
        if labels:
            nums = Array()
            for label in labels:
                entry = Dictionary()
                if label.style:
                    entry.S = Name("/" + label.style)
                if label.prefix:
                    entry.P = String(label.prefix)
                if label.start != 1:
                    entry.St = label.start
                nums.append(label.first)
                nums.append(entry)
            pdf.Root.PageLabels = Dictionary(Nums=nums)
        out = io.BytesIO()
        # PDF/A-1 is PDF 1.4: no object streams; Qt's XMP and document information untouched.
        pdf.save(
            out,
            object_stream_mode=pikepdf.ObjectStreamMode.disable,
            fix_metadata_version=False,
        )
        return out.getvalue()
