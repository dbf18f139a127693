"""One search over every kind of record: consultations, outcome items, cases and people, each
found through the text-search index exactly as its own page's search box finds it."""

from __future__ import annotations

from collections.abc import Iterable

from liaison_desk.domain.queries import (
    CaseFilter,
    ConsultationFilter,
    OutcomeFilter,
    Page,
    PageRequest,
    PersonFilter,
)
from liaison_desk.domain.search import SearchHit, SearchKind, SearchResults, make_snippet
from liaison_desk.services.base import ServiceContext
from liaison_desk.storage import repositories as repo

#: How much of an outcome item's text stands as its title.
_TITLE_CHARS = 40


def _short(text: str) -> str:
    line = " ".join(text.split())
    return line if len(line) <= _TITLE_CHARS else line[: _TITLE_CHARS - 1] + "…"


class SearchService:
    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    def everywhere(
        self, text: str, kinds: Iterable[SearchKind] | None = None, limit: int = 8
    ) -> SearchResults:
        """The first ``limit`` records of each kind whose text contains ``text`` (any case of
        Latin letters; LIKE wildcards are plain characters), with how many there are in all.
        Records in the recycle bin are left out, as on the pages."""
        needle = text.strip()
        results = SearchResults(needle)
        if not needle:
            return results
        wanted = set(kinds or SearchKind)
        page = PageRequest(limit=limit)
        with self.ctx.db.reading() as s:
            # Every kind counted in one pass over the index (None: each list counts its own).
            counted = repo.count_everywhere(s, needle) or {}
            for kind in SearchKind:
                if kind not in wanted:
                    continue
                hits: list[SearchHit] = []
                matched = counted.get(kind.value)
                if matched == 0:
                    continue
                if kind is SearchKind.CONSULTATION:
                    found = repo.list_consultations(
                        s, ConsultationFilter(text=needle), page, matched=matched
                    )
                    texts = repo.record_texts(s, kind.value, (c.id for c in found.items))
                    hits = [
                        SearchHit(
                            kind,
                            c.id,
                            c.number,
                            c.title,
                            make_snippet(texts.get(c.id, []), needle),
                            consultation_id=c.id,
                            consultation_kind=c.kind.value,
                        )
                        for c in found.items
                    ]
                    total = found.total
                elif kind is SearchKind.OUTCOME_ITEM:
                    items = repo.list_outcome_items(
                        s, OutcomeFilter(text=needle), page, matched=matched
                    )
                    ids = [o.item.id or 0 for o in items.items]
                    texts = repo.record_texts(s, kind.value, ids)
                    hits = [
                        SearchHit(
                            kind,
                            o.item.id or 0,
                            o.consultation_number,
                            _short(o.item.content),
                            make_snippet(texts.get(o.item.id or 0, []), needle),
                            consultation_id=o.consultation_id,
                            consultation_kind=o.consultation_kind.value,
                        )
                        for o in items.items
                    ]
                    total = items.total
                elif kind is SearchKind.CASE:
                    cases = repo.list_cases(s, CaseFilter(text=needle), page, matched=matched)
                    texts = repo.record_texts(s, kind.value, (c.id or 0 for c in cases.items))
                    hits = [
                        SearchHit(
                            kind,
                            c.id or 0,
                            c.archive_number,
                            c.title,
                            make_snippet(texts.get(c.id or 0, []), needle),
                        )
                        for c in cases.items
                    ]
                    total = cases.total
                else:
                    # Found in id order by the index, stopping at the page's last.
                    first = repo.first_people(s, needle, limit) if matched is not None else None
                    if first is None:
                        people = repo.list_people(s, PersonFilter(text=needle), page)
                    else:
                        people = Page(first, matched or 0)
                    texts = repo.record_texts(s, kind.value, (p.id or 0 for p in people.items))
                    hits = [
                        SearchHit(
                            kind,
                            p.id or 0,
                            "",
                            p.name,
                            # "委员" finds members by their category, shown last.
                            make_snippet([*texts.get(p.id or 0, []), p.category.label], needle),
                        )
                        for p in people.items
                    ]
                    total = people.total
                if total:
                    results.hits[kind] = hits
                    results.totals[kind] = total
        return results
