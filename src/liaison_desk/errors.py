"""The one base of every error a user is meant to read, apart from bugs.

An error whose message is written for the user (a rule broken, a locked or meanwhile-changed
record, a database or file problem, a refused file, wrong input on the command line) derives
from :class:`UserFacingError`. The window shows it in a message box and the command line prints
it and exits with 1; any other exception is a bug: the crash dialog (``ui/crash.py``) or exit 3,
with the traceback in the log. So a new kind of error the user should read is added by deriving
it from this class (or one of its subclasses) — there is no list of expected errors to keep.

``str(exc)`` is the Chinese message (what the app says by default). An error may also carry an
English text (``english=``), which the English UI shows instead; messages without one are shown
in Chinese in either language.

A plain module on the ground floor: it imports nothing of the project, so domain, storage,
services, documents, the UI and the command line can all use it.
"""

from __future__ import annotations


class UserFacingError(Exception):
    """An error whose message the user reads; ``str(exc)`` is clear Chinese saying what to do."""

    english: str = ""  # the same message in English, or "" when it has none

    def __init__(self, *args: object, english: str = "") -> None:
        super().__init__(*args)
        if english:
            self.english = english

    def message_in(self, language: str) -> str:
        """The message for a UI in ``language`` ("zh_CN", "en"): the English text when the UI
        is English and one exists, else the Chinese message."""
        if language.startswith("en") and self.english:
            return self.english
        return str(self)
