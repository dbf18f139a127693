"""The import's result as the user reads it (issue 17, tried as a district office would): the
masking decision of every package, a second import that changed nothing, and what to do about
conflicts — in the trial (the window asks right after it) and after the import."""

from __future__ import annotations

from pathlib import Path

from liaison_desk.services.records import ImportReport
from liaison_desk.storage.exchange import Conflict, MergeResult


def _report(kind: str, masked: bool | None, *, dry_run: bool = False, **kw: object) -> ImportReport:
    result = MergeResult(**kw)  # type: ignore[arg-type]
    return ImportReport(
        Path("织里.zip"), "0" * 64, "织里镇联络组", kind, result, dry_run, log_id=1, masked=masked
    )


def test_a_records_package_says_its_masking_as_a_case_package_does() -> None:
    text = _report("records", True, new=3).render()
    assert "报送数据包" in text and "个人信息已隐藏（手机号和身份证号" in text
    text = _report("cases", True, new=3).render()
    assert "协商案例报送包" in text and "群众的姓名、电话号码和身份证号" in text
    text = _report("records", False, new=3).render()
    assert "未隐藏个人信息" in text and "内部资料" in text
    assert "个人信息：个人信息" not in _report("cases", True).render()


def test_a_package_already_imported_says_so_on_its_own_line() -> None:
    report = _report("records", True, skipped=145)
    report.log_id = None
    first, second, *_ = report.render().splitlines()
    assert first == "导入完成：织里.zip（报送数据包，织里镇联络组）"
    assert second == "这个报送包的内容已经全部在本库中，没有任何改动。"


def test_the_trial_says_the_conflicts_are_chosen_in_the_window_not_by_importing_again() -> None:
    conflict = Conflict("consultation", "u", "织里-2024-议-009", "两边都修改过", {}, {})
    trial = _report("records", True, dry_run=True, conflicts=[conflict]).render()
    assert "试导入" in trial and "逐条选择“用报送方的”" in trial and "重新导入" not in trial
    done = _report("records", True, conflicts=[conflict]).render()
    assert "保留了本库的版本" in done and "重新导入" in done
