"""Case write-ups: 档号 on 定稿, locking after 报送, new versions with a reason, results."""

from __future__ import annotations

import hashlib
from datetime import date
from pathlib import Path

import pytest

from liaison_desk.domain.entities import Case, LiaisonGroup, Submission, SubmissionCase
from liaison_desk.domain.enums import AuditAction, CaseStatus, RetentionPeriod, SubmissionResult
from liaison_desk.domain.queries import CaseFilter
from liaison_desk.domain.rules import LockedError, ValidationError
from liaison_desk.services import Services
from liaison_desk.services.cases import CaseService
from liaison_desk.storage import repositories

FINAL = CaseStatus.FINAL

SECTIONS = {
    "basic_info": "织里镇联络组，2024年。",
    "background": "青年外出务工多，返乡创业缺场地。",
    "practice": "委员走访企业，召开民生议事堂协商。",
    "results": "建成青年创业园，返乡青年120人。",
    "insights": "协商要接地气。",
}


def has_chinese(message: str) -> bool:
    return any("\u4e00" <= ch <= "\u9fff" for ch in message)


def audit_of(services: Services, entity_type: str, uuid: str) -> list:
    with services.ctx.db.session() as s:
        return repositories.list_audit(s, entity_type, uuid)


def new_case(group: LiaisonGroup, title: str = "助力青年返乡", **kw: object) -> Case:
    return Case(group_id=group.id, year=2024, title=title, sections=dict(SECTIONS), **kw)


def submit(services: Services, group: LiaisonGroup, *cases: Case) -> Submission:
    return services.submissions.record(
        Submission(
            group_id=group.id,
            target="市政协优秀协商案例征集",
            submitted_on=date(2024, 12, 30),
            cases=[SubmissionCase(case_id=c.id) for c in cases],
        )
    )


# --- 档号 ---------------------------------------------------------------------------------------


def test_a_draft_has_no_archive_number_and_definitive_copies_are_numbered_in_turn(
    services: Services, group: LiaisonGroup
) -> None:
    draft = services.cases.save(new_case(group))
    assert (draft.status, draft.archive_number, draft.version) == (CaseStatus.DRAFT, "", 1)

    draft.status = FINAL
    first = services.cases.save(draft)
    second = services.cases.save(new_case(group, "暖心餐", status=FINAL))
    assert first.archive_number == "J012-WS·2024-Y-ZL-0001"
    assert second.archive_number == "J012-WS·2024-Y-ZL-0002"
    # Saving again keeps the number.
    first.subtitle = "织里镇联络组助力青年返乡创业"
    assert services.cases.save(first).archive_number == "J012-WS·2024-Y-ZL-0001"


def test_archive_numbers_run_per_year_and_retention_period(
    services: Services, group: LiaisonGroup
) -> None:
    services.cases.save(new_case(group, "一", status=FINAL))
    thirty = services.cases.save(
        new_case(group, "二", status=FINAL, retention=RetentionPeriod.YEARS_30)
    )
    earlier = services.cases.save(Case(group_id=group.id, year=2023, title="三", status=FINAL))
    assert thirty.archive_number == "J012-WS·2024-D30-ZL-0001"
    assert earlier.archive_number == "J012-WS·2023-Y-ZL-0001"


def test_an_archive_number_is_never_reused(services: Services, group: LiaisonGroup) -> None:
    gone = services.cases.save(new_case(group, "作废", status=FINAL))
    services.recycle_bin.delete("case", gone.id)
    services.recycle_bin.purge("case", gone.id)
    assert services.cases.save(new_case(group, status=FINAL)).archive_number.endswith("-0002")


def test_finalising_without_archive_codes_is_a_chinese_validation_error(
    services: Services,
) -> None:
    bare = services.groups.save(LiaisonGroup(name="康山街道联络组", town="康山街道"))
    with pytest.raises(ValidationError) as exc:
        services.cases.save(new_case(bare, "关爱青少年心理健康", status=FINAL))
    assert [p.field for p in exc.value.problems] == ["archive_number"]
    assert has_chinese(str(exc.value)) and "全宗号" in str(exc.value)
    assert services.cases.search().total == 0
    # A draft is fine, and once the codes are filled in the first number is 0001.
    services.cases.save(new_case(bare, "关爱青少年心理健康"))
    bare.fonds_code, bare.org_code = "J015", "KS"
    services.groups.save(bare)
    case = services.cases.save(new_case(bare, "清顽疾守护烟火气", status=FINAL))
    assert case.archive_number == "J015-WS·2024-Y-KS-0001"


