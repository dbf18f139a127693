"""liaison-desk migrate-to / server-setup: a district's database on a shared PostgreSQL server."""

from __future__ import annotations

import argparse

from liaison_desk.cli.common import EXIT_OK, Progress, UserError, open_database, store_for, url_of
from liaison_desk.storage.database import Database, shown_url
from liaison_desk.storage.location import sqlite_path


def cmd_migrate_to(args: argparse.Namespace) -> int:
    from liaison_desk.storage.server_copy import copy_to_server

    url = url_of(args)
    if sqlite_path(url) is None:
        raise UserError("请用 --db 指定要搬到服务器上的数据库文件（不是服务器地址）。")
    source = open_database(url, create=False)
    try:
        progress = Progress("正在复制到服务器")
        report = copy_to_server(source, store_for(url, source), args.target, progress)
        progress.finish()
    finally:
        source.close()
    print(f"已把「{sqlite_path(url)}」复制到服务器「{shown_url(args.target)}」，核对一致：")
    for table, rows in report.rows.items():
        print(f"  {table}：{rows} 行（校验值 {report.checksums[table][:16]}…）")
    print(f"  附件：{report.files} 个，{report.file_bytes / 1024 / 1024:.1f} MB，SHA-256 全部一致")
    print("原来的数据库文件没有改动。各台电脑请改用服务器地址打开（--db 服务器地址）。")
    return EXIT_OK


def cmd_server_setup(args: argparse.Namespace) -> int:
    from liaison_desk.storage import server_security as security

    url = url_of(args)
    if sqlite_path(url) is not None:
        raise UserError(
            "server-setup 只用于 PostgreSQL 服务器：请用 --db 写服务器地址，如 "
            "postgresql+psycopg://管理员账号@服务器/数据库名。"
        )
    office = [security.check_login_name(name) for name in args.office_login]
    pairs: list[tuple[str, str]] = []
    for item in args.group_login:
        group, sep, login = item.rpartition("=")
        if not sep or not group.strip():
            raise UserError(
                f"「{item}」的写法不对：请写成 联络组名称=登录名，如 织里镇联络组=zhili_pc1。"
            )
        pairs.append((group.strip(), security.check_login_name(login)))
    # The group ids come from the database, also for --print-sql (nothing is run then).
    db = Database.open(url, create=False)
    try:
        groups = security.group_ids_by_name(db.engine)
        unknown = [name for name, _ in pairs if name not in groups]
        if unknown:
            known = "、".join(groups) or "（数据库里还没有联络组）"
            raise UserError(
                f"数据库里没有联络组「{'、'.join(unknown)}」。请写联络组的全称，现有的联络组：{known}"
            )
        database = security.current_database(db.engine)
        roles = security.RoleNames(_role_prefix(args, database, security.stored_prefix(db.engine)))
        statements = security.setup_sql(
            security.schema_tables(),
            groups.values(),
            office,
            [(login, groups[name]) for name, login in pairs],
            database=database,
            roles=roles,
        )
        if args.print_sql:
            for statement in statements:
                print(f"{statement};")
            return EXIT_OK
        clashes = security.role_clashes(db.engine, roles, groups.values(), database)
        if clashes:
            raise UserError(_clash_message(clashes, database))
        security.apply(db.engine, statements)
    finally:
        db.close()
    print(
        f"已在「{shown_url(url)}」上建立访问规则：{len(groups)} 个联络组各一个角色"
        f"（{roles.group_prefix}编号），办公室一个角色（{roles.office}）。"
    )
    for login in office:
        print(f"  {login}：区政协办公室，查看和修改全部记录")
    for name, login in pairs:
        print(f"  {login}：{name}，只能查看和修改本组记录")
    if office or pairs:
        print("新建的登录账号还没有密码：请在服务器上用 psql 执行 \\password 登录名 为它设置密码。")
    return EXIT_OK


def _role_prefix(args: argparse.Namespace, database: str, stored: str | None) -> str:
    """The prefix of this database's roles: the one given, else the one an earlier set-up
    chose, else the database's name. Roles are the server's, so each database needs its own."""
    from liaison_desk.storage import server_security as security

    if args.role_prefix:
        chosen = security.check_role_prefix(args.role_prefix)
        if stored is not None and chosen != stored:
            raise UserError(
                f"数据库「{database}」的角色已经用前缀「{stored}」建立过了，不能改成「{chosen}」。"
                f"请不写 --role-prefix（或写 --role-prefix {stored.rstrip('_')}）重新运行。"
            )
        return chosen
    if stored is not None:
        return stored
    derived = security.default_prefix(database)
    if derived is None:
        raise UserError(
            f"数据库名「{database}」不能直接用作角色名的前缀（角色是整个服务器共用的，"
            "每个数据库的角色要有自己的前缀）。请加上 --role-prefix 前缀，只用英文字母、数字和下划线，"
            "如 --role-prefix wuxing。"
        )
    return derived


def _clash_message(clashes: dict[str, str], database: str) -> str:
    owners = "；".join(
        f"{role}（属于数据库「{owner}」）"
        if owner
        else f"{role}（不是 server-setup 为本数据库建立的）"
        for role, owner in sorted(clashes.items())
    )
    return (
        f"服务器上已有同名的角色：{owners}。角色是整个服务器共用的，两个数据库不能合用同一个角色。"
        f"请用 --role-prefix 为数据库「{database}」的角色另取一个前缀（如 --role-prefix wuxing），"
        "什么都没有改动。"
    )
