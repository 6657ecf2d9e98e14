#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The register book's numbers over several workstations (docs/architecture.md, "The register book's numbers"):
two stations receive dossiers while apart, exchange sync bundles through files, and then every slip's "Quyển số …
Số thứ tự …" is the dossier's row in the printed book and in its CSV on both stations, no two dossiers of a book
share a number, and a book printed for part of its period shows the same numbers. Then one book per sector.

    test-book-numbers.py MOTCUA-CLI

Prints TAP.
"""

import csv
import os
import re
import shutil
import subprocess
import sys
import tempfile

from clirun import run_cli
from tap import Tap

OFFICE = "000.00.12.H40"
BIRTH = "1.001193"         # Hộ tịch
CERTIFY = "2.000815"       # Chứng thực
RESIDENCE = "1.004222"     # Cư trú


def pdf_text(path):
    return subprocess.run(["pdftotext", "-layout", path, "-"], capture_output=True, text=True, check=True).stdout


def slip_entry(text):
    """(Quyển số, Số thứ tự) as the slip prints them; the two copies must agree."""
    found = re.findall(r"Vào Sổ theo dõi hồ sơ, Quyển số:\s*(.+?)\s{2,}Số thứ tự:\s*(\S+)", text)
    if len(found) != 2 or found[0] != found[1]:
        return None
    return found[0]


def main(cli):
    tap = Tap()
    work = tempfile.mkdtemp(prefix="motcua-book-")
    env = {"XDG_DATA_HOME": work, "MOTCUA_SYNC_PASSPHRASE": "Tân Lập một cửa 2026"}

    def run(db, *args, now="2026-11-23T09:00+07:00"):
        return run_cli(cli, ["--db", os.path.join(work, db)] + list(args), MOTCUA_NOW=now, **env)

    def intake(db, procedure, name, now):
        rc, out, err = run(db, "intake", "--procedure", procedure, "--name", name, "--json", now=now)
        tap.ok(rc == 0, "%s receives %s's dossier" % (db, name), err)
        match = re.search(r'"code"\s*:\s*"([^"]+)"', out)
        return match.group(1) if match else None

    def exchange():
        for source, target in (("a.db", "b.db"), ("b.db", "a.db")):
            bundle = os.path.join(work, "%s-to-%s.motcua" % (source[0], target[0]))
            if os.path.exists(bundle):
                os.unlink(bundle)
            rc, out, err = run(source, "export", "-o", bundle)
            tap.ok(rc == 0 and os.path.getsize(bundle) > 0, "%s writes a bundle to a file" % source, err)
            rc, out, err = run(target, "import", bundle)
            tap.ok(rc == 0, "%s imports it" % target, out + err)

    def slips(db, codes):
        entries = {}
        for code in codes:
            path = os.path.join(work, "slip-%s-%s.pdf" % (db[0], code))
            rc, out, err = run(db, "slip", code, "-o", path)
            entries[code] = slip_entry(pdf_text(path)) if rc == 0 else None
        return entries

    def register_csv(db, first, last, *more):
        path = os.path.join(work, "so-%s.csv" % db[0])
        rc, out, err = run(db, "register", "--from", first, "--to", last, "-o", path, *more)
        if rc != 0:
            return {}
        with open(path, encoding="utf-8-sig", newline="") as f:
            return {row["Mã hồ sơ"]: (row["Quyển số"], row["STT"]) for row in csv.DictReader(f)}

    def register_pdf(db, first, last, *more):
        path = os.path.join(work, "so-%s.pdf" % db[0])
        rc, out, err = run(db, "register", "--from", first, "--to", last, "-o", path, *more)
        return pdf_text(path) if rc == 0 else ""

    for db, station in (("a.db", "1"), ("b.db", "2")):
        rc, out, err = run(db, "init", "--office-code", OFFICE, "--office-name", "UBND xã Tân Lập",
                           "--station", station)
        tap.ok(rc == 0, "workstation %s is set up" % station, err)

    # Apart: both stations receive on the same days, each numbering the year's book on its own.
    codes = [intake("a.db", BIRTH, "Nguyễn Văn An", "2026-11-23T08:00+07:00"),
             intake("b.db", CERTIFY, "Trần Thị Bình", "2026-11-23T08:05+07:00"),
             intake("a.db", CERTIFY, "Lê Văn Cường", "2026-11-23T08:10+07:00"),
             intake("b.db", BIRTH, "Phạm Thị Dung", "2026-11-24T08:00+07:00"),
             intake("a.db", RESIDENCE, "Hoàng Văn Em", "2026-11-24T08:30+07:00")]
    exchange()

    for db in ("a.db", "b.db"):
        printed = slips(db, codes)
        tap.ok(all(printed[c] is not None for c in codes), "%s: every slip prints its book and number (both copies)"
               % db, repr(printed))
        entries = set(printed.values())
        tap.ok(len(entries) == len(codes), "%s: no two dossiers share a row of the book" % db, repr(printed))
        tap.ok(all(e is None or e[0] == "2026" for e in printed.values()), "%s: the year's book, Quyển số 2026" % db,
               repr(printed))
        book = register_csv(db, "2026-11-23", "2026-11-24")
        tap.ok(book == printed, "%s: the register's CSV shows each slip's book and number" % db,
               repr(book) + " vs " + repr(printed))
        text = register_pdf(db, "2026-11-23", "2026-11-24")
        # The code is set on two lines: the office's code, then the day and number.
        tap.ok(all(code is not None and
                   re.search(r"^\s*%s\s+%s-[^\n]*\n\s*%s" % (re.escape(printed[code][1]), re.escape(OFFICE),
                                                               re.escape(code[len(OFFICE) + 1:])), text, re.M)
                   for code in codes), "%s: the printed book's STT beside each code is the slip's" % db, text)
        tap.ok("Quyển số: 2026" in text, "%s: the printed book names its book" % db, text)
        # The book printed for its second day only: the same numbers, not 1, 2, …
        part = register_csv(db, "2026-11-24", "2026-11-24")
        tap.ok(part == {c: printed[c] for c in codes[3:]}, "%s: a book printed for part of its period keeps its numbers"
               % db, repr(part))
    tap.ok(slips("a.db", codes) == slips("b.db", codes), "both stations print the same numbers on every slip")

    # One book per sector: set on one station, reaching the other with the bundle.
    rc, out, err = run("a.db", "office", "set", "register_books", "sector")
    tap.ok(rc == 0, "office set register_books sector", err)
    rc, out, err = run("a.db", "office", "set", "register_books", "month")
    tap.ok(rc == 1 and "year" in err and "sector" in err, "a value it does not take is refused, saying what it takes",
           err)
    exchange()
    rc, out, err = run("b.db", "office", "show", "--json")
    tap.ok(rc == 0 and '"register_books":"sector"' in out.replace(" ", ""), "the other station has the setting", out)
    sector_codes = [intake("a.db", BIRTH, "Vũ Thị Giang", "2026-11-25T08:00+07:00"),
                    intake("b.db", BIRTH, "Đỗ Văn Hùng", "2026-11-25T08:05+07:00"),
                    intake("b.db", CERTIFY, "Ngô Thị Lan", "2026-11-25T08:10+07:00"),
                    intake("a.db", BIRTH, "Bùi Văn Minh", "2026-11-25T08:20+07:00")]
    exchange()
    printed = slips("a.db", sector_codes)
    tap.ok(printed == slips("b.db", sector_codes), "sector books: both stations print the same slips", repr(printed))
    tap.ok([p[0] if p else None for p in printed.values()] == ["2026 – Hộ tịch", "2026 – Hộ tịch", "2026 – Chứng thực",
                                                              "2026 – Hộ tịch"],
           "sector books: each slip names its sector's book", repr(printed))
    tap.ok(len(set(printed.values())) == len(sector_codes) and printed[sector_codes[2]][1] == "02-0001"
           and printed[sector_codes[0]][1] == "01-0001" and printed[sector_codes[3]][1] == "01-0002",
           "sector books: each book counts its own entries, station by station", repr(printed))
    book = register_csv("b.db", "2026-11-25", "2026-11-25", "--sector", "Hộ tịch")
    tap.ok(book == {c: printed[c] for c in sector_codes if printed[c][0].endswith("Hộ tịch")},
           "sector books: the sector's book shows the slips' numbers", repr(book))
    text = register_pdf("b.db", "2026-11-25", "2026-11-25")
    tap.ok(re.search(r"Quyển số: 2026 – Hộ tịch.*Vũ Thị Giang.*Đỗ Văn Hùng.*Bùi Văn Minh.*"
                     r"Quyển số: 2026 – Chứng thực.*Ngô Thị Lan", text, re.S) is not None,
           "a printout spanning books sets each book apart under its name", text)

    shutil.rmtree(work, ignore_errors=True)
    return tap.done()


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
