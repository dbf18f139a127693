"""The district's figures the demo reproduces, and what a build reports."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

DEMO_YEAR = 2024
HALL_SESSIONS = 85  # 民生议事堂协商活动 of 2024
MICRO_CONSULTATIONS = 158  # “两山”驿站微协商 of 2024
MIN_SOLVED = 165  # the district reported 160+ problems solved
FONDS_CODE = "J012"  # 全宗号 of the district CPPCC (illustrative)
PHOTO_SIZE = (640, 480)

#: ``progress(done, total)`` after every saved record; False stops the build.
Progress = Callable[[int, int], bool]


class DemoCancelled(Exception):
    """The progress callback asked to stop; what was saved so far stays in the database."""


@dataclass(frozen=True)
class DemoSummary:
    groups: int
    people: int
    hall_sessions: int
    micro_consultations: int
    outcome_items: int
    solved: int
    photos: int
    cases: int
    submissions: int
