#!/usr/bin/env python3
# crash-test.py
#
# Copyright 2026 The Một Cửa developers
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Crash safety: intakes and lifecycle actions through `motcua-cli`, each a process that is killed with SIGKILL at a
# random moment of its run (before, during or after its commit), again and again. After every kill:
#
#   - `motcua-cli check` passes: SQLite's integrity check, the search index, one row per received dossier, no
#     code given twice, every dossier's row equal to a fresh fold of its events;
#   - every dossier whose command reported success is there, with at least the events of every action reported
#     successful on it, and at most those plus the actions that were killed (a killed action either happened
#     whole or not at all).
#
# Among the commands, sync passes (`sync --dir`) of this workstation and of a second one sharing the folder, killed
# at random moments too. After a killed pass, both databases pass `motcua-cli check`, the folder holds only whole
# files (a third workstation's pass reads every one of them and finds none damaged or cut short) and, at most, the
# killed workstation's own temporary file, which its next pass removes; at the end, passes that run to completion
# leave the two workstations holding the same events.
#
#   crash-test.py MOTCUA-CLI [--kills N] [--seed S]      (CI runs a short series; the long run is 500)
#
# Exit status 0 when every check held; the first failure stops the run with a message.

import argparse
import hashlib
import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time

PROCEDURES = ["1.004873", "1.001193", "1.004884", "1.004222", "2.000815"]
SURNAMES = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ", "Hồ"]
GIVEN = ["Thị Phương Thảo", "Văn Anh", "Đức Minh", "Thị Hồng Nhung", "Quang Huy", "Thu Hà", "Ngọc Ánh"]


def run(cli, db, args, kill_after=None, **env):
    """Runs one command; returns (status, stdout) or (None, "") when it was killed before it finished."""
    proc = subprocess.Popen([cli, "--db", db, "--json"] + args, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            env=dict(os.environ, MOTCUA_NOW="", **env))
    if kill_after is not None:
        try:
            out, _ = proc.communicate(timeout=kill_after)
            return proc.returncode, out.decode()
        except subprocess.TimeoutExpired:
            proc.send_signal(signal.SIGKILL)
            proc.communicate()
            return None, ""
    out, err = proc.communicate()
    return proc.returncode, out.decode() + err.decode()


def action_for(rng, codes, documents):
    if not codes or rng.random() < 0.45:
        name = f"{rng.choice(SURNAMES)} {rng.choice(GIVEN)}"
        return None, ["intake", "--procedure", rng.choice(PROCEDURES), "--name", name,
                      "--phone", f"09{rng.randrange(10**8):08d}", "--address", "Thôn Đông, xã Tân Lập"]
    code = rng.choice(codes)
    kind = rng.choice(["result-ready", "return", "request-supplement", "complete-supplement", "apology", "correct",
                       "attach"])
    if kind == "attach":
        return code, [kind, code, rng.choice(documents), "--component", "Giấy chứng sinh"]
    if kind == "request-supplement":
        return code, [kind, code, "--reason", "Thiếu bản sao giấy khai sinh"]
    if kind == "apology":
        return code, [kind, code, "--reason", "Cần xác minh thêm", "--new-due", "2099-12-31T17:00"]
    if kind == "correct":
        return code, [kind, code, "--field", "phone", "--value", f"08{rng.randrange(10**8):08d}",
                      "--reason", "Người dân báo số mới"]
    return code, [kind, code]


def fail(message):
    print(f"crash-test: FAIL: {message}", file=sys.stderr)
    sys.exit(1)


def verify(cli, db, acked, killed, documents=True):
    status, out = run(cli, db, ["check"])
    if status != 0:
        fail(f"motcua-cli check: {out.strip()}")
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        counts = dict(conn.execute("SELECT d.code, count(e.id) FROM dossier d JOIN event e"
                                   " ON e.dossier_uuid = d.uuid GROUP BY d.code"))
    finally:
        conn.close()
    # Every digitised document an event refers to is on the disk, whole: documents are written before their
    # event, so a kill can leave a document without an event, never the reverse.
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        hashes = [row[0] for row in conn.execute("SELECT json_extract (payload, '$.hash') FROM event"
                                                 " WHERE kind = 'digitised'")]
    finally:
        conn.close()
    # (A workstation that received the events through the sync folder holds no documents: they travel only in
    # exports made with them.)
    for digest in hashes if documents else []:
        path = os.path.join(db + ".attachments", digest[:2], digest)
        if not os.path.isfile(path):
            fail(f"{os.path.basename(db)}: document {digest} is recorded and missing")
        with open(path, "rb") as f:
            if hashlib.sha256(f.read()).hexdigest() != digest:
                fail(f"{os.path.basename(db)}: document {digest} is damaged")
    for code, n in acked.items():
        if code not in counts:
            fail(f"{code} was acknowledged and is gone")
        if counts[code] < n:
            fail(f"{code}: {n} actions acknowledged, {counts[code]} events stored")
        if counts[code] > n + killed.get(code, 0):
            fail(f"{code}: {counts[code]} events stored, more than the {n} acknowledged and "
                 f"{killed.get(code, 0)} interrupted actions")


PASSPHRASE = "Tân Lập một cửa 2026"


