#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""motcua-cli intake --id-card-qr LINE: the applicant filled from the line of an ID card's QR code; show --json
gives the gender and the whole date of birth; a line that contradicts itself refused with its reason and nothing
written (docs/cli.md, "intake").

    test-id-card-cli.py MOTCUA-CLI

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

NOW = "2026-11-23T09:10"
CARD_2021 = ("001089012345|012345678|NGUYỄN VĂN AN|15081989|Nam|"
             "Số 12 ngõ 34 Hàng Bông, Phường Hàng Bông, Quận Hoàn Kiếm, Hà Nội|10042021")
CARD_2024 = ("079304009876||Lê Hoàng Minh Thư|29022004|Nữ|"
             "Tổ 5, Khu phố 2, Phường Sài Gòn, Thành phố Hồ Chí Minh|20082024||VNM")


def events_in(db):
    with sqlite3.connect(db) as connection:
        return connection.execute("SELECT count(*) FROM event").fetchone()[0]


def main(cli):
    tap = Tap()
    work = tempfile.mkdtemp(prefix="motcua-id-card-")
    db = os.path.join(work, "office.db")

    def run(*args):
        return run_cli(cli, ["--db", db] + list(args), XDG_DATA_HOME=work, MOTCUA_NOW=NOW)

    rc, out, err = run("init", "--office-code", "000.00.12.H40", "--office-name", "UBND xã Tân Lập",
                       "--station", "1", "--place", "Tân Lập")
    tap.ok(rc == 0, "an office is set up", err)

    rc, out, err = run("intake", "--procedure", "1.004873", "--id-card-qr", CARD_2021, "--json")
    received = json.loads(out) if rc == 0 else {}
    code = received.get("code")
    rc, out, err = run("show", code or "-", "--json")
    shown = json.loads(out).get("applicant", {}) if rc == 0 else {}
    tap.ok(shown.get("name") == "Nguyễn Văn An", "the name is read and normalised", out + err)
    tap.ok(shown.get("id_number") == "001089012345", "the ID number is read", out)
    tap.ok(shown.get("birth_date") == "1989-08-15" and shown.get("birth_year") == 1989,
           "show --json gives applicant.birth_date and birth_year", out)
    tap.ok(shown.get("gender") == "male", "show --json gives applicant.gender", out)
    tap.ok(shown.get("address", "").startswith("Số 12 ngõ 34 Hàng Bông"), "the address is read", out)

    rc, out, err = run("intake", "--procedure", "1.004873", "--id-card-qr", CARD_2024 + "\n",
                       "--address", "Thôn Đông, xã Tân Lập", "--json")
    applicant = json.loads(out).get("applicant", {}) if rc == 0 else {}
    tap.ok(rc == 0 and applicant.get("gender") == "female" and applicant.get("birth_date") == "2004-02-29",
           "a card of 2024 (no old number, fields added) is read", out + err)
    tap.ok(applicant.get("address") == "Thôn Đông, xã Tân Lập", "--address given wins over the card's", out)

    rc, out, err = run("intake", "--procedure", "1.004873", "--name", "Trần Văn Bình", "--json")
    applicant = json.loads(out).get("applicant", {}) if rc == 0 else {}
    tap.ok(rc == 0 and applicant.get("birth_date") is None and applicant.get("gender") is None
           and applicant.get("birth_year") is None, "without a card the new members are null", out + err)

    rc, out, err = run("intake", "--procedure", "1.004873", "--name", "Trần Văn Bình", "--birth-date",
                       "1990-02-01", "--json")
    applicant = json.loads(out).get("applicant", {}) if rc == 0 else {}
    tap.ok(rc == 0 and applicant.get("birth_date") == "1990-02-01" and applicant.get("birth_year") == 1990,
           "--birth-date gives the year too", out + err)

    before = events_in(db)
    refusals = [
        (("--id-card-qr", "001089012345||Nguyễn Văn An|15081990|Nam|Hà Nội|10042021"), "Digits 5–6",
         "an ID number that contradicts the birth year"),
        (("--id-card-qr", "001089012345||Nguyễn Thị An|15081989|Nữ|Hà Nội|10042021"), "is for a man",
         "an ID number that contradicts the gender"),
        (("--id-card-qr", "001089012345||Nguyễn Văn An|31021989|Nam|Hà Nội"), "not a real day",
         "a date that is not a day"),
        (("--id-card-qr", "001089012345|Nguyễn Văn An"), "not the QR code", "a line of another shape"),
        (("--name", "Trần Văn Bình", "--birth-date", "1990-02-01", "--birth-year", "1991"), "disagree",
         "a date of birth and a year that disagree"),
    ]
    for args, message, what in refusals:
        rc, out, err = run("intake", "--procedure", "1.004873", *args)
        tap.ok(rc == 1 and message in err and out == "", what + " is refused with its reason", err)
    rc, out, err = run("intake", "--procedure", "1.004873", "--id-card-qr", CARD_2021, "--name", "X")
    tap.ok(rc == 2 and "--id-card-qr" in err, "--id-card-qr with --name is a usage error", err)
    tap.ok(events_in(db) == before, "nothing refused was written")

    shutil.rmtree(work)
    return tap.done()


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
