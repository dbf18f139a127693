"""Who may change what on a shared PostgreSQL server, enforced by the server itself.

When townships work directly on the district's server, a township's login may read and write
only its own group's records, while the district office's logins see and report every group.
The app alone cannot promise that (any PostgreSQL client reaches the same tables), so the
server enforces it with roles and row-level security:

- ``<prefix>office``: the district office; sees and changes everything;
- ``<prefix>group_<id>``: one role per liaison group; a township's login is a member of its
  group's role;
- ``<prefix>users``: holds the table privileges; the office and group roles are its members;
- roles are the server's, not one database's: the prefix (by default the database's name and
  an underscore) keeps two districts' databases on one server apart, and each role carries a
  comment naming its database, so a second database is refused a role that is another's;
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

from sqlalchemy import Connection, Engine, select, text
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from liaison_desk.storage.errors import StorageError
from liaison_desk.storage.models import Base, GroupRow

#: SQLSTATE of insufficient_privilege: a write row-level security refuses, or a table the
#: login has no right to.
INSUFFICIENT_PRIVILEGE = "42501"

_LOGIN_NAME = re.compile(r"[a-z_][a-z0-9_]{0,62}")
# Short enough that "<prefix>group_<id>" stays within PostgreSQL's 63 characters.
_PREFIX = re.compile(r"[a-z_][a-z0-9_]{0,39}")
#: SQLSTATE of duplicate_object: a role of that name belongs to another database.
DUPLICATE_OBJECT = "42710"

#: The tables whose rows have an integer ``id`` a service looks records up by: a row of one of
#: them the login cannot see is asked about (``liaison_row_exists``) to tell "another group's"
#: from "gone".
RECORD_TABLES = (
    "attachments",
    "cases",
    "consultations",
    "liaison_groups",
    "outcome_items",
    "participants",
    "people",
    "speeches",
    "submission_cases",
    "submissions",
)


class WriteRefusedError(StorageError):
    """The server refused a read or write this login has no right to."""


@dataclass(frozen=True)
class RoleNames:
    """The roles of one database: its own prefix, as roles are shared by the whole server."""

    prefix: str

    @property
    def users(self) -> str:
        return f"{self.prefix}users"

    @property
    def office(self) -> str:
        return f"{self.prefix}office"

    @property
    def group_prefix(self) -> str:
        return f"{self.prefix}group_"

    def group(self, group_id: int) -> str:
        return f"{self.group_prefix}{group_id}"


def default_prefix(database: str) -> str | None:
    """The roles' prefix for a database: its name and an underscore, when the name is plain
    (lower-case letters, digits, underscores); None when the administrator must choose one."""
    return f"{database}_" if _PREFIX.fullmatch(database) else None


def check_role_prefix(prefix: str) -> str:
    folded = prefix.strip().lower().rstrip("_")
    if not _PREFIX.fullmatch(folded):
        raise StorageError(
            f"角色前缀「{prefix}」不合适：请只用英文字母、数字和下划线，以字母开头，不超过 40 个字符，"
            "例如 wuxing。"
        )
    return f"{folded}_"


def role_marker(database: str) -> str:
    """The comment each role of a database carries (role comments are the server's, visible
    from every database): whose role it is."""
    return f"liaison-desk: {database}"


@dataclass(frozen=True)
class LoginScope:
    """What a login that row-level security restricts may write: its groups (id, name). A
    login that is not restricted (the office, the tables' owner, SQLite) has no scope."""

    groups: tuple[tuple[int, str], ...]

    @property
    def group_ids(self) -> frozenset[int]:
        return frozenset(gid for gid, _ in self.groups)

    def hidden_value(self, label: str, label_en: str, value: str) -> WriteRefusedError:
        """The message for a unique value (a 编号) held by a record this login cannot see."""
        names = "、".join(name for _, name in self.groups) or "不属于任何联络组"
        return WriteRefusedError(
            f"服务器拒绝了这次保存：{label}「{value}」已是另一条记录的{label}，那条记录属于别的"
            f"联络组，本账号（{names}）看不到它。这次没有保存，什么都没有改动。"
            "请把编号留空，保存时会自动编号（或改用本联络组的编号）；"
            "如确需使用这个编号，请区政协办公室核对。",
            english=f"The server refused this save: the {label_en} “{value}” belongs to another "
            "record, of another liaison group, which this login cannot see. Nothing was saved. "
            "Leave the number blank to have one given on saving (or use one of your own "
            "group's numbers); if this number is needed, ask the district office to check.",
        )

    def refused(self) -> WriteRefusedError:
        """The message for a write the server refused, naming the login's own group."""
        names = "、".join(name for _, name in self.groups)
        names_en = ", ".join(name for _, name in self.groups)
        if names:
            who, who_en = f"本账号（{names}）只能修改本联络组的记录", f"this login ({names_en})"
        else:
            who, who_en = "本账号不属于任何联络组，只能查看", "this login (of no group)"
        return WriteRefusedError(
            f"服务器拒绝了这次修改：{who}，这条记录属于别的联络组或由区政协办公室管理。"
            "这次没有保存，什么都没有改动。请用区政协办公室的账号修改，或请办公室修改。",
            english=f"The server refused this change: {who_en} may change only its own liaison "
            "group's records, and this record belongs to another group or is kept by the "
            "district office. Nothing was saved. Use a district office login, or ask the office "
            "to make the change.",
        )


#: What a unique column's value is called, for the message of a value a hidden row holds.
_UNIQUE_LABELS = {
    "number": ("编号", "number"),
    "archive_number": ("档号", "archive number"),
    "name": ("名称", "name"),
    "uuid": ("识别码（同一条记录）", "identifier (the same record)"),
}


def hidden_unique_value(
    engine: Engine, exc: BaseException, scope: LoginScope
) -> WriteRefusedError | None:
    """For a unique violation of a login held to its groups: the message when the value is
    held by a row the login cannot see (another group's record), or None when it can see the
    holder (another writer got there first: the caller's usual message). The server leaves the
    value out of its error under row-level security, so it is read from the statement's
    parameters, and the column from the constraint's index."""
    orig = getattr(exc, "orig", exc)
    diag = getattr(orig, "diag", None)
    table = getattr(diag, "table_name", None)
    constraint = getattr(diag, "constraint_name", None)
    if not table or not constraint or table not in Base.metadata.tables:
        return None
    params = getattr(exc, "params", None)
    batches = [params] if isinstance(params, dict) else list(params or [])
    with engine.connect() as conn:
        columns = (
            conn.execute(
                text(
                    "SELECT a.attname FROM pg_index i "
                    "JOIN pg_class c ON c.oid = i.indexrelid "
                    "JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY(i.indkey) "
                    "WHERE c.relname = :name"
                ),
                {"name": constraint},
            )
            .scalars()
            .all()
        )
        if len(columns) != 1:
            return None
        column = str(columns[0])
        values = [b[column] for b in batches if isinstance(b, dict) and b.get(column)]
        for value in values:
            seen = conn.execute(
                text(f"SELECT 1 FROM {_ident(table)} WHERE {_ident(column)} = :v"), {"v": value}
            ).first()
            if seen is None:
                label, label_en = _UNIQUE_LABELS.get(column, ("不能重复的内容", "unique value"))
                return scope.hidden_value(label, label_en, str(value))
    return None


def refused_error(exc: BaseException, scope: LoginScope | None = None) -> WriteRefusedError | None:
    """The clear message for a statement the server refused for want of rights, or None when
    ``exc`` is another error. With the login's ``scope``, the message names its group."""
    orig = getattr(exc, "orig", exc)
    if getattr(orig, "sqlstate", None) != INSUFFICIENT_PRIVILEGE:
        return None
    if scope is not None:
        return scope.refused()
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


def _functions_sql(roles: RoleNames) -> list[str]:
    audited = "\n".join(
        f"    WHEN {_literal(kind)} THEN EXISTS (SELECT 1 FROM {table} WHERE uuid = euuid)"
        for kind, table in _AUDITED_TABLES.items()
    )
    searched = "\n".join(
        f"    WHEN {kind} THEN EXISTS (SELECT 1 FROM {table} WHERE id = rid)"
        for kind, table in _SEARCH_KINDS.items()
    )
    rows = "\n".join(
        f"    WHEN {_literal(table)} THEN EXISTS (SELECT 1 FROM {table} WHERE id = rid)"
        for table in RECORD_TABLES
    )
    # The *_exists functions run as their owner (SECURITY DEFINER), who sees every row: they
    # tell "gone" from "another group's", and say nothing else.
    definer = "SECURITY DEFINER SET search_path = public, pg_temp"
    return [
        "CREATE OR REPLACE FUNCTION liaison_is_office() RETURNS boolean LANGUAGE sql STABLE AS $$\n"
        f"  SELECT pg_has_role(current_user, {_literal(roles.office)}, 'MEMBER')\n$$",
        "CREATE OR REPLACE FUNCTION liaison_may(gid integer) RETURNS boolean "
        "LANGUAGE sql STABLE AS $$\n"
        "  SELECT liaison_is_office() OR EXISTS (\n"
        "    SELECT 1 FROM pg_roles r\n"
        f"    WHERE r.rolname = {_literal(roles.group_prefix)} || gid\n"
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
        # The app asks these: whether this login is held to its groups (not the office, not
        # the tables' owner, nor a superuser), and whether a row it cannot see exists (so a
        # write to another group's record is told apart from one to a record gone).
        "CREATE OR REPLACE FUNCTION liaison_restricted() RETURNS boolean "
        "LANGUAGE sql STABLE AS $$\n"
        "  SELECT NOT (liaison_is_office()\n"
        "    OR EXISTS (SELECT 1 FROM pg_roles r WHERE r.rolname = current_user\n"
        "               AND (r.rolsuper OR r.rolbypassrls))\n"
        "    OR pg_has_role(current_user, (SELECT c.relowner FROM pg_class c\n"
        "                   WHERE c.oid = 'public.consultations'::regclass), 'USAGE'))\n$$",
        "CREATE OR REPLACE FUNCTION liaison_row_exists(tbl text, rid integer) "
        f"RETURNS boolean LANGUAGE sql STABLE {definer} AS $$\n"
        "  SELECT CASE tbl\n"
        f"{rows}\n"
        "    ELSE false END\n$$",
        # Which prefix this database's roles have, so that running server-setup again finds
        # them.
        "CREATE OR REPLACE FUNCTION liaison_role_prefix() RETURNS text LANGUAGE sql IMMUTABLE "
        f"AS $$ SELECT {_literal(roles.prefix)}::text $$",
    ]


def _ensure_role(name: str, login: bool) -> str:
    kind = "LOGIN" if login else "NOLOGIN"
    return (
        "DO $$ BEGIN\n"
        f"  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = {_literal(name)}) THEN\n"
        f"    CREATE ROLE {_ident(name)} {kind};\n"
        "  END IF;\nEND $$"
    )


def _ensure_database_role(name: str, database: str) -> str:
    """Create the role, marked as this database's; refuse (duplicate_object) a role of that
    name that is not marked so: another database's, or made by hand."""
    marker = _literal(role_marker(database))
    return (
        "DO $$ BEGIN\n"
        f"  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = {_literal(name)}) THEN\n"
        f"    CREATE ROLE {_ident(name)} NOLOGIN;\n"
        f"    COMMENT ON ROLE {_ident(name)} IS {marker};\n"
        "  ELSIF shobj_description((SELECT oid FROM pg_roles WHERE rolname = "
        f"{_literal(name)}), 'pg_authid') IS DISTINCT FROM {marker} THEN\n"
        "    RAISE EXCEPTION USING ERRCODE = 'duplicate_object', MESSAGE = "
        f"{_literal(f'role {name} belongs to another database than {database}')};\n"
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
    *,
    database: str,
    roles: RoleNames,
) -> list[str]:
    """Every statement that sets up the roles and policies, each safe to run again: roles and
    logins are created when missing, functions replaced, policies dropped and made anew. The
    roles are ``roles``' (named for ``database``) and marked as ``database``'s."""
    gids = sorted(set(group_ids))
    users = _ident(roles.users)
    statements = [
        _ensure_database_role(role, database)
        for role in (roles.users, roles.office, *map(roles.group, gids))
    ]
    statements.append(f"GRANT {users} TO {_ident(roles.office)}")
    statements += [f"GRANT {users} TO {_ident(roles.group(gid))}" for gid in gids]
    # Nobody but the owner makes objects in the schema (PostgreSQL before 15 lets everyone).
    statements.append("REVOKE CREATE ON SCHEMA public FROM PUBLIC")
    statements.append(f"GRANT USAGE ON SCHEMA public TO {users}")
    statements.append(
        f"GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO {users}"
    )
    statements.append(f"GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO {users}")
    statements += _functions_sql(roles)
    for table in sorted(tables):
        statements += _policies_sql(table, TABLE_RULES.get(table, TableRule(_OFFICE, _OFFICE)))
    for login in office_logins:
        statements.append(_ensure_role(login, login=True))
        statements.append(f"GRANT {_ident(roles.office)} TO {_ident(login)}")
    for login, gid in group_logins:
        statements.append(_ensure_role(login, login=True))
        statements.append(f"GRANT {_ident(roles.group(gid))} TO {_ident(login)}")
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
        if getattr(exc.orig, "sqlstate", None) == DUPLICATE_OBJECT:
            raise StorageError(
                "服务器上已有同名的角色，它属于另一个数据库（或不是 server-setup 建立的）："
                "角色是整个服务器共用的。请用 --role-prefix 为这个数据库的角色换一个前缀后重试。"
                "什么都没有改动。"
            ) from exc
        if refused_error(exc) is not None:
            raise StorageError(
                "没有权限设置账号和访问规则：请用建立数据库表的管理员账号（数据表的所有者，"
                "且能创建角色）运行 liaison-desk server-setup。什么都没有改动。"
            ) from exc
        raise


def current_database(engine: Engine) -> str:
    with engine.connect() as conn:
        return str(conn.execute(text("SELECT current_database()")).scalar_one())


def stored_prefix(engine: Engine) -> str | None:
    """The prefix an earlier server-setup gave this database's roles, or None."""
    with engine.connect() as conn:
        if conn.execute(text("SELECT to_regprocedure('liaison_role_prefix()')")).scalar() is None:
            return None
        return str(conn.execute(text("SELECT liaison_role_prefix()")).scalar_one())


def role_clashes(
    engine: Engine, roles: RoleNames, group_ids: Iterable[int], database: str
) -> dict[str, str]:
    """Roles of these names that exist on the server but are not this database's: name → the
    database they belong to ("" when made otherwise, e.g. by hand)."""
    names = [roles.users, roles.office, *(roles.group(gid) for gid in group_ids)]
    query = text(
        "SELECT rolname, shobj_description(oid, 'pg_authid') FROM pg_roles "
        "WHERE rolname = ANY(:names)"
    )
    with engine.connect() as conn:
        found = conn.execute(query, {"names": names}).all()
    marker = role_marker(database)
    head = role_marker("")
    return {
        name: (note[len(head) :] if note and note.startswith(head) else "")
        for name, note in found
        if note != marker
    }


def login_scope(conn: Connection) -> LoginScope | None:
    """The groups a login that row-level security holds to them may write, or None for a
    login it does not (the office, the tables' owner) or a database without server-setup."""
    if conn.execute(text("SELECT to_regprocedure('liaison_restricted()')")).scalar() is None:
        return None
    if not conn.execute(text("SELECT liaison_restricted()")).scalar():
        return None
    # The login sees exactly the groups it may write (their rows' rule is liaison_may(id)).
    rows = conn.execute(
        text("SELECT id, name FROM liaison_groups WHERE liaison_may(id) ORDER BY id")
    ).all()
    return LoginScope(tuple((int(gid), str(name)) for gid, name in rows))


def row_exists(conn: Connection | Session, table: str, row_id: int) -> bool:
    """Whether a row the login cannot see exists all the same (another group's record)."""
    if table not in RECORD_TABLES:
        return False
    query = text("SELECT liaison_row_exists(:t, :i)")
    return bool(conn.execute(query, {"t": table, "i": row_id}).scalar())
