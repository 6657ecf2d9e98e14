#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The role table of docs/roles.md, run: every command of motcua-cli as a clerk, a leader and an administrator,
each on its own copy of the same workstation. What a role may do succeeds; what it may not is refused with exit 1
and writes nothing: the database is byte-identical after a checkpoint and the backups folder unchanged.

    test-roles.py MOTCUA-CLI

Prints TAP.
"""

import hashlib
import json
import os
import re
import shutil
import sqlite3
import sys
import tempfile

from clirun import run_cli
from tap import Tap

ADMIN = {"MOTCUA_USER": "ha.lt", "MOTCUA_PIN": "1357"}
ROLES = {
    "clerk": {"MOTCUA_USER": "binh.tv", "MOTCUA_PIN": "2468"},
    "leader": {"MOTCUA_USER": "an.nv", "MOTCUA_PIN": "9753"},
    "administrator": ADMIN,
}
ALL = {"clerk", "leader", "administrator"}
LEAD = {"leader", "administrator"}
ADM = {"administrator"}
NONE = set()

# A PNG of one pixel, to attach.
PNG = bytes.fromhex("89504e470d0a1a0a0000000d4948445200000001000000010806000000"
                    "1f15c4890000000d4944415478da63f8cfc0f01f0005000201a5d6e0f20000000049454e44ae426082")


def checkpointed_digest(db):
    """The database file's digest once its write-ahead log is folded in (what a refused command must not move)."""
    with sqlite3.connect(db) as connection:
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    connection.close()
    with open(db, "rb") as f:
        return hashlib.sha256(f.read()).hexdigest()


def folder_state(path):
    """Every file under PATH with its digest."""
    state = {}
    for root, _, files in os.walk(path):
        for name in files:
            full = os.path.join(root, name)
            with open(full, "rb") as f:
                state[os.path.relpath(full, path)] = hashlib.sha256(f.read()).hexdigest()
    return state


