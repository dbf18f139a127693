"""How an archive and a PDF viewer see the app's PDFs (case documents, 案例汇编): PDF/A-1b as
far as free tools can check it (XMP pdfaid, an sRGB output intent, every font embedded per
poppler's ``pdffonts``, a CIDSet for every font subset, no encryption, no transparency, PDF 1.4
without object streams, printable annotations), the outline, the links and the page labels (read
with pikepdf, which uses qpdf's own readers), and each page's printed number (read with
poppler's ``pdftotext``). veraPDF, the reference validator, is neither in Debian nor on PyPI."""

from __future__ import annotations

import re
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pikepdf

POPPLER_NEEDED = "poppler-utils (pdffonts, pdftotext) is needed: scripts/test.sh installs it"


def poppler(tool: str, *args: str) -> str:
    assert shutil.which(tool), POPPLER_NEEDED
    return subprocess.run([tool, *args], capture_output=True, text=True, check=True).stdout


@dataclass(frozen=True)
class Font:
    name: str
    type: str
    embedded: bool


def pdffonts(path: Path) -> list[Font]:
    """The fonts poppler lists, each with whether it is embedded."""
    lines = poppler("pdffonts", str(path)).splitlines()
    assert lines[1].startswith("----"), lines[:2]
    fonts = []
    for line in lines[2:]:
        # name, type (may have spaces), encoding, emb, sub, uni, object number, generation
        match = re.fullmatch(
            r"(\S+)\s+(.+?)\s+(\S+)\s+(yes|no)\s+(yes|no)\s+(yes|no)\s+\d+\s+\d+", line
        )
        assert match, line
        fonts.append(Font(match[1], match[2], match[4] == "yes"))
    return fonts


def printed_numbers(path: Path) -> list[int | None]:
    """Each page's printed page number "— n —" as pdftotext reads it (None: no number)."""
    text = poppler("pdftotext", "-layout", str(path), "-")
    numbers: list[int | None] = []
    for page in text.split("\f")[:-1]:
        found = re.findall(r"—\s*(\d+)\s*—", page)
        assert len(found) <= 1, found
        numbers.append(int(found[0]) if found else None)
    return numbers


def pdfa_problems(path: Path) -> list[str]:
    """What keeps the file from PDF/A-1b, as far as these checks reach (empty: none found)."""
    problems: list[str] = []
    data = path.read_bytes()
    if not data.startswith(b"%PDF-1.4"):
        problems.append(f"header {data[:8]!r}: PDF/A-1 is PDF 1.4")
    with pikepdf.open(path) as pdf:
        if pdf.is_encrypted or "/Encrypt" in pdf.trailer:
            problems.append("encrypted")
        if "/ID" not in pdf.trailer:
            problems.append("no file identifier")
        metadata = pdf.Root.get("/Metadata")
        if metadata is None:
            problems.append("no XMP metadata")
        else:
            if "/Filter" in metadata.stream_dict:
                problems.append("the XMP metadata stream is compressed")
            meta = pdf.open_metadata()
            if (meta.get("pdfaid:part"), meta.get("pdfaid:conformance")) != ("1", "B"):
                problems.append(
                    f"pdfaid {meta.get('pdfaid:part')}/{meta.get('pdfaid:conformance')}"
                )
            if str(pdf.docinfo.get("/Title", "")) != (meta.get("dc:title") or ""):
                problems.append("the document title differs in Info and XMP")
        intents = pdf.Root.get("/OutputIntents", [])
        pdfa_intents = [i for i in intents if i.get("/S") == pikepdf.Name.GTS_PDFA1]
        if len(pdfa_intents) != 1:
            problems.append(f"{len(pdfa_intents)} PDF/A output intents")
        else:
            icc = pdfa_intents[0].DestOutputProfile.read_bytes()
            if icc[36:40] != b"acsp" or icc[16:20] != b"RGB ":
                problems.append("the output intent has no RGB ICC profile")
        for obj in pdf.objects:
            if isinstance(obj, pikepdf.Stream):
                kind = obj.stream_dict.get("/Type")
                if kind in (pikepdf.Name.ObjStm, pikepdf.Name.XRef):
                    problems.append(f"{kind} (PDF 1.5)")
                if "/SMask" in obj.stream_dict:
                    problems.append("an image with a soft mask (transparency)")
            elif isinstance(obj, pikepdf.Dictionary) and (
                obj.get("/Type") == pikepdf.Name.FontDescriptor
                and "+" in str(obj.get("/FontName", ""))
                and "/CIDSet" not in obj
            ):
                problems.append(f"the font subset {obj.FontName} has no CIDSet")
            elif isinstance(obj, pikepdf.Dictionary) and obj.get("/Type") == pikepdf.Name.ExtGState:
                for key in ("/CA", "/ca"):
                    if key in obj and float(obj[key]) != 1.0:
                        problems.append(f"ExtGState {key} {obj[key]}")
                if obj.get("/SMask", pikepdf.Name("/None")) != pikepdf.Name("/None"):
                    problems.append("a soft mask in a graphics state")
        for n, page in enumerate(pdf.pages, start=1):
            group = page.obj.get("/Group")
            if group is not None and group.get("/S") == pikepdf.Name.Transparency:
                problems.append(f"page {n}: a transparency group")
            for annot in page.obj.get("/Annots", []):
                flags = int(annot.get("/F", 0))
                if flags & 4 == 0 or flags & (1 | 2 | 32):
                    problems.append(f"page {n}: an annotation not printable (F {flags})")
    for font in pdffonts(path):
        if not font.embedded:
            problems.append(f"font {font.name} not embedded")
    return problems


