#!/usr/bin/env python3
# recompute-fees.py
#
# Copyright 2026 The Một Cửa developers
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# The fee book's totals recomputed from nothing but its CSV, so that a test can hold the app's totals against an
# independent count:
#
#   recompute-fees.py FEES.csv
#
# Prints JSON: {"collected": N, "refunded": N, "net": N, "per_procedure": {code: net of refunds},
# "per_method": {method: collected}}.

import csv
import json
import sys


def recompute(path):
    collected = refunded = 0
    per_procedure = {}
    per_method = {}
    with open(path, encoding="utf-8-sig", newline="") as f:
        for row in csv.DictReader(f):
            amount = int(row["Số tiền"])
            signed = -amount if row["Loại"] == "refund" else amount
            if row["Loại"] == "refund":
                refunded += amount
            else:
                collected += amount
            per_procedure[row["Mã thủ tục"]] = per_procedure.get(row["Mã thủ tục"], 0) + signed
            if row["Loại"] != "refund":
                per_method[row["Hình thức"]] = per_method.get(row["Hình thức"], 0) + amount
    return {"collected": collected, "refunded": refunded, "net": collected - refunded,
            "per_procedure": per_procedure, "per_method": per_method}


if __name__ == "__main__":
    print(json.dumps(recompute(sys.argv[1]), ensure_ascii=False))
