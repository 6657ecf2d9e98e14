#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The papers of the process behind the desk, from the command line: several dossiers handed over at once with
the hand-over list (sổ giao nhận) to sign, all or none; the transfer slip with the issuing and the receiving body,
the dossier and the reason; each held to its model's phrases (tests/data/form-models.json) and read back.

    test-process-papers.py MOTCUA-CLI SOURCE-DIR

Prints TAP.
"""

import csv
import json
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile

from clirun import run_cli
from tap import Tap

SPECIALIST = "Công chức Tư pháp - Hộ tịch"


def pdf_text(path):
    """In reading order: a table's cell stays together."""
    return subprocess.run(["pdftotext", path, "-"], capture_output=True, text=True).stdout


def flat(path):
    return " ".join(pdf_text(path).split())


def main(cli, source_dir):
    tap = Tap()
    work = tempfile.mkdtemp(prefix="motcua-process-papers-")
    db = os.path.join(work, "process.db")
    models = json.load(open(os.path.join(source_dir, "tests", "data", "form-models.json"), encoding="utf-8"))
    env = {"XDG_DATA_HOME": work, "MOTCUA_NOW": "2026-11-23T09:10"}

    def run(*args, **extra):
        return run_cli(cli, ["--db", db] + list(args), **{**env, **extra})

    def events(code):
        """What a hand-over would change: the dossier's steps and status."""
        rc, out, err = run("steps", code, "--at", "2026-11-25T09:00")
        rc2, shown, err2 = run("--json", "show", code)
        return (json.loads(out)["steps"] if rc == 0 else None, json.loads(shown)["status"] if rc2 == 0 else None)

    rc, out, err = run("init", "--office-code", "000.00.12.H40", "--office-name", "UBND xã Tân Lập",
                       "--station", "1", "--place", "Tân Lập", "--clerk", "Lê Thu Hà")
    tap.ok(rc == 0, "an office is set up", err)
    codes = []
    for name in ("nguyễn văn an", "trần thị bích", "lê văn cường"):
        rc, out, err = run("--json", "intake", "--procedure", "1.004873", "--name", name)
        tap.ok(rc == 0, f"intake: {name}", err)
        codes.append(json.loads(out)["code"] if rc == 0 else "none")

    # Several at once, with the list; all or none. The specialist's 15 working hours from Monday 10:00 end on
    # Wednesday 09:00 (1 h 30 in the morning, 4 h in the afternoon, 8 h on Tuesday, 1 h 30 more).
    listing = os.path.join(work, "list.pdf")
    rc, out, err = run("--json", "handover", codes[0], codes[1], "--to", SPECIALIST, "--person", "Trần Văn Bình",
                       "--list-pdf", listing, MOTCUA_NOW="2026-11-23T10:00")
    tap.ok(rc == 0 and json.loads(out).get("handed_over") == codes[:2] and json.loads(out).get("list") == listing,
           "handover CODE CODE --list-pdf hands both over and names the list", out + err)
    text = flat(listing) if os.path.exists(listing) else ""
    missing = [p for p in models["handover_list"] if p not in text]
    tap.ok(not missing, "the hand-over list has every phrase of its model", "missing: " + "; ".join(missing))
    tap.ok(all(c in text for c in codes[:2]) and codes[2] not in text and "Bộ phận Một cửa Lê Thu Hà" in text and
           "Hộ tịch Trần Văn Bình 23/11/2026 10:00" in text and "23/11/2026 10:00" in text and "Hạn bước: 25/11/2026 09:00" in text,
           "a row per dossier: the giving and the receiving side, the time and the step's deadline", text)
    tap.ok("NGƯỜI GIAO (Ký và ghi rõ họ tên) NGƯỜI NHẬN (Ký và ghi rõ họ tên) Lê Thu Hà Trần Văn Bình" in text,
           "signature cells for both sides, with the names recorded", text[-200:])

    before = [events(c) for c in codes]
    # codes[0] handed over at 10:00 already: a time before that refuses the whole batch.
    rc, out, err = run("handover", codes[2], codes[0], "--to", "Lãnh đạo UBND", "--at", "2026-11-23T09:30",
                       "--list-pdf", os.path.join(work, "refused.pdf"), MOTCUA_NOW="2026-11-23T11:00")
    tap.ok(rc == 1 and codes[0] in err, "a batch with one hand-over dated before the previous is refused", out + err)
    tap.ok([events(c) for c in codes] == before and not os.path.exists(os.path.join(work, "refused.pdf")),
           "refused: nothing written for any dossier, no list", repr(before))
    rc, out, err = run("handover", codes[2], codes[2], "--to", "Lãnh đạo UBND")
    tap.ok(rc == 1 and [events(c) for c in codes] == before, "a dossier listed twice is refused", out + err)
    rc, out, err = run("handover", codes[2], "--to", "Lãnh đạo UBND", "--list-pdf", os.path.join(work, "one.pdf"))
    tap.ok(rc == 0 and codes[2] in flat(os.path.join(work, "one.pdf")), "one dossier with its list", err)

    # A transfer and its slip.
    slip = os.path.join(work, "slip.pdf")
    rc, out, err = run("transfer", codes[1], "--to", "UBND phường Bến Thành", "--reason",
                       "Hồ sơ thuộc thẩm quyền nơi đăng ký thường trú", "--slip", slip, MOTCUA_NOW="2026-11-24T08:30")
    tap.ok(rc == 0, "transfer --slip", err)
    text = flat(slip) if os.path.exists(slip) else ""
    missing = [p for p in models["transfer_slip"] if p not in text]
    tap.ok(not missing, "the transfer slip has every phrase of its model", "missing: " + "; ".join(missing))
    tap.ok("Kính gửi: UBND phường Bến Thành" in text and codes[1] in text and "Trần Thị Bích" in text and
           "Lý do chuyển: Hồ sơ thuộc thẩm quyền nơi đăng ký thường trú" in text and
           "Thời điểm chuyển: 08 giờ 30 phút, ngày 24 tháng 11 năm 2026" in text,
           "the slip names the receiving body, the dossier, the reason and the time", text)
    tap.ok("Trung tâm Phục vụ hành chính công xã Tân Lập chuyển đến" in text and "/PCHS-TTPVHCC" in text and
           "GIÁM ĐỐC" in text, "the desk's body issues the slip, as it issues the appointment slip", text)
    again = os.path.join(work, "again.pdf")
    rc, out, err = run("transfer-slip", codes[1], "-o", again)
    tap.ok(rc == 0 and flat(again) == text, "transfer-slip prints the same slip again", err)
    rc, out, err = run("transfer-slip", codes[0], "-o", os.path.join(work, "none.pdf"))
    tap.ok(rc == 1 and not os.path.exists(os.path.join(work, "none.pdf")),
           "no slip for a dossier that was not transferred", out + err)
    # The register book shows the transfer apart: where it went and when, instead of a return; counted apart.
    book_csv, book_pdf = os.path.join(work, "so.csv"), os.path.join(work, "so.pdf")
    rc, out, err = run("register", "--from", "2026-11-01", "--to", "2026-11-30", "-o", book_csv)
    rc2, out2, err2 = run("register", "--from", "2026-11-01", "--to", "2026-11-30", "-o", book_pdf)
    rows = list(csv.DictReader(open(book_csv, encoding="utf-8-sig", newline=""))) if rc == 0 else []
    moved = [r for r in rows if r["Mã hồ sơ"] == codes[1]]
    tap.ok(moved and moved[0]["Chuyển đến"] == "UBND phường Bến Thành"
           and moved[0]["Thời điểm chuyển"] == "2026-11-24 08:30" and moved[0]["Trả kết quả"] == ""
           and all(r["Chuyển đến"] == "" for r in rows if r["Mã hồ sơ"] != codes[1]),
           "the register's CSV names the body a dossier was transferred to, and when", err + str(moved))
    book_text = flat(book_pdf) if rc2 == 0 else ""
    # (The narrow cell wraps the body's name: pdftotext reads the words of the row's columns interleaved.)
    tap.ok("Đã chuyển" in book_text and "Bến Thành 24/11/2026 08:30" in book_text
           and "chuyển cơ quan có thẩm quyền: 1." in book_text,
           "the printed register shows the transfer in its row and counts it apart", err2 + book_text[-600:])
    before = events(codes[1])
    rc, out, err = run("handover", codes[1], "--to", SPECIALIST, "--list-pdf", os.path.join(work, "closed.pdf"))
    tap.ok(rc == 1 and events(codes[1]) == before, "a transferred dossier is handed over no more", out + err)

    # The statistics per unit: the desk handed three on in time; the specialist handed one on early (the transfer
    # ended its step on Tuesday 08:30: 1 h 30 and 4 h on Monday, 1 h on Tuesday) and still holds one, past its
    # step's deadline (Wednesday 09:00) on Wednesday at 10:00.
    rc, out, err = run("--json", "stats", "--from", "2026-11-01", "--to", "2026-11-30", MOTCUA_NOW="2026-11-25T10:00")
    units = {u["unit"]: u for u in json.loads(out).get("per_unit", [])} if rc == 0 else {}
    desk, specialist = units.get("Bộ phận Một cửa", {}), units.get(SPECIALIST, {})
    tap.ok(desk.get("steps") == 3 and desk.get("on_time") == 3 and desk.get("late") == 0 and
           desk.get("on_time_rate") == 1.0 and desk.get("held") == 0,
           "stats --json per_unit: the desk's steps handed on, all on time", json.dumps(desk, ensure_ascii=False))
    tap.ok(specialist.get("steps") == 1 and specialist.get("early") == 1 and specialist.get("held") == 1 and
           specialist.get("held_overdue") == 1 and specialist.get("average_working_hours") == 6.5,
           "stats --json per_unit: the specialist's finished step, the working time it took, the one held overdue",
           json.dumps(specialist, ensure_ascii=False))

    # check compares the columns of the process (schema 9) with the history: a holder changed behind the program's
    # back is found.
    rc, out, err = run("check")
    tap.ok(rc == 0, "check: the database equals its history", out + err)
    for column, value in (("held_unit", "Văn thư"), ("held_person", "Người khác"), ("step_due", "0"),
                          ("transferred_to", "UBND khác")):
        target = codes[1] if column == "transferred_to" else codes[0]
        with sqlite3.connect(db) as conn:
            saved = conn.execute(f"SELECT {column} FROM dossier WHERE code = ?", (target,)).fetchone()[0]
            conn.execute(f"UPDATE dossier SET {column} = ? WHERE code = ?", (value, target))
        rc, out, err = run("check")
        tap.ok(rc == 1 and target in err, f"check finds a dossier whose {column} differs from its history", out + err)
        with sqlite3.connect(db) as conn:
            conn.execute(f"UPDATE dossier SET {column} = ? WHERE code = ?", (saved, target))

    shutil.rmtree(work, ignore_errors=True)
    return tap.done()


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2]))
