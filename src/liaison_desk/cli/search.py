"""liaison-desk search: one search over consultations, outcome items, cases and people."""

from __future__ import annotations

import argparse

from liaison_desk.cli.common import EXIT_OK, EXIT_PROBLEM, UserError, open_services, url_of
from liaison_desk.domain.search import SearchKind


def cmd_search(args: argparse.Namespace) -> int:
    text = " ".join(args.text).strip()
    if not text:
        raise UserError("请写出要搜索的文字，例如：liaison-desk search 电梯")
    kinds: list[SearchKind] | None = None
    if args.kind:
        try:
            kinds = [SearchKind.from_text(k) for k in args.kind]
        except ValueError as exc:
            raise UserError(str(exc)) from exc
    with open_services(url_of(args), create=False) as services:
        results = services.search.everywhere(text, kinds, limit=args.limit)
    if not results.total:
        print(f"没有找到包含「{text}」的记录。")
        return EXIT_PROBLEM
    print(f"包含「{text}」的记录共 {results.total} 条（匹配的文字用【】标出）：")
    for kind in SearchKind:
        hits = results.hits.get(kind)
        if not hits:
            continue
        total = results.totals[kind]
        more = f"，显示前 {len(hits)} 条" if total > len(hits) else ""
        print(f"\n{kind.label}（{total} 条{more}）")
        for hit in hits:
            s = hit.snippet
            shown = f"{s.before}【{s.match}】{s.after}" if s.length else s.text
            head = "  ".join(p for p in (hit.number, hit.title) if p)
            print(f"  {kind.label}  {head}")
            print(f"      {shown}")
    return EXIT_OK