def main(cli):
    tap = Tap()
    base = tempfile.mkdtemp(prefix="motcua-roles-")
    db = os.path.join(base, "motcua.db")

    def run(*args, where=base, **env):
        return run_cli(cli, ["--db", os.path.join(where, "motcua.db")] + list(args), XDG_DATA_HOME=where, **env)

    def code_of(out):
        return json.loads(out)["code"]

    rc, out, err = run("init", "--office-code", "000.00.12.H40", "--office-name", "UBND xã Tân Lập", "--station", "1")
    tap.ok(rc == 0, "an office is set up", err)
    rc, out, err = run("account", "add", "ha.lt", "--name", "Lê Thu Hà", "--role", "administrator",
                       MOTCUA_NEW_PIN="1357")
    tap.ok(rc == 0, "an administrator is added", err)
    for user, name, role, pin in (("binh.tv", "Trần Văn Bình", "clerk", "2468"),
                                  ("an.nv", "Nguyễn Văn An", "leader", "9753"),
                                  ("cuong.pv", "Phạm Văn Cường", "clerk", "1111")):
        rc, out, err = run("account", "add", user, "--name", name, "--role", role, MOTCUA_NEW_PIN=pin, **ADMIN)
        tap.ok(rc == 0, f"a {role} is added", err)
    rc, out, err = run("passphrase", MOTCUA_SYNC_PASSPHRASE="mật khẩu đồng bộ dài", **ADMIN)
    tap.ok(rc == 0, "the office's sync passphrase is set", err)

    dossiers = {}
    for key in ("received", "supplement", "ready", "returned"):
        rc, out, err = run("--json", "intake", "--procedure", "1.004873", "--name", "Nguyễn Thị Mai",
                           "--phone", "0912345678", **ADMIN)
        tap.ok(rc == 0, f"a dossier is received ({key})", err)
        dossiers[key] = code_of(out) if rc == 0 else "X"
    steps = [("request-supplement", dossiers["supplement"], "--reason", "Thiếu bản sao"),
             ("result-ready", dossiers["ready"]),
             ("result-ready", dossiers["returned"]),
             ("return", dossiers["returned"])]
    for step in steps:
        rc, out, err = run(*step, **ADMIN)
        tap.ok(rc == 0, f"{step[0]} {step[1]}", err)
    picture = os.path.join(base, "giay-to.png")
    with open(picture, "wb") as f:
        f.write(PNG)
    rc, out, err = run("attach", dossiers["received"], picture, "--component", "Căn cước", **ADMIN)
    tap.ok(rc == 0, "a document is attached", err)
    rc, out, err = run("--json", "feedback", "add", "--content", "Góp ý", **ADMIN)
    tap.ok(rc == 0, "a feedback entry is recorded", err)
    feedback_id = str(json.loads(out).get("id", 1)) if rc == 0 else "1"
    rc, out, err = run("backup", **ADMIN)
    tap.ok(rc == 0, "a first backup is made", err)
    backups = os.path.join(base, "backups")
    copies = sorted(name for name in os.listdir(backups) if os.path.isfile(os.path.join(backups, name)))
    backup_file = os.path.join(backups, copies[0]) if copies else "none"
    bundle = os.path.join(base, "bundle.motcua")
    rc, out, err = run("export", "-o", bundle, "--full", **ADMIN)
    tap.ok(rc == 0, "a bundle is written", err)
    checkpointed_digest(db)

    d = dossiers
    out_dir = "{out}"
    # (arguments, the roles that may, whether success is expected of them: False where it fails for another reason)
    table = [
        (("init", "--office-code", "000.00.12.H41", "--office-name", "X", "--station", "2"), NONE, True),
        (("office", "show"), ALL, True),
        (("office", "set", "signer_name", "Lạ"), ADM, True),
        (("procedures",), ALL, True),
        (("backup",), ALL, True),
        (("backup", "--dir", "{base}/backups"), ALL, True),
        (("backup", "--dir", "{out}/elsewhere"), ADM, True),
        (("backup", "--keep", "1"), ADM, True),
        (("restore", backup_file), ADM, True),
        (("station", "show"), ALL, True),
        (("station", "renumber", "7"), ADM, True),
        (("account", "list"), ALL, True),
        (("account", "add", "moi.nv", "--name", "Mới", "--role", "clerk"), ADM, True),
        (("account", "pin", "cuong.pv"), ADM, True),
        (("account", "disable", "cuong.pv"), ADM, True),
        (("account", "enable", "cuong.pv"), ADM, True),
        (("audit",), ADM, True),
        (("remove-personal-data", "--years", "5", "--dry-run"), ALL, True),
        (("remove-personal-data", "--years", "5"), ADM, True),
        (("check",), ALL, True),
        (("lunar", "2026-02-17"), ALL, True),
        (("holidays", "2026"), ALL, True),
        (("due", "--received", "2026-03-02T08:00", "--days", "3"), ALL, True),
        (("intake", "--procedure", "1.004873", "--name", "Lê Văn Tư"), ALL, True),
        (("show", d["received"]), ALL, True),
        (("list",), ALL, True),
        (("search", "Mai"), ALL, True),
        (("request-supplement", d["received"], "--reason", "Thiếu"), ALL, True),
        (("complete-supplement", d["supplement"]), ALL, True),
        (("refuse", d["received"], "--reason", "Không đủ điều kiện"), ALL, True),
        (("stop", d["received"], "--reason", "Công dân rút"), ALL, True),
        (("result-ready", d["received"]), ALL, True),
        (("return", d["ready"]), ALL, True),
        (("attach", d["received"], picture, "--component", "Đơn"), ALL, True),
        (("scan", d["received"], "--component", "Đơn", "--device", "no-such-device"), ALL, False),
        (("scanners",), ALL, False),
        (("documents", d["received"]), ALL, True),
        (("documents", d["received"], "--save", "1", "-o", "{out}/saved.png"), ALL, True),
        (("post-list", "-o", "{out}/post.pdf"), ALL, True),
        (("post", d["ready"], "--tracking", "EB123456789VN"), ALL, False),
        (("feedback", "add", "--content", "Ý kiến"), ALL, True),
        (("feedback", "answer", feedback_id, "--answer", "Đã trả lời"), ALL, True),
        (("feedback", "list"), ALL, True),
        (("correct", d["received"], "--field", "phone", "--value", "0987654321", "--reason", "Gõ nhầm"), ALL, True),
        (("rate", d["returned"], "--rating", "satisfied"), ALL, False),
        (("overdue",), ALL, True),
        (("stats", "--from", "2020-01-01", "--to", "2030-12-31"), ALL, True),
        (("register", "--from", "2020-01-01", "--to", "2030-12-31", "-o", "{out}/so.csv"), ALL, True),
        (("late-list", "--from", "2020-01-01", "--to", "2030-12-31", "-o", "{out}/tre.csv"), ALL, True),
        (("apology", d["received"], "--reason", "Chậm", "--new-due", "2030-01-10T08:00", "-o", "{out}/xl.pdf"),
         LEAD, True),
        (("posting-sheets", "-o", "{out}/niem-yet.pdf"), ALL, True),
        (("posting-sheets", "-o", "{out}/niem-yet.pdf", "--url-template", "https://x.invalid/{code}"), ADM, True),
        (("passphrase",), ADM, True),
        (("office-key", "000.00.12.H41"), ADM, True),
        (("export", "-o", "{out}/b.motcua"), ALL, True),
        (("import", bundle), ALL, True),
        (("declaration", d["received"], "--fields"), ALL, False),
        (("slip", d["received"], "-o", "{out}/slip.pdf"), ALL, True),
        (("form", "control", d["received"], "-o", "{out}/control.pdf"), ALL, True),
        (("fee", d["received"], "--amount", "10000", "--receipt", "BL-0001"), ALL, True),
        (("fees", "--from", "2020-01-01", "--to", "2030-12-31"), ALL, True),
        (("handover", d["received"], "--to", "Công chức Tư pháp - Hộ tịch", "--at", "2030-01-02T08:00"), ALL, True),
        (("steps", d["received"]), ALL, True),
        (("transfer", d["received"], "--to", "UBND xã Tân Hòa", "--reason", "Nơi cư trú"), ALL, True),
        # Only a transferred dossier has a slip: the received one is refused for that, never for the role.
        (("transfer-slip", d["received"], "-o", "{out}/chuyen.pdf"), ALL, False),
        (("office", "steps", "1.004873"), ALL, True),
        (("office", "steps", "1.004873", '[{"unit": "Bộ phận Một cửa", "role": "desk", "hours": 4}]'), ADM, True),
        (("sync", "--dir", "{out}/folder"), ALL, False),
    ]

    # The table covers every command the program lists.
    rc, help_text, err = run_cli(cli, ["--help"])
    listed = set(re.findall(r"^  ([a-z][a-z-]*)", help_text, re.M))
    covered = {args[0] for args, _, _ in table}
    tap.ok(listed and listed <= covered, "every command of --help has its row in the role table",
           f"missing: {sorted(listed - covered)}")

    for args, allowed, must_succeed in table:
        for role, env in ROLES.items():
            case = tempfile.mkdtemp(prefix="case-", dir=base)
            where = os.path.join(case, "station")
            out = os.path.join(case, "out")
            os.makedirs(out)
            shutil.copytree(base, where, ignore=shutil.ignore_patterns("case-*"))
            case_db = os.path.join(where, "motcua.db")
            before_db = checkpointed_digest(case_db)
            before_backups = folder_state(os.path.join(where, "backups"))
            filled = [a.replace(base + "/", where + "/").replace("{out}", out).replace("{base}", where)
                      for a in args]
            extra = {"MOTCUA_SYNC_PASSPHRASE": "mật khẩu đồng bộ dài", "MOTCUA_NEW_PIN": "8642"}
            rc, stdout, stderr = run(*filled, where=where, **env, **extra)
            what = f"{' '.join(args[:2])} as {role}"
            if role in allowed:
                if must_succeed:
                    tap.ok(rc == 0, f"{what}: allowed", stderr)
                else:
                    tap.ok(rc in (0, 1) and "administrator" not in stderr.lower(), f"{what}: not refused for the role",
                           stderr)
            else:
                tap.ok(rc == 1 and checkpointed_digest(case_db) == before_db
                       and folder_state(os.path.join(where, "backups")) == before_backups
                       and not os.listdir(out),
                       f"{what}: refused, nothing written", f"exit {rc}: {stderr}")
            shutil.rmtree(case, ignore_errors=True)

    shutil.rmtree(base, ignore_errors=True)
    tap.done()


if __name__ == "__main__":
    main(sys.argv[1])
