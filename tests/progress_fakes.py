"""A fake of the one progress-and-cancel protocol (``liaison_desk.progress.Progress``): it keeps
every report and plays the user pressing Cancel — at the Nth report, or once ``when(done,
total)`` holds — by raising ``Cancelled`` from then on, as the UI's ``TaskControl`` does."""

from __future__ import annotations

from collections.abc import Callable

from liaison_desk.progress import Cancelled


class FakeProgress:
    def __init__(
        self, cancel_at: int | None = None, when: Callable[[int, int], bool] | None = None
    ) -> None:
        self.cancel_at = cancel_at
        self.when = when
        self.calls: list[tuple[int, int, str]] = []
        self.cancelled = False

    def __call__(self, done: int, total: int, message: str = "", /) -> None:
        self.calls.append((done, total, message))
        if (self.cancel_at is not None and len(self.calls) >= self.cancel_at) or (
            self.when is not None and self.when(done, total)
        ):
            self.cancelled = True
        if self.cancelled:
            raise Cancelled

    @property
    def steps(self) -> list[tuple[int, int]]:
        """(done, total) of every report."""
        return [(d, t) for d, t, _ in self.calls]
