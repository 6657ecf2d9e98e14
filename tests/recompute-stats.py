#!/usr/bin/env python3
# recompute-stats.py
#
# Copyright 2026 The Một Cửa developers
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# The on-time statistics recomputed from nothing but the register book's CSV, with the rules of domain.md §3.4-3.5
# written out again here, so that a test can hold the app's statistics against an independent count:
#
#   recompute-stats.py REGISTER.csv "YYYY-MM-DD HH:MM"
#
# The register must cover every dossier the period holds (nothing carried over from before it), and the period
# must end at the reference moment given, so that a dossier's present status is its status at the period's end.
# Prints JSON: {"overall": {figures}, "per_procedure": {code: {figures}}}.

import csv
import json
import sys

CHANNELS = {"Trực tiếp": "in_person", "Bưu chính": "post", "Trực tuyến": "online", "Liên thông": "linked"}
SETTLED = {"Đã có kết quả, chờ trả", "Đã trả kết quả"}
PAUSED = "Chờ bổ sung hồ sơ"
REFUSED = "Từ chối tiếp nhận"
STOPPED = "Dừng giải quyết"
IN_PROGRESS = "Đang giải quyết"


def blank():
    return {
        "received": 0, "in_person": 0, "post": 0, "online": 0, "linked": 0,
        "settled": 0, "early": 0, "on_time": 0, "late": 0, "refused": 0, "stopped": 0,
        "in_progress": 0, "on_track": 0, "overdue": 0, "paused": 0, "apologies": 0,
        "late_with_apology": 0, "overdue_with_apology": 0,
    }


def classify(settled, due):
    # "2026-11-23 09:10" strings compare in time order. Early: an earlier day than the due day; on time: by the
    # due moment; late: after it.
    if settled[:10] < due[:10]:
        return "early"
    if settled <= due:
        return "on_time"
    return "late"


def main():
    path, now = sys.argv[1], sys.argv[2]
    with open(path, newline="", encoding="utf-8-sig") as f:
        rows = list(csv.DictReader(f, strict=True))
    overall = blank()
    groups = {}
    for row in rows:
        figures = [overall, groups.setdefault(row["Mã thủ tục"], blank())]
        status = row["Trạng thái"]
        settled = row["Thời điểm có kết quả"]
        due = row["Hẹn trả kết quả"]
        counts = ["received", CHANNELS[row["Hình thức nộp"]]]
        if status in SETTLED:
            if not settled:
                raise SystemExit(f"{row['Mã hồ sơ']}: settled without a time")
            outcome = classify(settled, due)
            counts += ["settled", outcome]
            # Apology coverage: a late dossier that had a letter (a new appointment date).
            if outcome == "late" and row["Hẹn lại (văn bản xin lỗi)"]:
                counts.append("late_with_apology")
        elif status == REFUSED:
            counts.append("refused")
        elif status == STOPPED:
            counts.append("stopped")
        elif status in (PAUSED, IN_PROGRESS):
            counts.append("in_progress")
            if status == PAUSED:
                counts.append("paused")
            elif due < now:
                counts.append("overdue")
                if row["Hẹn lại (văn bản xin lỗi)"]:
                    counts.append("overdue_with_apology")
            else:
                counts.append("on_track")
        else:
            raise SystemExit(f"{row['Mã hồ sơ']}: unknown status {status!r}")
        if row["Hẹn lại (văn bản xin lỗi)"]:
            counts.append("apologies")
        for f in figures:
            for name in counts:
                f[name] += 1
    json.dump({"overall": overall, "per_procedure": groups}, sys.stdout, ensure_ascii=False)


main()
