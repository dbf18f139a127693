"""many_objects pauses automatic garbage collection while a large result is built (a full
collection over it froze the window for 300 ms) and resumes it when the last builder ends."""

from __future__ import annotations

import gc
import threading

from liaison_desk.heap import many_objects


def test_collection_paused_while_building_and_resumed_after_the_last() -> None:
    assert gc.isenabled()
    inside = threading.Event()
    leave = threading.Event()
    seen: list[bool] = []

    def other_builder() -> None:
        with many_objects():
            inside.set()
            leave.wait(10)
            seen.append(gc.isenabled())

    thread = threading.Thread(target=other_builder)
    with many_objects():
        assert not gc.isenabled()
        thread.start()
        assert inside.wait(10)
    assert not gc.isenabled()  # the other thread is still building
    leave.set()
    thread.join(10)
    assert seen == [False]
    assert gc.isenabled()
    built = [object() for _ in range(3)]
    with many_objects():
        kept = {"rows": [[i] for i in range(10)]}
    assert gc.isenabled()
    # What was built is left out of later collections (gc.freeze).
    assert not any(o is kept for o in gc.get_objects())
    assert gc.get_freeze_count() > 0
    del built
    gc.unfreeze()