def test_case_validation_lists_every_problem(services: Services) -> None:
    with pytest.raises(ValidationError) as exc:
        services.cases.save(Case(group_id=None, year=24, title=" "))
    assert {p.field for p in exc.value.problems} == {"title", "group_id", "year"}
    assert all(has_chinese(p.message) for p in exc.value.problems)
    assert services.cases.search().total == 0


# --- locked after 报送 ---------------------------------------------------------------------------


def test_a_submitted_case_is_locked_and_a_change_with_a_reason_starts_a_new_version(
    services: Services, group: LiaisonGroup
) -> None:
    case = services.cases.save(new_case(group, status=FINAL))
    submit(services, group, case)
    submitted = services.cases.get(case.id)
    assert submitted is not None and submitted.status is CaseStatus.SUBMITTED
    old_text = submitted.full_text()

    submitted.sections["results"] = "建成青年创业园，返乡青年150人。"
    with pytest.raises(LockedError) as exc:
        services.cases.save(submitted)
    assert has_chinese(str(exc.value))
    with pytest.raises(LockedError):
        services.cases.save(submitted, reason="   ")
    assert services.cases.get(case.id).version == 1

    changed = services.cases.save(submitted, reason="市政协退回前主动更正人数")
    assert changed.version == 2
    assert changed.status is CaseStatus.DRAFT
    assert changed.archive_number == "J012-WS·2024-Y-ZL-0001"
    assert changed.sections["results"] == "建成青年创业园，返乡青年150人。"

    last = audit_of(services, "case", case.uuid)[-1]
    assert last.action is AuditAction.UPDATE
    assert last.reason == "市政协退回前主动更正人数"
    assert last.actor == "测试员"
    assert last.changes["previous_version"] == [1, 2]
    assert last.changes["previous_text"][0] == old_text
    assert "返乡青年120人" in last.changes["previous_text"][0]


def test_a_selected_case_is_locked_too(services: Services, group: LiaisonGroup) -> None:
    case = services.cases.save(new_case(group, status=FINAL))
    sub = submit(services, group, case)
    services.submissions.set_result(sub.id, case.id, SubmissionResult.SELECTED)
    selected = services.cases.get(case.id)
    assert selected.status is CaseStatus.SELECTED
    selected.title = "改标题"
    with pytest.raises(LockedError):
        services.cases.save(selected)
    with pytest.raises(LockedError):
        services.recycle_bin.delete("case", case.id)


@pytest.mark.parametrize(
    ("result", "status"),
    [
        (SubmissionResult.SELECTED, CaseStatus.SELECTED),
        (SubmissionResult.RETURNED, CaseStatus.RETURNED),
        (SubmissionResult.NOT_SELECTED, CaseStatus.SUBMITTED),
    ],
)
def test_the_submission_result_sets_the_case_status(
    services: Services, group: LiaisonGroup, result: SubmissionResult, status: CaseStatus
) -> None:
    case = services.cases.save(new_case(group, status=FINAL))
    sub = submit(services, group, case)
    assert sub.cases[0].result is SubmissionResult.PENDING
    updated = services.submissions.set_result(sub.id, case.id, result, note="请补充成效数据")
    assert updated.cases[0].result is result
    assert updated.cases[0].note == "请补充成效数据"
    assert services.cases.get(case.id).status is status
    assert services.submissions.get(sub.id).cases[0].result is result


