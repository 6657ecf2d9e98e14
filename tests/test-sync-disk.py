#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""motcua-cli sync --dir on real small file systems (tmpfs, mounted by the test): a pass whose folder is full, a
pass whose database's disk is full, and a folder mounted read-only. Each time the pass says what to do, leaves no
partial file and changes nothing it could not finish; once there is room, the next pass does the work
(docs/cli.md, "sync --dir DIR").

    test-sync-disk.py MOTCUA-CLI

Mounting needs root (or a user namespace that allows it); without that, the test is skipped and says why.
Prints TAP.
"""

import json
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile

from clirun import run_cli
from tap import Tap

PASSPHRASE = "Tân Lập một cửa 2026"


def mount_tmpfs(path, size):
    os.makedirs(path, exist_ok=True)
    result = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size},mode=0700", "tmpfs", path],
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    return result.returncode == 0, result.stdout.decode()


def remount(path, options):
    subprocess.run(["mount", "-o", f"remount,{options}", path], check=True)


def unmount(path):
    subprocess.run(["umount", "-l", path], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def fill(path, leave=0):
    """Fills the file system of @path, then frees @leave bytes; returns the filler's path."""
    filler = os.path.join(path, "filler")
    fd = os.open(filler, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    block = b"\1" * 4096
    try:
        while os.write(fd, block) > 0:
            pass
    except OSError:
        pass
    finally:
        os.close(fd)
    size = os.path.getsize(filler)
    os.truncate(filler, max(0, size - leave))
    return filler


def events_in(db):
    with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as connection:
        return connection.execute("SELECT count(*) FROM event").fetchone()[0]


def main(cli):
    tap = Tap()
    work = tempfile.mkdtemp(prefix="motcua-sync-disk-")
    folder_mount = os.path.join(work, "shared")
    db_mount = os.path.join(work, "disk")
    mounted, why = mount_tmpfs(folder_mount, "32k")
    if not mounted:
        shutil.rmtree(work, ignore_errors=True)
        tap.skip_all(f"cannot mount a small tmpfs here (needs root): {why.strip()}")
    mounted, why = mount_tmpfs(db_mount, "8m")
    if not mounted:
        unmount(folder_mount)
        shutil.rmtree(work, ignore_errors=True)
        tap.skip_all(f"cannot mount a second small tmpfs here: {why.strip()}")
    env = {"XDG_DATA_HOME": work}
    a_db = os.path.join(work, "a.db")
    b_db = os.path.join(db_mount, "b.db")

    def run(db, *args):
        return run_cli(cli, ["--db", db] + list(args), **env)

    def sync(db):
        rc, out, err = run(db, "sync", "--dir", folder_mount, "--json")
        try:
            return rc, json.loads(out), err
        except ValueError:
            return rc, {}, out + err

    try:
        for db, station in ((a_db, "1"), (b_db, "2")):
            rc, out, err = run(db, "init", "--office-code", "000.00.12.H40", "--office-name", "UBND xã Tân Lập",
                               "--station", station)
            tap.ok(rc == 0, f"workstation {station} is set up", err)
            rc, out, err = run_cli(cli, ["--db", db, "passphrase"], MOTCUA_SYNC_PASSPHRASE=PASSPHRASE,
                                   MOTCUA_PWHASH_FAST="1", **env)
            tap.ok(rc == 0, f"workstation {station} has the office's passphrase", err)
        rc, out, err = run(a_db, "intake", "--procedure", "1.001193", "--name", "Nguyễn Văn An", "--json")
        tap.ok(rc == 0, "a dossier is received on workstation 1", out + err)

        # The folder has less room than a file's first sealed chunk (64 kB): the pass says so, exits 1, and leaves
        # nothing half-written.
        held = events_in(a_db)
        rc, report, err = sync(a_db)
        notes = report.get("notes", [])
        tap.ok(rc == 1 and report.get("written") is None and [n["problem"] for n in notes] == ["not-written"]
               and "free space" in notes[0]["message"],
               "a full folder: the changes are not written, and the note says to free space", str(report) + err)
        tap.ok(os.listdir(folder_mount) == [], "nothing is left in the full folder", str(os.listdir(folder_mount)))
        tap.ok(events_in(a_db) == held and run(a_db, "check")[0] == 0, "workstation 1's database is as it was")
        remount(folder_mount, "size=4m")
        rc, report, err = sync(a_db)
        tap.ok(rc == 0 and report.get("written") and report.get("notes") == [],
               "with room in the folder, the next pass writes the changes", str(report) + err)
        rc, report, err = sync(b_db)
        tap.ok(rc == 0 and report.get("files_imported") == 1 and report.get("notes") == [],
               "workstation 2 applies the file", str(report) + err)

        # Workstation 2's disk is full while the events are written: nothing is applied, the note says the disk is
        # full, and the file waits for the next pass.
        for i in range(40):
            run(a_db, "intake", "--procedure", "1.001193", "--name", f"Người nộp {i}")
        rc, report, err = sync(a_db)
        held = events_in(b_db)
        filler = fill(db_mount, leave=48 * 1024)
        rc, report, err = sync(b_db)
        notes = report.get("notes", [])
        tap.ok(rc == 0 and len(notes) >= 1 and all("disk is full" in n["message"] for n in notes),
               "a full disk while the events are written: the note says the disk is full", str(report) + err)
        tap.ok(events_in(b_db) == held and run(b_db, "check")[0] == 0, "nothing is applied, and the database is sound")
        os.unlink(filler)
        rc, report, err = sync(b_db)
        tap.ok(rc == 0 and report.get("notes") == [] and events_in(b_db) == events_in(a_db),
               "with room again, workstation 2 catches up", str(report) + err)

        # A folder mounted read-only, even for root: the changes wait, the others' files are still applied.
        run(b_db, "intake", "--procedure", "1.001193", "--name", "Trần Thị Bình")
        sync(b_db)
        run(a_db, "intake", "--procedure", "1.001193", "--name", "Lê Văn Cường")
        before = sorted(os.listdir(folder_mount))
        remount(folder_mount, "ro")
        rc, report, err = sync(a_db)
        notes = report.get("notes", [])
        tap.ok(rc == 1 and [n["problem"] for n in notes] == ["not-written"] and report.get("files_imported") == 1,
               "a read-only folder: this workstation's changes wait with a note, the other's file is applied",
               str(report) + err)
        remount(folder_mount, "rw")
        tap.ok(sorted(os.listdir(folder_mount)) == before, "the read-only folder is unchanged")
        rc, report, err = sync(a_db)
        tap.ok(rc == 0 and report.get("written") and report.get("notes") == [],
               "writable again: the next pass writes the changes", str(report) + err)
    finally:
        unmount(folder_mount)
        unmount(db_mount)
        shutil.rmtree(work, ignore_errors=True)
    tap.done()


main(sys.argv[1])
