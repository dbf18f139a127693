"""What the search-index property tests share (tests/storage/test_search_index.py on SQLite,
tests/storage/test_postgresql.py on a server): needles drawn from the records' own text and
from awkward characters, and the records every list search finds for a needle, with the index
and with the plain substring scan. Imported as ``from search_needles import …``."""

from __future__ import annotations

from contextlib import nullcontext

from hypothesis import strategies as st

from liaison_desk.domain.queries import (
    CaseFilter,
    ConsultationFilter,
    OutcomeFilter,
    PageRequest,
    PersonFilter,
)
from liaison_desk.domain.search import SearchKind
from liaison_desk.services import Services
from liaison_desk.storage import search_index

# Characters that trip a LIKE pattern or a tokenizer, Latin of both cases, digits.
AWKWARD = "%_\\'\"-·、，。：:（）() *?[]^$.|+/#@!~`{}<>=&;\t" + "AaBbZzXxJjYyDdLlQqWwSs0123456789"


def needles(corpus: list[str]) -> st.SearchStrategy[str]:
    """1–6 characters: a piece of the records' text (its ASCII letters' case maybe swapped), a
    mix of the records' characters with awkward ones, or a part of a number like
    织里-2024-议-012."""
    text = "".join(corpus)
    chars = sorted(set(text)) + list(AWKWARD)

    @st.composite
    def piece(draw: st.DrawFn) -> str:
        source = draw(st.sampled_from(corpus))
        size = draw(st.integers(1, 6))
        start = draw(st.integers(0, max(len(source) - 1, 0)))
        found = source[start : start + size]
        if draw(st.booleans()):
            found = "".join(c.swapcase() if c.isascii() else c for c in found)
        return found

    mixed = st.text(alphabet=st.sampled_from(chars), min_size=1, max_size=6)
    return st.one_of(piece(), mixed).filter(lambda n: bool(n.strip()))


def found(services: Services, needle: str, *, scan: bool) -> dict[str, set[int]]:
    """The ids each list search finds for ``needle`` (every page), by index or by scan."""
    with search_index.scanning() if scan else nullcontext():
        sv = services
        return {
            "consultation": {
                c.id for c in sv.consultations.search(ConsultationFilter(text=needle)).items
            },
            "outcome_item": {
                o.item.id or 0
                for o in sv.consultations.search_outcome_items(OutcomeFilter(text=needle)).items
            },
            "case": {c.id or 0 for c in sv.cases.search(CaseFilter(text=needle)).items},
            "person": {p.id or 0 for p in sv.people.search(PersonFilter(text=needle)).items},
        }


def first_pages(
    services: Services, needle: str, *, scan: bool, limit: int
) -> dict[str, tuple[list[int], int]]:
    """Each list's first page for ``needle`` in the list's own order (ids, in order) and the
    list's total, by index or by scan: what the lists and the global search box show."""
    page = PageRequest(limit=limit)
    with search_index.scanning() if scan else nullcontext():
        sv = services
        consultations = sv.consultations.search(ConsultationFilter(text=needle), page)
        items = sv.consultations.search_outcome_items(OutcomeFilter(text=needle), page)
        cases = sv.cases.search(CaseFilter(text=needle), page)
        people = sv.people.search(PersonFilter(text=needle), page)
        everywhere = sv.search.everywhere(needle, limit=limit)
        return {
            "consultation": ([c.id for c in consultations.items], consultations.total),
            "outcome_item": ([o.item.id or 0 for o in items.items], items.total),
            "case": ([c.id or 0 for c in cases.items], cases.total),
            "person": ([p.id or 0 for p in people.items], people.total),
            # The global search box: each kind's first page and total, counted in one pass.
            **{
                f"everywhere {kind.value}": (
                    [h.record_id for h in everywhere.hits.get(kind, [])],
                    everywhere.totals.get(kind, 0),
                )
                for kind in SearchKind
            },
        }


def corpus_of(services: Services) -> list[str]:
    """Every text field the index holds, as stored (the records' own words)."""
    from sqlalchemy import select

    from liaison_desk.storage.models import (
        CaseRow,
        ConsultationRow,
        OutcomeItemRow,
        PersonRow,
    )

    out: list[str] = []
    with services.ctx.db.reading() as s:
        conn = s.connection()
        for kind, row in (
            ("consultation", ConsultationRow),
            ("outcome_item", OutcomeItemRow),
            ("case", CaseRow),
            ("person", PersonRow),
        ):
            ids = list(s.scalars(select(row.id)))
            for fields in search_index.source_fields(conn, kind, ids).values():
                out.extend(f for f in fields if f)
    return out
