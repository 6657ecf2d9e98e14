#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""What motcua-cli promises against a careless or hostile hand, from outside as real processes:
a refused import writes nothing at all, not even the stored key (docs/sync-format.md), and every file written
with personal data is private whatever the umask (docs/architecture.md, "Private files").

    test-integrity.py MOTCUA-CLI (fast-hash | default)

The second argument says how the program was configured (-Dtest_fast_pin_hash): only a test build honours
MOTCUA_PWHASH_FAST.

Prints TAP.
"""

import hashlib
import json
import os
import shutil
import sqlite3
import stat
import subprocess
import sys
import tempfile

from clirun import clean_env, run_cli
from tap import Tap

PASSPHRASE = "Tân Lập một cửa 2026"
PNG = bytes.fromhex("89504e470d0a1a0a0000000d4948445200000001000000010806000000"
                    "1f15c4890000000d4944415478da63f8cfc0f01f0005000201a5d6e0f20000000049454e44ae426082")


def checkpointed_digest(db):
    """The database file's digest once its write-ahead log is folded in."""
    connection = sqlite3.connect(db)
    connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    connection.close()
    with open(db, "rb") as f:
        return hashlib.sha256(f.read()).hexdigest()


def key_row(db):
    connection = sqlite3.connect(db)
    row = connection.execute("SELECT rowid, value FROM local WHERE key = 'sync_key'").fetchone()
    connection.close()
    return row