def set_up_station(cli, db, station):
    status, out = run(cli, db, ["init", "--office-code", "000.00.12.H40", "--office-name", "UBND xã Tân Lập",
                                "--station", str(station), "--place", "Tân Lập"])
    if status != 0:
        fail(f"init of workstation {station}: {out}")
    status, out = run(cli, db, ["passphrase"], MOTCUA_SYNC_PASSPHRASE=PASSPHRASE, MOTCUA_PWHASH_FAST="1")
    if status != 0:
        fail(f"passphrase of workstation {station}: {out}")


def sync_pass(cli, db, folder, kill_after=None):
    status, out = run(cli, db, ["sync", "--dir", folder], kill_after)
    if status is not None and status != 0:
        fail(f"sync --dir on {os.path.basename(db)} exited with status {status}: {out}")
    return None if status is None else json.loads(out)


def verify_folder(cli, folder, observer, killed_db):
    """After a killed pass: only whole files and the killed workstation's own temporary file; none damaged."""
    for name in os.listdir(folder):
        if name.endswith(".motcua"):
            continue
        if not name.endswith(".tmp"):
            fail(f"{name} left in the sync folder")
    report = sync_pass(cli, observer, folder)
    bad = [note for note in report["notes"] if note["problem"] != "other-office"]
    if bad:
        fail(f"after a pass of {os.path.basename(killed_db)} was killed, the folder holds unsound files: {bad}")


def event_uuids(db):
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        return [row[0] for row in conn.execute("SELECT uuid FROM event ORDER BY uuid")]
    finally:
        conn.close()


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("cli")
    parser.add_argument("--kills", type=int, default=40)
    parser.add_argument("--seed", type=int, default=int(time.time()))
    args = parser.parse_args()
    rng = random.Random(args.seed)

    with tempfile.TemporaryDirectory(prefix="motcua-crash-") as tmp:
        db = os.path.join(tmp, "motcua.db")
        other = os.path.join(tmp, "station2.db")
        observer = os.path.join(tmp, "station3.db")
        folder = os.path.join(tmp, "shared")
        os.mkdir(folder)
        for path, station in ((db, 1), (other, 2), (observer, 3)):
            set_up_station(args.cli, path, station)
        passes = 0
        documents = []
        for i in range(5):
            path = os.path.join(tmp, f"scan-{i}.pdf")
            with open(path, "wb") as f:
                f.write(b"%PDF-1.4\n" + os.urandom(200_000 * (i + 1)) + b"\n%%EOF\n")
            documents.append(path)

        acked = {}     # code → actions reported successful (its intake included)
        killed = {}    # code → actions interrupted by a kill
        durations = []
        kills = 0
        actions = 0
        pass_durations = []
        while kills < args.kills:
            if acked and rng.random() < 0.25:
                # A pass of either workstation, killed at a random moment of a typical pass or left to finish.
                target = rng.choice([db, other])
                window = (sorted(pass_durations)[len(pass_durations) // 2] if len(pass_durations) >= 3 else 0.1) * 1.3
                kill_after = rng.uniform(0, window) if rng.random() < 0.5 else None
                started = time.monotonic()
                report = sync_pass(args.cli, target, folder, kill_after)
                passes += 1
                if report is None:
                    kills += 1
                    verify(args.cli, db, acked, killed)
                    verify(args.cli, other, {}, {}, documents=False)
                    verify_folder(args.cli, folder, observer, target)
                else:
                    pass_durations.append(time.monotonic() - started)
                continue
            code, command = action_for(rng, list(acked), documents)
            # A kill at a random moment of a typical run: early (opening), mid-commit or after the answer.
            window = (sorted(durations)[len(durations) // 2] if len(durations) >= 5 else 0.03) * 1.3
            kill_after = rng.uniform(0, window) if rng.random() < 0.5 else None
            started = time.monotonic()
            status, out = run(args.cli, db, command, kill_after)
            actions += 1
            if status is None:
                kills += 1
                if code is not None:
                    killed[code] = killed.get(code, 0) + 1
                # An interrupted intake may or may not have created a dossier: the verification below takes the
                # database's word for dossiers nobody was told about, but they must still be sound.
                verify(args.cli, db, acked, killed)
                continue
            durations.append(time.monotonic() - started)
            if status == 0:
                if command[0] == "intake":
                    acked[json.loads(out)["code"]] = 1
                else:
                    acked[code] += 1
            elif status != 1:
                fail(f"{' '.join(command)} exited with status {status}: {out}")
        verify(args.cli, db, acked, killed)
        # Passes left to finish: the temporary files of killed passes gone, the two workstations in step.
        for path in (db, other, db, other):
            report = sync_pass(args.cli, path, folder)
            if report["notes"]:
                fail(f"a pass after the kills left notes: {report['notes']}")
        leftovers = [name for name in os.listdir(folder) if not name.endswith(".motcua")]
        if leftovers:
            fail(f"left in the sync folder after passes ran to completion: {leftovers}")
        verify(args.cli, other, acked, killed, documents=False)
        if event_uuids(db) != event_uuids(other):
            fail("the two workstations do not hold the same events after passes ran to completion")
        print(f"crash-test: {kills} kills among {actions} commands and {passes} sync passes (seed {args.seed}); "
              f"{len(acked)} acknowledged dossiers, all present with their events; the two workstations in step; "
              f"every check passed")


main()
