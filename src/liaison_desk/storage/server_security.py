"""Who may change what on a shared PostgreSQL server, enforced by the server itself.

When townships work directly on the district's server, a township's login may read and write
only its own group's records, while the district office's logins see and report every group.
The app alone cannot promise that (any PostgreSQL client reaches the same tables), so the
server enforces it with roles and row-level security:

- ``liaison_office``: the district office; sees and changes everything;
- ``liaison_group_<id>``: one role per liaison group; a township's login is a member of its
  group's role;
- ``liaison_users``: holds the table privileges; the office and group roles are its members;
- every table has row-level security on, with policies saying which rows a role reads and
  which it writes (``TABLE_RULES``): a consultation and its participants, speeches, outcome
  items and attachments by the consultation's group, people, cases and submissions by their
  group, audit entries and search-index rows by the record they are about, number counters
  by the group in their scope, settings and procedure templates read by all and written by
  the office, attachment contents read where one of the login's attachments refers to them.

The owner of the tables (the login that ran the migrations, and ``server-setup``) is not
subject to these policies: it is the administrator's. ``setup_sql`` gives the SQL, which
``server-setup`` runs (or prints); every statement may be run again.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import Engine, select, text
from sqlalchemy.exc import DBAPIError

from liaison_desk.storage.errors import StorageError
from liaison_desk.storage.models import Base, GroupRow

OFFICE_ROLE = "liaison_office"
USERS_ROLE = "liaison_users"
GROUP_ROLE_PREFIX = "liaison_group_"

#: SQLSTATE of insufficient_privilege: a write row-level security refuses, or a table the
#: login has no right to.
INSUFFICIENT_PRIVILEGE = "42501"

_LOGIN_NAME = re.compile(r"[a-z_][a-z0-9_]{0,62}")


class WriteRefusedError(StorageError):
    """The server refused a read or write this login has no right to."""


def group_role(group_id: int) -> str:
    return f"{GROUP_ROLE_PREFIX}{group_id}"


def refused_error(exc: BaseException) -> WriteRefusedError | None:
    """The clear message for a statement the server refused for want of rights, or None when
    ``exc`` is another error."""
    orig = getattr(exc, "orig", exc)
    if getattr(orig, "sqlstate", None) != INSUFFICIENT_PRIVILEGE:
        return None
    return WriteRefusedError(
        "数据库服务器拒绝了这次修改：您登录的账号只能修改本联络组的记录"
        "（其他联络组的记录由各自的账号修改，区政协办公室的账号可以修改全部记录）。"
        "这次没有保存，什么都没有改动。如果需要修改，请联系这条记录所属的联络组，"
        "或请服务器管理员用 liaison-desk server-setup 调整账号的权限。",
        english="The database server refused this change: your login may change only your own "
        "liaison group's records (the other groups' records are changed by their own logins, "
        "the district office's logins may change all of them). Nothing was saved. Ask the "
        "group the record belongs to, or the server administrator (liaison-desk server-setup).",
    )


@dataclass(frozen=True)
class TableRule:
    """Which rows of a table a login reads and which it writes (SQL conditions on the row)."""

    read: str
    write: str


_OFFICE = "liaison_is_office()"
_BY_GROUP = TableRule("liaison_may(group_id)", "liaison_may(group_id)")
_CONSULTATION_GROUP = "(SELECT c.group_id FROM consultations c WHERE c.id = consultation_id)"
_BY_CONSULTATION = TableRule(
    f"liaison_may({_CONSULTATION_GROUP})", f"liaison_may({_CONSULTATION_GROUP})"
)
_ATTACHMENT_GROUP = (
    f"COALESCE({_CONSULTATION_GROUP}, (SELECT k.group_id FROM cases k WHERE k.id = case_id))"
)
_SUBMISSION_GROUP = "(SELECT s.group_id FROM submissions s WHERE s.id = submission_id)"
_READ_ALL_OFFICE_WRITES = TableRule("true", _OFFICE)

#: Every table of the schema and its rule; a table missing here is the office's only (a test
#: checks that every table of the models has been thought about).
TABLE_RULES: dict[str, TableRule] = {
    # A township sees its own group only; groups are created by the office.
    "liaison_groups": TableRule("liaison_may(id)", "liaison_may(id)"),
    # People of no group (the district's members) are read by everyone, kept by the office.
    "people": TableRule("group_id IS NULL OR liaison_may(group_id)", "liaison_may(group_id)"),
    "consultations": _BY_GROUP,
    "participants": _BY_CONSULTATION,
    "speeches": _BY_CONSULTATION,
    "outcome_items": _BY_CONSULTATION,
    "attachments": TableRule(
        f"liaison_may({_ATTACHMENT_GROUP})", f"liaison_may({_ATTACHMENT_GROUP})"
    ),
    "cases": _BY_GROUP,
    # A district-wide submission (no group) is the office's.
    "submissions": _BY_GROUP,
    # The result of a group's case in the office's submission is read by the group too.
    "submission_cases": TableRule(
        f"liaison_may({_SUBMISSION_GROUP}) OR "
        "liaison_may((SELECT k.group_id FROM cases k WHERE k.id = case_id))",
        f"liaison_may({_SUBMISSION_GROUP})",
    ),
    # Lines about a record the login sees; a new line about a record it sees, or one that no
    # longer exists (written as it is purged). Lines are never changed but by the office.
    "audit_entries": TableRule(
        "liaison_audit_visible(entity_type, entity_uuid)",
        "liaison_audit_visible(entity_type, entity_uuid) OR "
        "NOT liaison_audit_exists(entity_type, entity_uuid)",
    ),
    # Index rows of records the login sees (or of a record just purged, to remove them).
    "search_docs": TableRule(
        "liaison_search_visible(kind, record_id)",
        "liaison_search_visible(kind, record_id) OR NOT liaison_search_exists(kind, record_id)",
    ),
    # Scopes are "consultation:<group id>:<year>:<kind>", "archive:<group id>:…".
    "number_counters": TableRule("liaison_scope_may(scope)", "liaison_scope_may(scope)"),
    "settings": _READ_ALL_OFFICE_WRITES,
    "procedure_steps": _READ_ALL_OFFICE_WRITES,
    # Contents are read where one of the login's attachments refers to them; anyone may add
    # one (its name is its content, so adding reveals nothing), only unreferenced ones may be
    # removed by a township.
    "attachment_blobs": TableRule(
        f"{_OFFICE} OR EXISTS (SELECT 1 FROM attachments a WHERE a.sha256 = attachment_blobs.sha256)",
        "true",
    ),
    "alembic_version": TableRule("true", "false"),
    # A group's deletions (written as its recycle bin purges, read by its records export).
    "tombstones": TableRule(
        "liaison_may((SELECT g.id FROM liaison_groups g WHERE g.uuid = group_uuid))",
        "liaison_may((SELECT g.id FROM liaison_groups g WHERE g.uuid = group_uuid))",
    ),
    # Merging packages, and its bookkeeping, is the district office's work.
    "import_marks": TableRule(_OFFICE, _OFFICE),
    "import_log": TableRule(_OFFICE, _OFFICE),
}

#: Rules for a delete where they differ from ``write``.
_DELETE_RULES: dict[str, str] = {
    "attachment_blobs": f"{_OFFICE} OR NOT liaison_blob_used(sha256)",
    "audit_entries": _OFFICE,
}
#: Rules for the new row of an update where they differ from ``write``.
_UPDATE_RULES: dict[str, str] = {
    "attachment_blobs": _OFFICE,
    "audit_entries": _OFFICE,
}

_AUDITED_TABLES = {
    "consultation": "consultations",
    "outcome_item": "outcome_items",
    "case": "cases",
    "person": "people",
    "group": "liaison_groups",
    "attachment": "attachments",
    "submission": "submissions",
}
_SEARCH_KINDS = {1: "consultations", 2: "outcome_items", 3: "cases", 4: "people"}


def _literal(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"


def _ident(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _functions_sql() -> list[str]:
    audited = "\n".join(
        f"    WHEN {_literal(kind)} THEN EXISTS (SELECT 1 FROM {table} WHERE uuid = euuid)"
        for kind, table in _AUDITED_TABLES.items()
    )
    searched = "\n".join(
        f"    WHEN {kind} THEN EXISTS (SELECT 1 FROM {table} WHERE id = rid)"
        for kind, table in _SEARCH_KINDS.items()
    )
    # The *_exists functions run as their owner (SECURITY DEFINER), who sees every row: they
    # tell "gone" from "another group's", and say nothing else.
    definer = "SECURITY DEFINER SET search_path = public, pg_temp"
    return [
        "CREATE OR REPLACE FUNCTION liaison_is_office() RETURNS boolean LANGUAGE sql STABLE AS $$\n"
        f"  SELECT pg_has_role(current_user, {_literal(OFFICE_ROLE)}, 'MEMBER')\n$$",
        "CREATE OR REPLACE FUNCTION liaison_may(gid integer) RETURNS boolean "
        "LANGUAGE sql STABLE AS $$\n"
        "  SELECT liaison_is_office() OR EXISTS (\n"
        "    SELECT 1 FROM pg_roles r\n"
        f"    WHERE r.rolname = {_literal(GROUP_ROLE_PREFIX)} || gid\n"
        "      AND pg_has_role(current_user, r.oid, 'MEMBER'))\n$$",
        "CREATE OR REPLACE FUNCTION liaison_scope_may(scope text) RETURNS boolean "
        "LANGUAGE sql STABLE AS $$\n"
        "  SELECT CASE WHEN split_part(scope, ':', 2) ~ '^[0-9]{1,9}$'\n"
        "    THEN liaison_may(split_part(scope, ':', 2)::integer)\n"
        "    ELSE liaison_is_office() END\n$$",
        "CREATE OR REPLACE FUNCTION liaison_audit_visible(etype text, euuid text) "
        "RETURNS boolean LANGUAGE sql STABLE AS $$\n"
        "  SELECT liaison_is_office() OR CASE etype\n"
        f"{audited}\n"
        "    ELSE false END\n$$",
        "CREATE OR REPLACE FUNCTION liaison_audit_exists(etype text, euuid text) "
        f"RETURNS boolean LANGUAGE sql STABLE {definer} AS $$\n"
        "  SELECT CASE etype\n"
        f"{audited}\n"
        "    ELSE false END\n$$",
        "CREATE OR REPLACE FUNCTION liaison_search_visible(kind integer, rid integer) "
        "RETURNS boolean LANGUAGE sql STABLE AS $$\n"
        "  SELECT liaison_is_office() OR CASE kind\n"
        f"{searched}\n"
        "    ELSE false END\n$$",
        "CREATE OR REPLACE FUNCTION liaison_search_exists(kind integer, rid integer) "
        f"RETURNS boolean LANGUAGE sql STABLE {definer} AS $$\n"
        "  SELECT CASE kind\n"
        f"{searched}\n"
        "    ELSE false END\n$$",
        "CREATE OR REPLACE FUNCTION liaison_blob_used(hash text) "
        f"RETURNS boolean LANGUAGE sql STABLE {definer} AS $$\n"
        "  SELECT EXISTS (SELECT 1 FROM attachments WHERE sha256 = hash)\n$$",
    ]


def _ensure_role(name: str, login: bool) -> str:
    kind = "LOGIN" if login else "NOLOGIN"
    return (
        "DO $$ BEGIN\n"
        f"  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = {_literal(name)}) THEN\n"
        f"    CREATE ROLE {_ident(name)} {kind};\n"
        "  END IF;\nEND $$"
    )


def _policies_sql(table: str, rule: TableRule) -> list[str]:
    t = _ident(table)
    delete = _DELETE_RULES.get(table, rule.write)
    update = _UPDATE_RULES.get(table, rule.write)
    statements = [f"ALTER TABLE {t} ENABLE ROW LEVEL SECURITY"]
    for name, clause in (
        ("liaison_read", f"FOR SELECT USING ({rule.read})"),
        ("liaison_insert", f"FOR INSERT WITH CHECK ({rule.write})"),
        # A row the login sees but may not change is refused with an error (not skipped as
        # if it were not there), so the app can say so rather than report a lost race.
        ("liaison_update", f"FOR UPDATE USING ({rule.read}) WITH CHECK ({update})"),
        ("liaison_delete", f"FOR DELETE USING ({delete})"),
    ):
        statements.append(f"DROP POLICY IF EXISTS {name} ON {t}")
        statements.append(f"CREATE POLICY {name} ON {t} {clause}")
    return statements


def check_login_name(name: str) -> str:
    """A login name as PostgreSQL folds it (lower case), refused unless plain."""
    folded = name.strip().lower()
    if not _LOGIN_NAME.fullmatch(folded):
        raise StorageError(
            f"登录名「{name}」不合适：请只用英文字母、数字和下划线，以字母开头，不超过 63 个字符，"
            "例如 zhili_pc1。"
        )
    return folded


def setup_sql(
    tables: Iterable[str],
    group_ids: Iterable[int],
    office_logins: Iterable[str] = (),
    group_logins: Iterable[tuple[str, int]] = (),
) -> list[str]:
    """Every statement that sets up the roles and policies, each safe to run again: roles and
    logins are created when missing, functions replaced, policies dropped and made anew."""
    statements = [_ensure_role(role, login=False) for role in (USERS_ROLE, OFFICE_ROLE)]
    statements += [_ensure_role(group_role(gid), login=False) for gid in sorted(set(group_ids))]
    statements.append(f"GRANT {_ident(USERS_ROLE)} TO {_ident(OFFICE_ROLE)}")
    statements += [
        f"GRANT {_ident(USERS_ROLE)} TO {_ident(group_role(gid))}" for gid in sorted(set(group_ids))
    ]
    # Nobody but the owner makes objects in the schema (PostgreSQL before 15 lets everyone).
    statements.append("REVOKE CREATE ON SCHEMA public FROM PUBLIC")
    statements.append(f"GRANT USAGE ON SCHEMA public TO {_ident(USERS_ROLE)}")
    statements.append(
        f"GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO {_ident(USERS_ROLE)}"
    )
    statements.append(
        f"GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO {_ident(USERS_ROLE)}"
    )
    statements += _functions_sql()
    for table in sorted(tables):
        statements += _policies_sql(table, TABLE_RULES.get(table, TableRule(_OFFICE, _OFFICE)))
    for login in office_logins:
        statements.append(_ensure_role(login, login=True))
        statements.append(f"GRANT {_ident(OFFICE_ROLE)} TO {_ident(login)}")
    for login, gid in group_logins:
        statements.append(_ensure_role(login, login=True))
        statements.append(f"GRANT {_ident(group_role(gid))} TO {_ident(login)}")
    return statements


def schema_tables() -> list[str]:
    """The tables the policies cover: the models' and Alembic's own."""
    return [*Base.metadata.tables, "alembic_version"]


def group_ids_by_name(engine: Engine) -> dict[str, int]:
    with engine.connect() as conn:
        rows = conn.execute(select(GroupRow.name, GroupRow.id).order_by(GroupRow.id)).all()
    return {name: gid for name, gid in rows}


def apply(engine: Engine, statements: Iterable[str]) -> None:
    """Run the set-up in one transaction: all of it or nothing."""
    try:
        with engine.begin() as conn:
            for statement in statements:
                conn.execute(text(statement).execution_options(no_parameters=True))
    except DBAPIError as exc:
        if refused_error(exc) is not None:
            raise StorageError(
                "没有权限设置账号和访问规则：请用建立数据库表的管理员账号（数据表的所有者，"
                "且能创建角色）运行 liaison-desk server-setup。什么都没有改动。"
            ) from exc
        raise
