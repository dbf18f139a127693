"""Data access over one session. Services open the session (one unit of work) and call these;
what comes back are domain objects or detached plain data (RecordRef), never a live row.

One module per area; every public name is re-exported here, so callers keep
``from liaison_desk.storage import repositories as repo; repo.get_case(s, …)``. The helpers
that take or build ORM rows (``*_from_row``, ``refresh_counts``, ``RECORD_TABLES``) are not:
they stay inside storage, which imports them from their module; tests/test_architecture.py
fails when a module outside storage reaches for them."""

from __future__ import annotations

from liaison_desk.storage.repositories._common import (
    lock_record,
    next_sequence,
    raise_sequence,
    refuse_if_locked,
    touch,
)
from liaison_desk.storage.repositories.audit_recycle import (
    RecordRef,
    add_audit,
    detach_references,
    group_has_records,
    list_audit,
    list_deleted,
    purge_blocker,
    purge_record,
    record_ref,
    record_uuid,
    set_deleted,
)
from liaison_desk.storage.repositories.cases import (
    get_case,
    get_submission,
    list_cases,
    list_submissions,
    save_case,
    save_submission,
)
from liaison_desk.storage.repositories.consultations import (
    CONSULTATION_SORT,
    OUTCOME_SORT,
    attachment_hashes,
    case_photos,
    consultation_id_by_number,
    consultations_by_number,
    get_attachment,
    get_consultation,
    get_outcome_item,
    get_template,
    list_consultations,
    list_outcome_items,
    responsible_bodies,
    save_attachment,
    save_consultation,
    save_outcome_item,
    save_template,
    venues,
)
from liaison_desk.storage.repositories.groups_people import (
    all_people,
    get_group,
    get_person,
    list_groups,
    list_people,
    people_named,
    save_group,
    save_person,
)
from liaison_desk.storage.repositories.settings import (
    SETTINGS_VERSION_KEY,
    get_settings,
    put_settings,
)
from liaison_desk.storage.repositories.statistics import (
    attendance_by_kind,
    change_summary,
    count_rows,
    record_years,
    year_statistics,
)

__all__ = [
    "CONSULTATION_SORT",
    "OUTCOME_SORT",
    "SETTINGS_VERSION_KEY",
    "RecordRef",
    "add_audit",
    "all_people",
    "attachment_hashes",
    "attendance_by_kind",
    "case_photos",
    "change_summary",
    "consultation_id_by_number",
    "consultations_by_number",
    "count_rows",
    "detach_references",
    "get_attachment",
    "get_case",
    "get_consultation",
    "get_group",
    "get_outcome_item",
    "get_person",
    "get_settings",
    "get_submission",
    "get_template",
    "group_has_records",
    "list_audit",
    "list_cases",
    "list_consultations",
    "list_deleted",
    "list_groups",
    "list_outcome_items",
    "list_people",
    "list_submissions",
    "lock_record",
    "next_sequence",
    "people_named",
    "purge_blocker",
    "purge_record",
    "put_settings",
    "raise_sequence",
    "record_ref",
    "record_uuid",
    "record_years",
    "refuse_if_locked",
    "responsible_bodies",
    "save_attachment",
    "save_case",
    "save_consultation",
    "save_group",
    "save_outcome_item",
    "save_person",
    "save_submission",
    "save_template",
    "set_deleted",
    "touch",
    "venues",
    "year_statistics",
]