@dataclass(frozen=True)
class Bookmark:
    title: str
    page: int  # 0-based
    level: int


def outline(path: Path) -> list[Bookmark]:
    """The bookmarks in order, each with the page (0-based) its destination is on."""
    found: list[Bookmark] = []
    with pikepdf.open(path) as pdf:
        pages = {page.obj.objgen: n for n, page in enumerate(pdf.pages)}
        with pdf.open_outline() as tree:

            def walk(items: list[pikepdf.OutlineItem], level: int) -> None:
                for item in items:
                    destination = item.destination
                    if destination is None and item.action is not None:
                        destination = item.action.get("/D")
                    assert isinstance(destination, pikepdf.Array), item.title
                    found.append(Bookmark(item.title, pages[destination[0].objgen], level))
                    walk(item.children, level + 1)

            walk(tree.root, 0)
    return found


@dataclass(frozen=True)
class Link:
    page: int  # where the link is (0-based)
    rect: tuple[float, float, float, float]  # x0, top, x1, bottom in points from the top left
    target: int  # the page it goes to (0-based)


def links(path: Path) -> list[Link]:
    found: list[Link] = []
    with pikepdf.open(path) as pdf:
        pages = {page.obj.objgen: n for n, page in enumerate(pdf.pages)}
        for n, page in enumerate(pdf.pages):
            height = float(page.mediabox[3])
            for annot in page.obj.get("/Annots", []):
                if annot.get("/Subtype") != pikepdf.Name.Link:
                    continue
                destination = annot.get("/Dest")
                if destination is None:
                    destination = annot.A.D
                x0, y0, x1, y1 = (float(v) for v in annot.Rect)
                rect = (min(x0, x1), height - max(y0, y1), max(x0, x1), height - min(y0, y1))
                found.append(Link(n, rect, pages[destination[0].objgen]))
    return found


def page_labels(path: Path) -> list[str]:
    """The label a viewer shows for each page (qpdf's reading of /PageLabels)."""
    with pikepdf.open(path) as pdf:
        return [page.label for page in pdf.pages]


def page_mode(path: Path) -> str:
    with pikepdf.open(path) as pdf:
        return str(pdf.Root.get("/PageMode", pikepdf.Name.UseNone))