def refused_imports(tap, cli, work):
    a = os.path.join(work, "a.db")
    b = os.path.join(work, "b.db")
    c = os.path.join(work, "c.db")

    def run(db, *args, **env):
        return run_cli(cli, ["--db", db] + list(args), XDG_DATA_HOME=work, **env)

    for db, station in ((a, "1"), (b, "2"), (c, "3")):
        rc, out, err = run(db, "init", "--office-code", "000.00.12.H40", "--office-name", "UBND xã Tân Lập",
                           "--station", station)
        tap.ok(rc == 0, f"station {station} is set up", err)
    for db in (a, b):
        rc, out, err = run(db, "passphrase", MOTCUA_SYNC_PASSPHRASE=PASSPHRASE)
        tap.ok(rc == 0, "the passphrase is set", err)
    rc, out, err = run(a, "intake", "--procedure", "1.004873", "--name", "Nguyễn Thị Mai")
    tap.ok(rc == 0, "a dossier is received", err)
    bundle = os.path.join(work, "a.motcua")
    rc, out, err = run(a, "export", "-o", bundle)
    tap.ok(rc == 0, "a bundle is written", err)
    damaged = os.path.join(work, "damaged.motcua")
    with open(bundle, "rb") as f:
        data = bytearray(f.read())
    data[len(data) // 2] ^= 0x40
    with open(damaged, "wb") as f:
        f.write(data)

    # A station holding the key: a refused import, with the passphrase given again or a wrong one, moves nothing.
    for passphrase, what in ((PASSPHRASE, "the same passphrase"), ("not the passphrase at all", "a wrong one")):
        for path, which in ((damaged, "a damaged bundle"), (bundle, "a bundle")):
            if path == bundle and passphrase == PASSPHRASE:
                continue
            before = checkpointed_digest(b)
            row = key_row(b)
            rc, out, err = run(b, "import", path, MOTCUA_SYNC_PASSPHRASE=passphrase)
            tap.ok(rc == 1 and checkpointed_digest(b) == before and key_row(b) == row,
                   f"{which} refused with {what} given: the database byte-identical, the key row untouched",
                   f"exit {rc}: {err}")

    # A station holding no key: a wrong passphrase is not kept; the right one is, once the import succeeded.
    before = checkpointed_digest(c)
    rc, out, err = run(c, "import", bundle, MOTCUA_SYNC_PASSPHRASE="not the passphrase at all")
    tap.ok(rc == 1 and checkpointed_digest(c) == before and key_row(c) is None,
           "no key yet, a wrong passphrase: refused, no key kept, the database byte-identical", f"exit {rc}: {err}")
    rc, out, err = run(c, "import", bundle, MOTCUA_SYNC_PASSPHRASE=PASSPHRASE)
    tap.ok(rc == 0 and key_row(c) is not None, "no key yet, the right passphrase: imported and the key kept", err)
    rc, out, err = run(c, "export", "-o", os.path.join(work, "c.motcua"))
    tap.ok(rc == 0, "then the station exports with the key it kept", err)


def private_files(tap, cli, work):
    """Under umask 000, every file written with personal data is 0600 and its folders 0700 (or tighter)."""
    home = os.path.join(work, "modes")
    os.makedirs(home)
    db = os.path.join(home, "data", "motcua.db")
    out = os.path.join(home, "out")
    os.makedirs(out)
    picture = os.path.join(home, "cccd.png")
    with open(picture, "wb") as f:
        f.write(PNG)
    old = os.umask(0)
    try:
        def run(*args, **env):
            return run_cli(cli, ["--db", db] + list(args), XDG_DATA_HOME=home, MOTCUA_SYNC_PASSPHRASE=PASSPHRASE,
                           **env)

        rc, out_text, err = run("init", "--office-code", "000.00.12.H40", "--office-name", "UBND xã Tân Lập",
                                "--station", "1")
        tap.ok(rc == 0, "umask 000: a station is set up", err)
        rc, out_text, err = run("--json", "intake", "--procedure", "1.004873", "--name", "Nguyễn Thị Mai",
                                "--id-number", "001190012345")
        code = json.loads(out_text)["code"] if rc == 0 else "X"
        # An existing file of mode 0644 at an output path takes the private mode too.
        open(os.path.join(out, "cccd.png"), "w").close()
        os.chmod(os.path.join(out, "cccd.png"), 0o644)
        commands = [
            ("attach", code, picture, "--component", "Căn cước công dân"),
            ("documents", code, "--save", "1", "-o", os.path.join(out, "cccd.png")),
            ("slip", code, "-o", os.path.join(out, "phieu-hen.pdf")),
            ("register", "--from", "2020-01-01", "--to", "2030-12-31", "-o", os.path.join(out, "so.csv")),
            ("register", "--from", "2020-01-01", "--to", "2030-12-31", "-o", os.path.join(out, "so.pdf")),
            ("late-list", "--from", "2020-01-01", "--to", "2030-12-31", "-o", os.path.join(out, "tre.csv")),
            ("post-list", "-o", os.path.join(out, "buu-chinh.pdf")),
            ("export", "-o", os.path.join(out, "goi.motcua")),
            ("backup",),
            ("backup", "--dir", os.path.join(out, "sao-luu")),
        ]
        for args in commands:
            rc, out_text, err = run(*args)
            tap.ok(rc == 0, f"umask 000: {args[0]} succeeds", err)
    finally:
        os.umask(old)

    loose = []
    for root, dirs, files in os.walk(os.path.join(home)):
        if root == home:
            files = [name for name in files if name != "cccd.png"]
        for name in files:
            mode = stat.S_IMODE(os.stat(os.path.join(root, name)).st_mode)
            if mode & 0o077:
                loose.append(f"{os.path.relpath(os.path.join(root, name), home)} {oct(mode)}")
        for name in dirs:
            full = os.path.join(root, name)
            if full == out:
                continue
            mode = stat.S_IMODE(os.stat(full).st_mode)
            if mode & 0o077:
                loose.append(f"{os.path.relpath(full, home)}/ {oct(mode)}")
    tap.ok(not loose, "umask 000: every file written is 0600, every folder made 0700", "\n".join(loose))


def pin_lockout(tap, cli, work):
    """Five wrong PINs in a row lock the name's sign-in for 30 s, doubling with each further one, across processes;
    the audit log says so; an administrator unlocks."""
    db = os.path.join(work, "pins.db")

    def run(now, *args, **env):
        return run_cli(cli, ["--db", db] + list(args), XDG_DATA_HOME=work, MOTCUA_NOW=now, **env)

    admin = {"MOTCUA_USER": "ha.lt", "MOTCUA_PIN": "1357"}
    clerk = {"MOTCUA_USER": "binh.tv", "MOTCUA_PIN": "2468"}
    wrong = {"MOTCUA_USER": "binh.tv", "MOTCUA_PIN": "0000"}
    t0 = "2026-11-23T10:00"
    rc, out, err = run(t0, "init", "--office-code", "000.00.12.H40", "--office-name", "UBND xã Tân Lập",
                       "--station", "1")
    tap.ok(rc == 0, "a station is set up", err)
    run(t0, "account", "add", "ha.lt", "--name", "Lê Thu Hà", "--role", "administrator", MOTCUA_NEW_PIN="1357")
    rc, out, err = run(t0, "account", "add", "binh.tv", "--name", "Trần Văn Bình", "--role", "clerk",
                       MOTCUA_NEW_PIN="2468", **admin)
    tap.ok(rc == 0, "a clerk is added", err)

    def five_wrong(now):
        results = [run(now, "list", **wrong) for _ in range(5)]
        return all(rc == 1 and "wrong" in err for rc, _, err in results)

    tap.ok(five_wrong(t0), "five wrong PINs, each in its own process, are refused")
    rc, out, err = run(t0, "list", **clerk)
    tap.ok(rc == 1 and "locked" in err and "30 seconds" in err and "administrator" in err,
           "then even the right PIN is refused, saying how long to wait and who can unlock", err)
    rc, out, err = run("2026-11-23T10:01", "list", **clerk)
    tap.ok(rc == 0, "once the 30 seconds are over, the right PIN signs in", err)

    tap.ok(five_wrong("2026-11-23T10:02"), "five wrong PINs again")
    rc, out, err = run("2026-11-23T10:03", "list", **wrong)
    rc, out, err = run("2026-11-23T10:03", "list", **clerk)
    tap.ok(rc == 1 and "1 minute" in err, "one more wrong PIN after the lock doubles it to a minute", err)
    rc, out, err = run("2026-11-23T10:03", "account", "unlock", "binh.tv", **clerk)
    tap.ok(rc == 1, "the locked clerk cannot unlock", err)
    rc, out, err = run("2026-11-23T10:03", "account", "unlock", "binh.tv", **admin)
    tap.ok(rc == 0, "an administrator unlocks", err)
    rc, out, err = run("2026-11-23T10:03", "list", **clerk)
    tap.ok(rc == 0, "and the clerk signs in at once", err)
    rc, out, err = run("2026-11-23T10:03", "--json", "audit", **admin)
    actions = [entry["action"] for entry in json.loads(out)["audit"]] if rc == 0 else []
    tap.ok(actions.count("sign-in-locked") == 3 and "account-unlocked" in actions,
           "the audit log holds each lock and the unlock", out + err)


def hash_limits(tap, cli, work, fast_build):
    """MOTCUA_PWHASH_FAST=1 (always set by clirun) weakens the hashes only in a build configured for the tests."""
    db = os.path.join(work, "hash.db")

    def run(*args, **env):
        return run_cli(cli, ["--db", db] + list(args), XDG_DATA_HOME=work, **env)

    run("init", "--office-code", "000.00.12.H40", "--office-name", "UBND xã Tân Lập", "--station", "1")
    rc, out, err = run("passphrase", MOTCUA_SYNC_PASSPHRASE=PASSPHRASE)
    rc2, out, err2 = run("account", "add", "ha.lt", "--name", "Lê Thu Hà", "--role", "administrator",
                         MOTCUA_NEW_PIN="1357")
    connection = sqlite3.connect(db)
    kdf = connection.execute("SELECT value FROM local WHERE key = 'sync_kdf'").fetchone()
    pin_hash = connection.execute("SELECT pin_hash FROM account").fetchone()
    connection.close()
    if fast_build:
        tap.ok(rc == 0 and rc2 == 0 and kdf == ("argon2id13-interactive",) and "m=8," in pin_hash[0],
               "a test build honours MOTCUA_PWHASH_FAST=1", f"{kdf} {pin_hash} {err} {err2}")
    else:
        tap.ok(rc == 0 and rc2 == 0 and kdf == ("argon2id13-moderate",) and "m=65536," in pin_hash[0],
               "a default build ignores MOTCUA_PWHASH_FAST=1: the keys and PINs keep their full cost",
               f"{kdf} {pin_hash} {err} {err2}")


def damaged_database(tap, cli, work):
    """A real damaged page: reading commands warn and name the newest whole backup, recording ones refuse."""
    db = os.path.join(work, "damaged", "motcua.db")

    def run(*args, **env):
        return run_cli(cli, ["--db", db] + list(args), XDG_DATA_HOME=work, **env)

    run("init", "--office-code", "000.00.12.H40", "--office-name", "UBND xã Tân Lập", "--station", "1")
    for i in range(60):
        run("intake", "--procedure", "1.004873", "--name", f"Nguyễn Văn Số {i}", "--address", "Thôn Đông " * 20)
    rc, out, err = run("--json", "backup")
    tap.ok(rc == 0, "a backup is made", err)
    backup = json.loads(out)["file"] if rc == 0 else ""
    checkpointed_digest(db)
    connection = sqlite3.connect(db)
    page_size = connection.execute("PRAGMA page_size").fetchone()[0]
    pages = connection.execute("PRAGMA page_count").fetchone()[0]
    connection.close()
    # A page in the middle of the file (the events' and the search index's pages fill most of it): its header
    # and cell pointers overwritten, as a failing disk does.
    page = pages // 2
    with open(db, "r+b") as f:
        f.seek((page - 1) * page_size)
        f.write(b"\x0d\xff\x7f" * 40)
    rc, out, err = run("list")
    tap.ok("damaged" in err and os.path.basename(backup) in err and "restore" in err,
           "list on a damaged page warns, naming the newest good backup", f"exit {rc}: {err}")
    rc, out, err = run("intake", "--procedure", "1.004873", "--name", "Lê Văn Mới")
    tap.ok(rc == 1 and "damaged" in err and os.path.basename(backup) in err,
           "intake on a damaged page is refused, naming the newest good backup", f"exit {rc}: {err} ({pages} pages)")


def main(cli, fast_build):
    tap = Tap()
    work = tempfile.mkdtemp(prefix="motcua-integrity-")
    refused_imports(tap, cli, work)
    private_files(tap, cli, work)
    pin_lockout(tap, cli, work)
    hash_limits(tap, cli, work, fast_build)
    damaged_database(tap, cli, work)
    shutil.rmtree(work, ignore_errors=True)
    tap.done()


if __name__ == "__main__":
    main(sys.argv[1], len(sys.argv) > 2 and sys.argv[2] == "fast-hash")
