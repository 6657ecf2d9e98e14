#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""One identity per workstation (docs/architecture.md, "One identity per workstation"), from outside as real
processes: two workstations set up with the same number are told apart by their identities; a station or the
level above that already knows one refuses the other's bundle, naming both, and writes nothing; `station
renumber N` gives the newer one a free number, after which its bundles are taken, its old codes unchanged.

    test-stations.py MOTCUA-CLI

Prints TAP.
"""

import hashlib
import json
import os
import shutil
import sqlite3
import sys
import tempfile

from clirun import run_cli
from tap import Tap

PASSPHRASE = "Tân Lập một cửa 2026"
OFFICE = "000.00.12.H40"
DISTRICT = "000.00.11.H00"


def checkpointed_digest(db):
    """The database file's digest once its write-ahead log is folded in."""
    connection = sqlite3.connect(db)
    connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    connection.close()
    with open(db, "rb") as f:
        return hashlib.sha256(f.read()).hexdigest()


def main(cli):
    tap = Tap()
    work = tempfile.mkdtemp(prefix="motcua-stations-")

    def run(db, *args, **env):
        return run_cli(cli, ["--db", os.path.join(work, db)] + list(args), XDG_DATA_HOME=work,
                       MOTCUA_SYNC_PASSPHRASE=PASSPHRASE, MOTCUA_NOW="2026-12-02T09:00:00+07:00", **env)

    def identity(db):
        rc, out, err = run(db, "--json", "station", "show")
        return json.loads(out)["station_id"] if rc == 0 else None

    def intake(db, name):
        rc, out, err = run(db, "--json", "intake", "--procedure", "1.004873", "--name", name)
        return json.loads(out)["code"] if rc == 0 else f"(refused: {err})"

    def export(db, name, *extra):
        path = os.path.join(work, name)
        rc, out, err = run(db, "export", "-o", path, *extra)
        tap.ok(rc == 0, f"{db} exports {name}", err)
        return path

    for db, office, station in (("a.db", OFFICE, "2"), ("b.db", OFFICE, "2"), ("c.db", OFFICE, "3"),
                                ("district.db", DISTRICT, "1")):
        rc, out, err = run(db, "init", "--office-code", office, "--office-name", "UBND", "--station", station)
        tap.ok(rc == 0, f"{db} is set up as station {station}", err)
        rc, out, err = run(db, "passphrase")
        tap.ok(rc == 0, f"{db} has the passphrase", err)
    rc, out, err = run("district.db", "office-key", OFFICE)
    tap.ok(rc == 0, "the district takes the commune's key", err)

    id_a, id_b = identity("a.db"), identity("b.db")
    tap.ok(id_a and id_b and id_a != id_b, "each workstation has an identity of its own, whatever its number",
           f"{id_a} {id_b}")

    code_a = intake("a.db", "Nguyễn Thị Mai")
    code_b = intake("b.db", "Trần Văn Bình")
    tap.ok(code_a.endswith("-020001") and code_b.endswith("-020001"), "both issue codes of station 02",
           f"{code_a} {code_b}")
    bundle_a = export("a.db", "a.motcua")
    bundle_b = export("b.db", "b.motcua")

    # A third station, and the level above, take A's bundle, then refuse B's, naming both and writing nothing.
    for db, where in (("c.db", "a third station"), ("district.db", "the level above")):
        rc, out, err = run(db, "import", bundle_a)
        tap.ok(rc == 0, f"{where} imports the first workstation numbered 02", err)
        before = checkpointed_digest(os.path.join(work, db))
        rc, out, err = run(db, "import", bundle_b)
        tap.ok(rc == 1 and id_a[:8] in err and id_b[:8] in err and "02" in err and "renumber" in err,
               f"{where} refuses a second identity numbered 02, naming both and what to do", f"exit {rc}: {err}")
        tap.ok(checkpointed_digest(os.path.join(work, db)) == before, f"{where}: the refused import wrote nothing")
        rc, out, err = run(db, "--json", "show", code_a)
        tap.ok(rc == 0 and "Nguyễn Thị Mai" in out, f"{where} still holds the first one's dossier", err)

    # Each of the two refuses the other: A names itself as this workstation.
    before = checkpointed_digest(os.path.join(work, "a.db"))
    rc, out, err = run("a.db", "import", bundle_b)
    tap.ok(rc == 1 and id_b[:8] in err and id_a[:8] in err and checkpointed_digest(os.path.join(work, "a.db")) == before,
           "the first workstation refuses the second's bundle and writes nothing", f"exit {rc}: {err}")

    # Renumbering: a number in use, or out of range, or the same, is refused and writes nothing.
    before = checkpointed_digest(os.path.join(work, "b.db"))
    rc, out, err = run("b.db", "import", bundle_a)
    tap.ok(rc == 1, "the second refuses the first's bundle too", err)
    rc, out, err = run("b.db", "import", export("c.db", "c.motcua"))
    tap.ok(rc == 1, "and a third station's bundle carrying the first's events", err)
    for number, why in (("2", "its own number"), ("0", "0"), ("100", "100"), ("x", "not a number")):
        rc, out, err = run("b.db", "station", "renumber", number)
        tap.ok(rc != 0, f"station renumber {why} is refused", f"exit {rc}: {out}{err}")
    tap.ok(checkpointed_digest(os.path.join(work, "b.db")) == before, "the refused renumberings wrote nothing")
    rc, out, err = run("c.db", "station", "renumber", "2")
    tap.ok(rc == 1 and id_a[:8] in err, "a number another workstation of the office holds is refused, naming it",
           f"exit {rc}: {err}")

    rc, out, err = run("b.db", "--json", "station", "renumber", "4")
    tap.ok(rc == 0 and json.loads(out)["station"] == 4 and json.loads(out)["previous"] == 2,
           "the second workstation takes number 04", f"exit {rc}: {out}{err}")
    rc, out, err = run("b.db", "--json", "show", code_b)
    tap.ok(rc == 0 and json.loads(out).get("code") == code_b, "its code issued before keeps its number", err)
    code_b2 = intake("b.db", "Lê Thị Cúc")
    tap.ok(code_b2.split("-")[-1].startswith("04") and code_b2 != code_b, "its next code carries 04", code_b2)
    rc, out, err = run("b.db", "--json", "audit")
    tap.ok(rc == 0 and "station-renumbered" in out, "the renumbering is in the audit log", err)

    # Now everyone takes the second workstation's bundle: its old code-02 dossiers included.
    bundle_b = export("b.db", "b2.motcua", "--full")
    for db, where in (("c.db", "the third station"), ("district.db", "the level above"), ("a.db", "the first")):
        rc, out, err = run(db, "import", bundle_b)
        tap.ok(rc == 0, f"{where} imports the renumbered workstation's bundle", err)
        rc, out, err = run(db, "--json", "show", code_b2)
        tap.ok(rc == 0 and "Lê Thị Cúc" in out, f"{where} holds its new dossier", err)
    rc, out, err = run("b.db", "import", bundle_a)
    tap.ok(rc == 0, "and the renumbered workstation takes the first's bundle", err)

    # A stale bundle of the second from before its renumbering changes nothing and is not refused.
    rc, out, err = run("c.db", "import", os.path.join(work, "b.motcua"))
    tap.ok(rc == 0, "its bundle from before the renumbering, imported late, is known and harmless", err)

    shutil.rmtree(work, ignore_errors=True)
    tap.done()


if __name__ == "__main__":
    main(sys.argv[1])
