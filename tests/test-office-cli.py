#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""motcua-cli office: every shared setting shown; one changed as an event; an unknown key, a bad value or a clerk
refused with nothing written (docs/cli.md, "office").

    test-office-cli.py MOTCUA-CLI

Prints TAP.
"""

import json
import os
import shutil
import sqlite3
import sys
import tempfile

from clirun import run_cli
from tap import Tap

OFFICE_KEYS = {"office_code", "office_name", "parent_name", "unit_name", "place", "lookup_url", "signer_name",
               "signer_title", "morning_open", "morning_close", "afternoon_open", "afternoon_close", "cutoff",
               "due_soon_days", "supplement_mode", "form_numbering"}


def events_in(db):
    with sqlite3.connect(db) as connection:
        return connection.execute("SELECT count(*) FROM event").fetchone()[0]


def main(cli):
    tap = Tap()
    work = tempfile.mkdtemp(prefix="motcua-office-")
    db = os.path.join(work, "office.db")

    def run(*args, **env):
        return run_cli(cli, ["--db", db] + list(args), XDG_DATA_HOME=work, **env)

    rc, out, err = run("init", "--office-code", "000.00.12.H40", "--office-name", "UBND xã Tân Lập",
                       "--station", "1", "--place", "Tân Lập")
    tap.ok(rc == 0, "an office is set up", err)

    rc, out, err = run("office", "show", "--json")
    shown = json.loads(out) if rc == 0 else {}
    tap.ok(OFFICE_KEYS <= set(shown), "office show --json gives every shared setting", out + err)
    tap.ok(shown.get("office_name") == "UBND xã Tân Lập" and shown.get("place") == "Tân Lập",
           "office show gives the values set up", out)
    rc, bare, err = run("office", "--json")
    tap.ok(rc == 0 and json.loads(bare) == shown, "office without a word is office show", bare + err)
    rc, text, err = run("office")
    tap.ok(rc == 0 and "office_name = UBND xã Tân Lập\n" in text, "office show prints KEY = VALUE lines", text + err)

    before = events_in(db)
    rc, out, err = run("office", "set", "signer_name", "Nguyễn Văn An")
    tap.ok(rc == 0 and events_in(db) == before + 1, "office set writes one event", err)
    rc, out, err = run("office", "show", "--json")
    tap.ok(rc == 0 and json.loads(out)["signer_name"] == "Nguyễn Văn An", "office show gives the new value", out)

    refusals = [
        (("office", "set", "no_such_setting", "x"), "no office setting", "an unknown key"),
        (("office", "set", "cutoff", "25:99"), "hh:mm", "a time of day that is not one"),
        (("office", "set", "due_soon_days", "31"), "0 to 30", "a number out of its bounds"),
        (("office", "set", "supplement_mode", "sometimes"), "restart, resume", "a choice not offered"),
    ]
    for args, phrase, what in refusals:
        before = events_in(db)
        rc, out, err = run(*args)
        tap.ok(rc == 1 and phrase in err and out == "" and events_in(db) == before,
               f"{what} is refused with exit 1, says what it takes, and writes nothing", f"exit {rc}: {err}")

    rc, out, err = run("office", "set", "signer_name")
    tap.ok(rc == 2, "office set without a value is a usage error", err)

    # The office code names every dossier code and seals the bundles: it may change only while no dossier exists.
    rc, out, err = run("office", "set", "office_code", "000.00.12.H39")
    tap.ok(rc == 0, "the office code may change before any dossier is received", err)
    rc, out, err = run("office", "set", "office_code", "000.00.12.H40")
    rc2, out2, err2 = run("intake", "--procedure", "1.004873", "--name", "Nguyễn Thị Mai")
    tap.ok(rc == 0 and rc2 == 0, "a dossier is received under the office code", err + err2)
    before = events_in(db)
    rc, out, err = run("office", "set", "office_code", "000.00.12.H41")
    tap.ok(rc == 1 and "cannot change" in err and "000.00.12.H40" in err and events_in(db) == before,
           "then a new office code is refused, saying why and what to do, and nothing is written", err)

    # A procedure's internal procedure (docs/process.md): the default split until the office sets its steps.
    rc, out, err = run("office", "steps", "1.001022")
    shown = json.loads(out) if rc == 0 else {}
    tap.ok(shown.get("default") is True and [s["hours"] for s in shown.get("steps", [])] == [3, 15, 3, 1.5, 1.5],
           "office steps shows the default split of 3 working days", out + err)
    steps = ('[{"unit": "Bộ phận Một cửa", "role": "desk", "hours": 4},'
             ' {"unit": "Công chức Tư pháp - Hộ tịch", "role": "specialist", "hours": 20}]')
    before = events_in(db)
    rc, out, err = run("office", "steps", "1.001022", steps)
    shown = json.loads(out) if rc == 0 else {}
    tap.ok(rc == 0 and shown.get("default") is False and events_in(db) == before + 1
           and [s["unit"] for s in shown["steps"]] == ["Bộ phận Một cửa", "Công chức Tư pháp - Hộ tịch"],
           "office steps PROCEDURE STEPS sets the steps as one event", out + err)
    rc, out, err = run("office", "steps", "1.001022")
    tap.ok(rc == 0 and json.loads(out)["steps"][1]["hours"] == 20, "the steps set are the catalogue's", out + err)
    rc, out, err = run("intake", "--procedure", "1.001022", "--name", "Nguyễn Thị Hoa",
                       "--received", "2026-12-04T10:00", "--json")
    code = json.loads(out)["code"] if rc == 0 else ""
    rc, out, err = run("steps", code, "--at", "2026-12-04T11:00")
    first = json.loads(out)["steps"][0] if rc == 0 else {}
    tap.ok(first.get("unit") == "Bộ phận Một cửa" and first.get("due") == "2026-12-04T15:30",
           "a dossier received then takes the steps set: the desk's 4 hours end at 15:30", out + err)
    for bad, what in (('[{"unit": "", "hours": 4}]', "a step without its unit"),
                      ('[{"unit": "Văn thư", "hours": 0}]', "a step without time")):
        before = events_in(db)
        rc, out, err = run("office", "steps", "1.001022", bad)
        tap.ok(rc == 1 and "1.001022" in err and events_in(db) == before,
               f"{what} is refused with exit 1 and writes nothing", f"exit {rc}: {err}")
    before = events_in(db)
    rc, out, err = run("office", "steps", "1.001022", '[{"unit": "Văn thư", "role": "records", "hours": 30}]')
    tap.ok(rc == 1 and "30" in err and "24" in err and events_in(db) == before,
           "steps longer than the procedure's 24 working hours are refused, naming both, and write nothing", err)
    rc, out, err = run("office", "steps", "1.001022", "not json")
    tap.ok(rc == 2, "steps that are not JSON are a usage error", err)

    # Where the workstation has accounts, only an administrator changes the office's settings; a clerk may read.
    rc, out, err = run("account", "add", "ha.lt", "--name", "Lê Thu Hà", "--role", "administrator",
                       MOTCUA_NEW_PIN="1357")
    tap.ok(rc == 0, "an administrator is added", err)
    rc, out, err = run("account", "add", "binh.tv", "--name", "Trần Văn Bình", "--role", "clerk",
                       MOTCUA_NEW_PIN="2468", MOTCUA_USER="ha.lt", MOTCUA_PIN="1357")
    tap.ok(rc == 0, "a clerk is added", err)
    clerk = {"MOTCUA_USER": "binh.tv", "MOTCUA_PIN": "2468"}
    before = events_in(db)
    rc, out, err = run("office", "set", "signer_name", "Kẻ Lạ", **clerk)
    tap.ok(rc == 1 and events_in(db) == before, "a clerk's office set is refused and writes nothing", err)
    rc, out, err = run("office", "show", "--json", **clerk)
    tap.ok(rc == 0 and json.loads(out)["signer_name"] == "Nguyễn Văn An", "a clerk may read the settings", err)
    rc, out, err = run("office", "set", "signer_name", "Phạm Thị Lan", MOTCUA_USER="ha.lt", MOTCUA_PIN="1357")
    tap.ok(rc == 0, "the administrator's office set is accepted", err)

    shutil.rmtree(work, ignore_errors=True)
    tap.done()


if __name__ == "__main__":
    main(sys.argv[1])
