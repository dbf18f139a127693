"""Long lists are sorted in the worker in runs merged in Python (so the GUI thread gets the GIL
while 300k names are sorted): the order is exactly that of one stable sort, ties included."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from liaison_desk.ui import table


@given(
    rows=st.lists(st.tuples(st.integers(0, 5), st.integers()), max_size=80),
    descending=st.booleans(),
)
def test_sorting_in_runs_gives_the_order_of_one_stable_sort(
    rows: list[tuple[int, int]], descending: bool
) -> None:
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(table, "SORT_RUN", 7)  # many runs even for a short list
        got = table.sorted_in_runs(rows, lambda r: r[0], descending)
    assert got == sorted(rows, key=lambda r: r[0], reverse=descending)
