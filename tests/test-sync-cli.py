#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""motcua-cli sync --dir: two workstations in step through a shared folder, the text and --json reports, a file
of another office left with a note, a missing folder refused, and a pass killed at random moments leaving folder and database sound
(docs/cli.md, "sync --dir DIR"; docs/sync-format.md, "The sync folder").

    test-sync-cli.py MOTCUA-CLI

Prints TAP.
"""

import json
import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time

from clirun import clean_env, run_cli
from tap import Tap


def events_in(db):
    with sqlite3.connect(db) as connection:
        return connection.execute("SELECT count(*) FROM event").fetchone()[0]


def main(cli):
    tap = Tap()
    work = tempfile.mkdtemp(prefix="motcua-sync-cli-")
    shared = os.path.join(work, "shared")
    os.mkdir(shared)
    env = {"XDG_DATA_HOME": work, "MOTCUA_PWHASH_FAST": "1", "MOTCUA_SYNC_PASSPHRASE": "Tân Lập một cửa 2026"}

    def run(db, *args, **more):
        return run_cli(cli, ["--db", os.path.join(work, db)] + list(args), **env, **more)

    for db, station in (("a.db", "1"), ("b.db", "2")):
        rc, out, err = run(db, "init", "--office-code", "000.00.12.H40", "--office-name", "UBND xã Tân Lập",
                           "--station", station)
        tap.ok(rc == 0, "workstation %s is set up" % station, err)
    rc, out, err = run("a.db", "intake", "--procedure", "1.001193", "--name", "Nguyễn Văn An", "--json")
    tap.ok(rc == 0, "a dossier is received on workstation 1", err)

    rc, out, err = run("a.db", "sync", "--dir", shared)
    tap.ok(rc == 0 and "Sent the changes to 1 dossier to %s as 000.00.12.H40_s01_" % shared in out,
           "the text says how many dossiers were sent, and where", out + err)
    rc, out, err = run("b.db", "sync", "--dir", shared, "--json")
    report = json.loads(out) if rc == 0 else {}
    tap.ok(report.get("files_imported") == 1 and report.get("dossiers") == 1 and report.get("notes") == [],
           "workstation 2 receives it (--json)", out + err)
    rc, out, err = run("b.db", "list", "--json")
    tap.ok(rc == 0 and "Nguyễn Văn An" in out, "workstation 2 lists the dossier", out + err)
    rc, out, err = run("b.db", "sync", "--dir", shared, "--json")
    report = json.loads(out) if rc == 0 else {}
    tap.ok(report.get("files_imported") == 0 and report.get("written") is None,
           "the next pass receives and sends nothing", out + err)
    rc, out, err = run("a.db", "sync", "--dir", shared, "--json")
    rc, out, err = run("a.db", "sync", "--dir", shared, "--json")
    report = json.loads(out) if rc == 0 else {}
    tap.ok(report.get("written") is None and report.get("files_imported") == 0, "in step: nothing either way",
           out + err)

    # Another office's file in the folder: a note, exit 0, the file left where it was.
    stray = os.path.join(shared, "000.00.12.H41_s01_6f1c2b9e-0000-4000-8000-000000000001_1-5_20261123.motcua")
    with open(stray, "wb") as f:
        f.write(b"\x89MCB\r\n\x1a\n")
    rc, out, err = run("a.db", "sync", "--dir", shared, "--json")
    report = json.loads(out) if rc == 0 else {}
    notes = report.get("notes", [])
    tap.ok(rc == 0 and len(notes) == 1 and notes[0]["problem"] == "other-office" and os.path.exists(stray),
           "another office's file is noted and left", out + err)
    rc, out, err = run("a.db", "sync", "--dir", shared)
    tap.ok(rc == 0 and "another office" in err, "the text gives the note on standard error", err)
    os.unlink(stray)

    rc, out, err = run("a.db", "sync", "--dir", os.path.join(work, "nowhere"))
    tap.ok(rc == 1 and "cannot be found" in err, "a missing folder is refused with what to check", err)
    rc, out, err = run("a.db", "sync")
    tap.ok(rc == 2, "sync without --dir is a usage error", err)

    # A pass killed at random moments: afterwards a pass runs clean, and the two workstations are in step.
    rng = random.Random(20261202)
    for round_ in range(6):
        rc, out, err = run("a.db", "intake", "--procedure", "1.001193", "--name", "Người nộp %d" % round_)
        proc = subprocess.Popen([cli, "--db", os.path.join(work, "a.db"), "sync", "--dir", shared],
                                env=clean_env(**env), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(rng.uniform(0.0, 0.15))
        proc.send_signal(signal.SIGKILL)
        proc.wait()
    rc, out, err = run("a.db", "sync", "--dir", shared, "--json")
    report = json.loads(out) if rc == 0 else {}
    leftovers = [n for n in os.listdir(shared) if not n.endswith(".motcua")]
    tap.ok(rc == 0 and report.get("notes") == [] and leftovers == [],
           "after killed passes, a pass runs clean and leaves no temporary file", out + err + str(leftovers))
    rc, out, err = run("b.db", "sync", "--dir", shared, "--json")
    rc, out, err = run("a.db", "check")
    tap.ok(rc == 0, "workstation 1's database checks sound", out + err)
    with sqlite3.connect(os.path.join(work, "a.db")) as a, sqlite3.connect(os.path.join(work, "b.db")) as b:
        query = "SELECT uuid FROM event ORDER BY uuid"
        tap.ok(a.execute(query).fetchall() == b.execute(query).fetchall(), "the two workstations hold the same events")

    shutil.rmtree(work, ignore_errors=True)
    tap.done()


if __name__ == "__main__":
    main(sys.argv[1])
