"""Fonts embedded in the case Word file, so that LibreOffice (统信, 麒麟, Linux: none of the
official faces installed) shows the GB/T 9704 levels in distinct faces.

LibreOffice ignores the font table's alternative names (w:altName) and asks fontconfig for a
missing face by its name alone; stock fontconfig knows none of 方正小标宋简体, 仿宋_GB2312, 黑体, 楷体
and answers its default face for each, so title, body and headings all look alike. A font
embedded in the file (ECMA-376 Part 1, 17.8.1: w:embedRegular in the font table, obfuscated
under word/fonts/) is registered by LibreOffice under the family names inside the font, and a run
naming one of them is set in it.

So the file embeds two stand-ins whose Chinese family name is the Word name of their level:
"楷体" (Liaison Kai: LXGW WenKai renamed, for （一） headings, the subtitle and captions) and "黑体"
(Noto Sans SC Bold, for 一、 headings). Word and WPS take an installed font before an embedded one,
and every Windows since Vista has 黑体 and 楷体, so there nothing changes. The title (方正小标宋简体)
and the body (仿宋_GB2312) are not embedded: a free face may not take a vendor's product name, and
the body's characters are too many for a file of a sensible size.

The stand-ins are the same bytes in every file (resources/fonts/word, made by
scripts/make_font_subset.py): LibreOffice keeps the first embedded font of a name for the rest of
its session, so a subset cut to one document's text would lack characters in the next document
it opens. They cover GB 2312 level 1, the 通用规范汉字表's level 1, punctuation and ASCII;
a rarer character falls back to another face. Their licence (SIL OFL 1.1, with the copyright
notices) is inside each font, as its licence description.
"""

from __future__ import annotations

import lzma
from dataclasses import dataclass
from functools import cache
from importlib import resources

from lxml import etree

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
RT_FONT = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/font"
CT_OBFUSCATED_FONT = "application/vnd.openxmlformats-officedocument.obfuscatedFont"


@dataclass(frozen=True)
class StandIn:
    """An embedded stand-in: the Word name it answers to, its file in resources/fonts/word, and
    the fixed key it is obfuscated with (fixed, so every file carries the same bytes)."""

    name: str
    file: str
    key: str


STAND_INS: dict[str, StandIn] = {
    "heading2": StandIn("楷体", "kai.ttf.xz", "{8F1C2B3A-5D4E-4A6F-9B7C-1E2D3F4A5B6C}"),
    "heading1": StandIn("黑体", "hei.ttf.xz", "{2A6B9C1D-7E3F-4B5A-8C9D-0E1F2A3B4C5D}"),
}


@cache
def stand_in_font(file: str) -> bytes:
    """The stand-in's TrueType bytes (decompressed once per run)."""
    folder = resources.files("liaison_desk.resources") / "fonts" / "word"
    return lzma.decompress((folder / file).read_bytes())


def obfuscate(data: bytes, key: str) -> bytes:
    """ECMA-376 Part 1, 17.8.1: the first 32 bytes XOR the key's 16 bytes, taken from the GUID's
    hex digits in reverse order. (The same operation undoes it.)"""
    key_bytes = bytes.fromhex(key.strip("{}").replace("-", ""))[::-1]
    head = bytes(b ^ key_bytes[i % 16] for i, b in enumerate(data[:32]))
    return head + data[32:]


def _w(name: str) -> str:
    return f"{{{W_NS}}}{name}"


def embed_stand_ins(document: object, word_fonts: dict[str, str]) -> list[str]:
    """Embed in a python-docx ``Document`` the stand-in of each role whose Word name is the
    stand-in's (a face the settings chose instead is the user's own, and is left alone); returns
    the names embedded. The font table must already list the names (``_setup_font_table``)."""
    from docx.opc.packuri import PackURI
    from docx.opc.part import Part

    wanted = [s for role, s in STAND_INS.items() if word_fonts.get(role) == s.name]
    doc_part = document.part  # type: ignore[attr-defined]
    table_part = next(
        (r.target_part for r in doc_part.rels.values() if r.reltype.endswith("/fontTable")), None
    )
    if not wanted or table_part is None:
        return []
    root = etree.fromstring(table_part.blob)
    entries = {f.get(_w("name")): f for f in root.findall(_w("font"))}
    embedded = []
    for number, stand_in in enumerate(wanted, start=1):
        entry = entries.get(stand_in.name)
        if entry is None:
            continue
        part = Part(
            PackURI(f"/word/fonts/font{number}.odttf"),
            CT_OBFUSCATED_FONT,
            obfuscate(stand_in_font(stand_in.file), stand_in.key),
            doc_part.package,
        )
        rid = table_part.relate_to(part, RT_FONT)
        embed = etree.SubElement(entry, _w("embedRegular"))
        embed.set(f"{{{R_NS}}}id", rid)
        embed.set(_w("fontKey"), stand_in.key)
        embedded.append(stand_in.name)
    table_part._blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
    return embedded