def test_a_result_for_a_case_that_was_not_sent_is_refused(
    services: Services, group: LiaisonGroup
) -> None:
    sent = services.cases.save(new_case(group, status=FINAL))
    other = services.cases.save(new_case(group, status=FINAL))
    sub = submit(services, group, sent)
    with pytest.raises(ValidationError, match="不在这次报送中"):
        services.submissions.set_result(sub.id, other.id, SubmissionResult.SELECTED)
    assert [c.case_id for c in services.submissions.get(sub.id).cases] == [sent.id]
    assert services.cases.get(other.id).status is CaseStatus.FINAL


def test_a_returned_case_can_be_edited_and_submitted_again(
    services: Services, group: LiaisonGroup
) -> None:
    case = services.cases.save(new_case(group, status=FINAL))
    sub = submit(services, group, case)
    services.submissions.set_result(sub.id, case.id, SubmissionResult.RETURNED)
    returned = services.cases.get(case.id)
    returned.sections["results"] += "带动就业300人。"
    edited = services.cases.save(returned)
    assert (edited.status, edited.version) == (CaseStatus.RETURNED, 1)
    submit(services, group, edited)
    assert services.cases.get(case.id).status is CaseStatus.SUBMITTED


def test_a_submission_records_the_package_and_its_sha256(
    services: Services, group: LiaisonGroup, tmp_path: Path
) -> None:
    package = tmp_path / "织里镇联络组-案例报送.zip"
    package.write_bytes(b"PK\x03\x04 fake package")
    case = services.cases.save(new_case(group, status=FINAL))
    sub = services.submissions.record(
        Submission(
            group_id=group.id,
            target="省政协为民办实事协商案例汇编",
            submitted_on=date(2024, 12, 30),
            cases=[SubmissionCase(case_id=case.id)],
        ),
        package=package,
    )
    assert sub.file_name == package.name
    assert sub.sha256 == hashlib.sha256(package.read_bytes()).hexdigest()
    assert [s.id for s in services.submissions.all(group.id)] == [sub.id]


def test_a_submission_needs_a_target_and_a_case(services: Services, group: LiaisonGroup) -> None:
    case = services.cases.save(new_case(group, status=FINAL))
    with pytest.raises(ValidationError) as exc:
        services.submissions.record(
            Submission(
                group_id=group.id,
                target=" ",
                submitted_on=date(2024, 12, 30),
                cases=[SubmissionCase(case_id=case.id)],
            )
        )
    assert has_chinese(str(exc.value))
    with pytest.raises(ValidationError):
        services.submissions.record(
            Submission(group_id=group.id, target="市政协", submitted_on=date(2024, 12, 30))
        )
    with pytest.raises(ValidationError):
        services.submissions.record(
            Submission(
                group_id=group.id,
                target="市政协",
                submitted_on=date(2024, 12, 30),
                cases=[SubmissionCase(case_id=999)],
            )
        )
    assert services.submissions.all() == []
    assert services.cases.get(case.id).status is FINAL


# --- lists and figures --------------------------------------------------------------------------


def test_case_search_and_yearly_case_figures(services: Services, group: LiaisonGroup) -> None:
    a = services.cases.save(new_case(group, "助力青年返乡", status=FINAL))
    b = services.cases.save(new_case(group, "暖心餐", subtitle="老人助餐", status=FINAL))
    services.cases.save(new_case(group, "草稿一篇"))
    services.cases.save(Case(group_id=group.id, year=2023, title="往年案例"))
    sub = submit(services, group, a, b)
    services.submissions.set_result(sub.id, a.id, SubmissionResult.SELECTED)

    assert services.cases.search(CaseFilter(year=2024)).total == 3
    assert [c.title for c in services.cases.search(CaseFilter(text="助餐")).items] == ["暖心餐"]
    selected = services.cases.search(CaseFilter(status=CaseStatus.SELECTED)).items
    assert [c.title for c in selected] == ["助力青年返乡"]

    stats = services.statistics.year(2024, group.id)
    assert (stats.cases_written, stats.cases_submitted, stats.cases_selected) == (3, 2, 1)


def test_word_count_covers_title_and_sections(group: LiaisonGroup) -> None:
    case = new_case(group, "标题")
    assert CaseService.word_count(case) >= len("标题") + len(SECTIONS["insights"])
    assert CaseService.word_count(Case(group_id=1, year=2024, title="")) == 0
