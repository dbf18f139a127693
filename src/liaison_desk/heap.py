"""Building a result of hundreds of thousands of objects without stalling the window.

Python's cyclic garbage collector walks every live object now and then, holding the GIL: while a
worker built the 委员履职 ranking of a district (128k members, four objects each) it ran ten full
collections, the last ones 200–300 ms each, and the GUI thread froze for as long each time.

``many_objects()`` pauses automatic collection while such a result is built, then moves every
object alive at its end into the collector's permanent generation (``gc.freeze``), so that later
collections do not walk them again. Objects freed later by their reference count are freed as
usual; only a reference cycle that was alive at the freeze is kept until the program ends, and
the records built here (dataclasses of values) form none.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

_lock = threading.Lock()
_depth = 0  # results being built now, by any thread
_was_enabled = True


def freeze_start_up_objects() -> None:
    """Once the window's libraries and the database are loaded: the objects made so far
    (modules, Qt wrappers, SQLAlchemy's mappers, hundreds of thousands) live as long as the app,
    so later collections leave them alone. Full collections then take milliseconds, not the
    70–110 ms that one started in a worker (holding the GIL) froze the window for."""
    gc.freeze()


@contextmanager
def many_objects() -> Iterator[None]:
    """No automatic garbage collection while the block runs (in any thread); what is alive at
    its end is left out of later collections. Nests and may run in several threads at once:
    collection resumes when the last block ends."""
    global _depth, _was_enabled
    with _lock:
        if _depth == 0:
            _was_enabled = gc.isenabled()
            gc.disable()
        _depth += 1
    try:
        yield
    finally:
        with _lock:
            _depth -= 1
            if _depth == 0:
                gc.freeze()
                if _was_enabled:
                    gc.enable()
