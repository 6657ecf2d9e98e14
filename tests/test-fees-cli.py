#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""motcua-cli fee and fees: payments and refunds recorded, every bad input refused with exit 1, a one-line message
and nothing written; the fee book's totals in JSON, CSV (recomputed independently) and PDF (docs/fees.md).

    test-fees-cli.py MOTCUA-CLI

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

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
recompute = __import__("recompute-fees").recompute

NOW = "2026-11-23T09:00+07:00"


def events_in(db):
    with sqlite3.connect(db) as connection:
        return connection.execute("SELECT count(*) FROM event").fetchone()[0]


def main(cli):
    tap = Tap()
    work = tempfile.mkdtemp(prefix="motcua-fees-")
    db = os.path.join(work, "fees.db")

    def run(*args, **env):
        env.setdefault("MOTCUA_NOW", NOW)
        return run_cli(cli, ["--db", db] + list(args), XDG_DATA_HOME=work, **env)

    def intake(procedure, name, *extra):
        rc, out, err = run("--json", "intake", "--procedure", procedure, "--name", name, *extra)
        return json.loads(out) if rc == 0 else {"code": None, "error": err}

    rc, out, err = run("init", "--office-code", "000.00.12.H40", "--office-name", "UBND xã Tân Lập",
                       "--station", "1", "--place", "Tân Lập")
    tap.ok(rc == 0, "an office is set up", err)

    copies = intake("2.000815", "Nguyễn Văn An", "--fee-pages", "3", "--fee-copies", "2")
    tap.ok(copies.get("fees", {}).get("due") == 10000,
           "intake computes the amount due: 2 copies of 3 pages are 10.000 đồng", json.dumps(copies))
    birth = intake("1.001193", "Trần Thị Bình")
    tap.ok(birth.get("fees", {}).get("due") == 0 and birth["fees"].get("exemption"),
           "a timely birth registration is exempt by default", json.dumps(birth))
    late_birth = intake("1.001193", "Lê Văn Cường", "--exemption", "none")
    tap.ok(late_birth.get("fees", {}).get("due") == 8000, "a late one pays the province's amount",
           json.dumps(late_birth))
    contract = intake("2.001035", "Phạm Thị Dung")
    sign = intake("2.000884", "Hoàng Văn Em")

    rc, out, err = run("--json", "fee", copies["code"], "--amount", "10.000", "--pages", "3", "--copies", "2",
                       "--receipt", "aa/26p-0000001", "--at", "2026-11-23T09:10+07:00")
    shown = json.loads(out) if rc == 0 else {}
    tap.ok(rc == 0 and shown.get("fees", {}).get("paid") == 10000, "fee records a payment", out + err)
    rc, out, err = run("fee", contract["code"], "--amount", "50000", "--method", "transfer", "--receipt",
                       "AA/26P-0000002", "--at", "2026-11-23T09:20+07:00")
    tap.ok(rc == 0, "a payment by transfer", err)
    rc, out, err = run("fee", sign["code"], "--amount", "10000", "--method", "online", "--receipt", "E-77",
                       "--at", "2026-11-23T09:30+07:00")
    tap.ok(rc == 0, "a payment online", err)

    bad = [
        (("fee", copies["code"], "--amount", "-5"), "negative", "a negative amount"),
        (("fee", copies["code"], "--amount", "10.5"), "whole number", "a fractional amount"),
        (("fee", copies["code"], "--amount", "1,5"), "whole number", "a fraction with a comma"),
        (("fee", copies["code"], "--amount", "100000001"), "100,000,000", "an absurd amount"),
        (("fee", copies["code"], "--amount", "0"), "from 1", "nothing"),
        (("fee", "000.00.12.H40-261123-019999", "--amount", "1000"), "no dossier", "an unknown dossier"),
        (("fee", copies["code"], "--amount", "1000", "--receipt", "AA/26P-0000001"), "already used",
         "a receipt number already used"),
        (("fee", copies["code"], "--amount", "1000", "--method", "cheque"), "cash, transfer or online",
         "an unknown method"),
        (("fee", copies["code"], "--refund", "--amount", "10001", "--reason", "Thừa"), "cannot exceed",
         "a refund over what was paid"),
        (("fee", birth["code"], "--refund", "--amount", "1", "--reason", "Thừa"), "cannot exceed",
         "a refund where nothing was paid"),
    ]
    for args, phrase, what in bad:
        before = events_in(db)
        rc, out, err = run(*args)
        tap.ok(rc == 1 and phrase in err and out == "" and err.count("\n") == 1 and events_in(db) == before,
               f"{what} is refused with exit 1 and one line, nothing written", f"exit {rc}: {err}")

    rc, out, err = run("fee", copies["code"], "--refund", "--amount", "1000")
    tap.ok(rc == 2, "a refund without a reason is a usage error", err)

    # A returned dossier takes no payment; a refused one is refunded.
    rc, out, err = run("refuse", contract["code"], "--reason", "Hợp đồng chưa đủ chữ ký")
    tap.ok(rc == 0, "a dossier is refused", err)
    before = events_in(db)
    rc, out, err = run("fee", contract["code"], "--amount", "1000")
    tap.ok(rc == 1 and "handled" in err and events_in(db) == before, "a refused dossier takes no payment", err)
    rc, out, err = run("fee", contract["code"], "--refund", "--amount", "50000", "--reason", "Từ chối tiếp nhận",
                       "--at", "2026-11-23T10:00+07:00")
    tap.ok(rc == 0, "a refused dossier's fee is refunded", err)

    rc, out, err = run("--json", "fees", "--from", "2026-11-23", "--to", "2026-11-23")
    book = json.loads(out) if rc == 0 else {}
    tap.ok(book.get("collected") == 70000 and book.get("refunded") == 50000 and book.get("net") == 20000 and
           len(book.get("rows", [])) == 4, "fees --json gives collected, refunded, net and the rows", out + err)
    row = book["rows"][0] if book.get("rows") else {}
    tap.ok(row.get("dossier") == copies["code"] and row.get("payer") == "Nguyễn Văn An" and
           row.get("procedure") == "2.000815" and row.get("receipt") == "AA/26P-0000001" and
           row.get("method") == "cash" and row.get("amount") == 10000 and row.get("at"),
           "each row has its time, dossier, payer, procedure, receipt, method and amount", json.dumps(row))
    rc, out, err = run("--json", "fees", "--from", "2026-11-24", "--to", "2026-11-30")
    tap.ok(rc == 0 and json.loads(out)["rows"] == [], "another period has none of them", out + err)

    csv_path = os.path.join(work, "fees.csv")
    rc, out, err = run("fees", "--from", "2026-11-01", "--to", "2026-11-30", "-o", csv_path)
    again = recompute(csv_path) if rc == 0 else {}
    tap.ok(again.get("collected") == book.get("collected") and again.get("refunded") == book.get("refunded") and
           again.get("net") == book.get("net"), "the CSV's lines add up to the book's totals", json.dumps(again))
    tap.ok(again.get("per_procedure", {}).get("2.001035") == 0 and
           again.get("per_procedure", {}).get("2.000815") == 10000 and
           again.get("per_method", {}).get("online") == 10000, "per procedure and per method", json.dumps(again))

    pdf_path = os.path.join(work, "closing.pdf")
    rc, out, err = run("fees", "--from", "2026-11-23", "--to", "2026-11-23", "--closing", "-o", pdf_path)
    text = ""
    if rc == 0:
        text = subprocess.run(["pdftotext", "-layout", pdf_path, "-"], capture_output=True, text=True).stdout
    tap.ok("BẢNG KÊ THU PHÍ, LỆ PHÍ CUỐI NGÀY" in text and "KẾ TOÁN" in text and "70.000" in text and
           "AA/26P-0000002" in text, "the day's closing list prints with its totals and signatures", text[-800:] + err)
    rc, out, err = run("fees", "--from", "2026-11-23", "--to", "2026-11-22")
    tap.ok(rc == 1 and "ends before" in err, "a period that ends before it starts is refused", err)
    rc, out, err = run("fees", "--from", "2026-11-23", "--to", "2026-11-23", "-o", os.path.join(work, "x.txt"))
    tap.ok(rc == 1 and ".pdf or .csv" in err, "the book is written as .pdf or .csv", err)

    # The slip says how much is due and whether it was paid; the stop notice, what was paid.
    slip = os.path.join(work, "slip.pdf")
    rc, out, err = run("slip", copies["code"], "-o", slip)
    text = subprocess.run(["pdftotext", slip, "-"], capture_output=True, text=True).stdout if rc == 0 else ""
    tap.ok("10.000 đồng (đã nộp)" in text, "the slip's fee line shows the amount and that it was paid", text + err)
    rc, out, err = run("stop", sign["code"], "--reason", "Người dân xin dừng")
    notice = os.path.join(work, "stop.pdf")
    rc, out, err = run("form", "stop", sign["code"], "-o", notice)
    text = subprocess.run(["pdftotext", notice, "-"], capture_output=True, text=True).stdout if rc == 0 else ""
    tap.ok("đã nộp: 10.000 đồng" in text.replace("\n", " "), "the stop notice shows the fees already paid",
           text + err)

    # The statistics: collected, refunded, exempted and the share paid online, overall and per procedure.
    rc, out, err = run("--json", "stats", "--from", "2026-11-23", "--to", "2026-11-23")
    stats = json.loads(out) if rc == 0 else {}
    per = {p["code"]: p for p in stats.get("per_procedure", [])}
    tap.ok(stats.get("fees_collected") == 70000 and stats.get("fees_refunded") == 50000 and
           stats.get("fees_exempted") == 8000 and abs((stats.get("fee_online_share") or 0) - 1 / 3) < 1e-9,
           "stats --json gives the fees collected, refunded, exempted and the share paid online", out + err)
    tap.ok(per.get("2.000815", {}).get("fees_collected") == 10000 and
           per.get("2.001035", {}).get("fees_refunded") == 50000 and
           per.get("1.001193", {}).get("fees_exempted") == 8000, "… and per procedure", out)

    # The province's amount is an office setting.
    rc, out, err = run("office", "set", "fee_parentage", "25000")
    parent = intake("1.001022", "Vũ Thị Giang")
    tap.ok(rc == 0 and parent.get("fees", {}).get("due") == 25000, "the province's amount set by office set",
           json.dumps(parent) + err)
    rc, out, err = run("office", "set", "fee_parentage", "100000001")
    tap.ok(rc == 1, "a province's amount out of range is refused", err)

    shutil.rmtree(work)
    return tap.done()


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
