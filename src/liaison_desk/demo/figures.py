"""The district's figures the demo reproduces, and what a build reports."""

from __future__ import annotations

from dataclasses import dataclass

DEMO_YEAR = 2024
HALL_SESSIONS = 85  # 民生议事堂协商活动 of 2024
MICRO_CONSULTATIONS = 158  # “两山”驿站微协商 of 2024
MIN_SOLVED = 165  # the district reported 160+ problems solved
FONDS_CODE = "J012"  # 全宗号 of the district CPPCC (illustrative)
PHOTO_SIZE = (640, 480)


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
