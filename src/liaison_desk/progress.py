"""The one progress-and-cancel protocol of every long operation (backup, restore, package export
and verification, case collection, ledger export, matching scans, the integrity check, the demo).

A long operation takes ``progress: Progress | None`` and calls ``progress(done, total, message)``
now and then: ``done`` of ``total`` steps (any unit: bytes, records, pages), ``message`` an
optional line saying what is being done (empty: keep the last one). When the user has pressed
Cancel the call raises :class:`Cancelled`; the operation lets it pass and its own ``finally`` /
``except`` clean-up makes sure nothing is left behind (what a cancelled operation keeps, if
anything, its docstring says). The UI's ``ui.tasks.TaskControl`` is a ``Progress``, so a call site
hands the control itself to the service; the command line's printer is one too.

Why this shape, and not the others the code grew (``(done, total) -> bool`` "False to stop",
``(done, total, message) -> object`` plus a separate ``cancel() -> bool``):

* One call both reports and honours Cancel, so no loop can report progress yet forget to check
  for a cancel, and there is no second callback to thread through every layer.
* A raised exception unwinds through the operation's own clean-up — temporary files removed,
  transactions rolled back — by the same path as any error. A False return had to be checked
  and turned into an exception at every level, which is how nine ``*Cancelled`` classes and
  adapters at every UI call site came about.
* The message is optional, so storage reports bytes with nothing to say, and the package export
  says which file it is writing.

This is the model of Anki's ``CollectionOp`` / ``QueryOp``: the background operation reports
through one object and a cancel arrives as an exception. :class:`Cancelled` derives from
``Exception`` (like the classes it replaces) so clean-up written as ``except Exception: ...;
raise`` runs for it too; code that turns every error into a report (``verify_package``) lets
it through first.

A plain module with no project imports: domain, storage, services, documents and the UI all
import it.
"""

from __future__ import annotations

from typing import Protocol, runtime_checkable

__all__ = ["Cancelled", "Progress", "within"]


class Cancelled(Exception):
    """The user cancelled a long operation; it stopped and cleaned up after itself."""

    def __init__(self, message: str = "操作已取消。") -> None:
        super().__init__(message)


@runtime_checkable
class Progress(Protocol):
    """``progress(done, total, message="")``: report; raises :class:`Cancelled` once the user
    has cancelled. Positional only, so any callable of that shape fits."""

    def __call__(self, done: int, total: int, message: str = "", /) -> None: ...


def step(progress: Progress | None, done: int, total: int, message: str = "") -> None:
    """Report ``done`` of ``total`` when someone listens (``progress`` may be None)."""
    if progress is not None:
        progress(done, total, message)


def within(progress: Progress | None, start: int, span: int, total: int) -> Progress | None:
    """A sub-operation's own ``(done, total)`` reported as the stretch ``start`` to
    ``start + span`` of the outer ``total`` (a collection written inside a package, a backup
    made before a restore). None stays None."""
    if progress is None:
        return None
    outer = progress

    def report(done: int, sub_total: int, message: str = "", /) -> None:
        share = done * span // sub_total if sub_total > 0 else span
        outer(min(start + share, total), total, message)

    return report
