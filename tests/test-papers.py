#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The papers held to their models (docs/forms.md): every form's required phrases (tests/data/form-models.json),
the proxy who files and signs, Ông or Bà, one issuer on each paper, header lines broken between phrases, nothing
outside the margins, and QR codes that read at 90 dpi.

    test-papers.py MOTCUA-CLI SOURCE-DIR

Prints TAP.
"""

import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

from clirun import run_cli
from tap import Tap

MM = 72 / 25.4
# Nghị định 30/2020: left margin 30 mm, right 15 mm at least; a point of slack for the ink.
LEFT, RIGHT = 30 * MM - 1, (210 - 15) * MM + 1


def pdf_text(path):
    """The text in reading order, then as laid out (a table's cells read whole in the first)."""
    texts = [subprocess.run(["pdftotext"] + mode + [path, "-"], capture_output=True, text=True).stdout
             for mode in ([], ["-layout"])]
    return " || ".join(re.sub(r"\s+", " ", text) for text in texts)


def pdf_words(path, page=1):
    """(text, xMin, yMin, xMax) of every word of one page, from Poppler's word boxes."""
    out = subprocess.run(["pdftotext", "-bbox", "-f", str(page), "-l", str(page), path, "-"],
                         capture_output=True, text=True).stdout
    words = []
    for m in re.finditer(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)</word>', out):
        words.append((m.group(4), float(m.group(1)), float(m.group(2)), float(m.group(3))))
    return words


def same_line(words, first, second):
    """Whether every 'first' directly followed by 'second' in reading order sits on the same line."""
    for i, (text, _x, y, _x2) in enumerate(words[:-1]):
        nxt = words[i + 1]
        if text == first and nxt[0] == second and abs(nxt[2] - y) > 2:
            return False
    return True


def main(cli, source_dir):
    tap = Tap()
    work = tempfile.mkdtemp(prefix="motcua-papers-")
    db = os.path.join(work, "papers.db")
    models = json.load(open(os.path.join(source_dir, "tests", "data", "form-models.json"), encoding="utf-8"))
    env = {"XDG_DATA_HOME": work, "MOTCUA_NOW": "2026-11-23T09:10"}

    def run(*args, **extra):
        return run_cli(cli, ["--db", db] + list(args), **{**env, **extra})

    rc, out, err = run("init", "--office-code", "000.00.12.H40", "--office-name", "UBND xã Tân Lập",
                       "--station", "1", "--place", "Tân Lập")
    tap.ok(rc == 0, "an office is set up without a clerk's name", err)
    for key, value in (("phone", "0912345678"), ("signer_name", "Nguyễn Văn Bình")):
        rc, out, err = run("office", "set", key, value)
        tap.ok(rc == 0, f"office set {key}", err)
    rc, out, err = run("office", "set", "issuer_apology", "province")
    tap.ok(rc == 1, "an issuer other than centre or committee is refused", out + err)

    long_procedure_name = None
    dossiers = {}
    people = {
        # personal ID numbers: the 4th digit says the gender (0 man, 1 woman, 20th century)
        "man": ["--name", "đặng đức anh", "--id-number", "001090012345"],
        "woman": ["--name", "tôn nữ hoàng phương thảo nguyễn thị ngọc bích", "--id-number", "001190012345",
                  "--address", "Số 123 đường Nguyễn Văn Linh, thôn Đông Hòa, xã Tân Lập, tỉnh Bình Phước"],
        "proxy": ["--name", "lê văn tám", "--gender", "male", "--proxy-name", "trần thị mai",
                  "--proxy-id-number", "001190054321", "--proxy-email", "mai@example.vn",
                  "--proxy-authorisation", "Giấy ủy quyền số 12/2026, chứng thực ngày 20/11/2026"],
        "unknown": ["--name", "phạm hồng nhung"],
    }
    rc, out, err = run("--json", "procedures")
    procedures = json.loads(out)["procedures"] if rc == 0 else []
    if procedures:
        long_procedure_name = max(procedures, key=lambda p: len(p["name"]))["code"]
    for who, args in people.items():
        procedure = long_procedure_name if who == "woman" and long_procedure_name else "1.004873"
        rc, out, err = run("--json", "intake", "--procedure", procedure, *args)
        tap.ok(rc == 0, f"intake: {who}", err)
        dossiers[who] = json.loads(out)["code"] if rc == 0 else "none"

    shown = json.loads(run("--json", "show", dossiers["proxy"])[1] or "{}")
    proxy = shown.get("proxy") or {}
    tap.ok(proxy.get("email") == "mai@example.vn" and proxy.get("authorisation", "").startswith("Giấy ủy quyền"),
           "show --json gives the proxy's e-mail and authorisation", json.dumps(proxy, ensure_ascii=False))
    rc, out, err = run("intake", "--procedure", "1.004873", "--name", "an", "--proxy-email", "x@example.vn")
    tap.ok(rc != 0, "a proxy's e-mail without the proxy's name is refused", out + err)

    run("request-supplement", dossiers["man"], "--item", "Bản sao Giấy khai sinh", "--item", "Tờ khai có chữ ký",
        "--reason", "Tờ khai chưa có chữ ký của người yêu cầu", MOTCUA_NOW="2026-11-23T10:00")
    run("refuse", dossiers["unknown"], "--reason", "Không thuộc thẩm quyền giải quyết của xã")
    run("apology", dossiers["woman"], "--reason", "Cần xác minh thêm", "--new-due", "2026-12-04T16:00",
        MOTCUA_NOW="2026-11-25T09:00")
    run("stop", dossiers["proxy"], "--reason", "Người yêu cầu rút hồ sơ", MOTCUA_NOW="2026-11-24T09:00")

    papers = [("slip", "man"), ("slip", "woman"), ("slip", "proxy"), ("slip", "unknown"), ("supplement", "man"),
              ("refusal", "unknown"), ("apology", "woman"), ("stop", "proxy"), ("control", "woman"),
              ("control", "proxy")]
    texts = {}
    for kind, who in papers:
        path = os.path.join(work, f"{kind}-{who}.pdf")
        rc, out, err = run("form", kind, dossiers[who], "-o", path)
        tap.ok(rc == 0, f"form {kind} for {who}", err)
        if rc != 0:
            continue
        text = texts[(kind, who)] = pdf_text(path)
        missing = [phrase for phrase in models[kind] if phrase not in text]
        tap.ok(not missing, f"{kind} ({who}) has every phrase of its model", "missing: " + "; ".join(missing))
        pages = int(re.search(r"Pages:\s+(\d+)", subprocess.run(["pdfinfo", path], capture_output=True,
                                                                  text=True).stdout).group(1))
        for page in range(1, pages + 1):
            words = pdf_words(path, page)
            split = [(a, b) for a, b in (("HÀNH", "CHÍNH"), ("PHỤC", "VỤ"), ("NHÂN", "DÂN"), ("ỦY", "BAN"))
                     if not same_line(words, a, b)]
            tap.ok(not split, f"{kind} ({who}) page {page}: no header line splits a phrase", repr(split))
            outside = [w for w in words if w[1] < LEFT or w[3] > RIGHT]
            tap.ok(not outside, f"{kind} ({who}) page {page}: nothing outside the margins", repr(outside[:5]))

    slip = texts.get(("slip", "proxy"), "")
    tap.ok("mai@example.vn" in slip and "giấy tờ ủy quyền: Giấy ủy quyền số 12/2026" in slip,
           "the slip gives the proxy's e-mail and authorisation paper", slip)
    tap.ok(re.search(r"NGƯỜI NỘP HỒ SƠ.*Trần Thị Mai", slip) is not None and
           not re.search(r"NGƯỜI NỘP HỒ SƠ NGƯỜI TIẾP NHẬN HỒ SƠ \(Ký và ghi rõ họ tên\) \(Ký và ghi rõ họ tên\) Lê Văn Tám",
                         slip),
           "the proxy, who files, signs under NGƯỜI NỘP HỒ SƠ", slip)
    user = os.environ.get("USER") or "root"
    tap.ok(not re.search(r"\b%s\b" % re.escape(user), texts.get(("slip", "man"), "")),
           "the receiver's name is never the system user's", user)
    supplement = texts.get(("supplement", "man"), "")
    tap.ok("1. Bản sao Giấy khai sinh" in supplement and "2. Tờ khai có chữ ký" in supplement and
           "Lý do: Tờ khai chưa có chữ ký của người yêu cầu" in supplement and "0912 345 678" in supplement,
           "the supplement request lists each item, its reason and the office's telephone", supplement)
    apology = texts.get(("apology", "woman"), "")
    tap.ok("Kính gửi: Bà" in apology and "Ông/Bà" not in apology, "a woman is addressed as Bà", apology)
    tap.ok("Số: 01/PXL-UBND" in apology and "TM. ỦY BAN NHÂN DÂN" in apology and "CHỦ TỊCH" in apology and
           "Nguyễn Văn Bình" in apology and "Ủy ban nhân dân xã Tân Lập xin trân trọng" in apology and
           "TRUNG TÂM PHỤC VỤ" not in apology,
           "the apology is the People's Committee's: header, number, text and signer", apology)
    tap.ok("Xin thông báo cho Ông/Bà" in texts.get(("refusal", "unknown"), ""), "Ông/Bà when the gender is unknown")
    tap.ok("Xin thông báo cho Ông được" not in texts.get(("refusal", "unknown"), ""), "no guess without a gender")
    stop = texts.get(("stop", "proxy"), "")
    tap.ok("Số: 01/TBD-TTPVHCC" in stop and "GIÁM ĐỐC" in stop and "Trung tâm Phục vụ hành chính công xã Tân Lập"
           in stop and "Kính gửi: Ông" in stop, "the stop notice is the centre's, to Ông (recorded gender)", stop)
    control = texts.get(("control", "woman"), "")
    tap.ok("Cơ quan (bộ phận) giải quyết hồ sơ: Ủy ban nhân dân xã Tân Lập" in control and
           "xin lỗi" not in control.lower(),
           "the control sheet names the deciding body in full and has no apology row", control)

    rc, out, err = run("office", "set", "issuer_apology", "centre")
    path = os.path.join(work, "apology-centre.pdf")
    run("form", "apology", dossiers["woman"], "-o", path)
    text = pdf_text(path) if os.path.exists(path) else ""
    tap.ok("Số: 01/PXL-TTPVHCC" in text and "GIÁM ĐỐC" in text and "TM. ỦY BAN" not in text and
           "Trung tâm Phục vụ hành chính công xã Tân Lập xin trân trọng" in text,
           "issuer_apology centre: the centre issues and signs the same letter", text)

    path = os.path.join(work, "late.pdf")
    rc, out, err = run("late-list", "--from", "2026-11-01", "--to", "2026-12-31", "-o", path,
                       MOTCUA_NOW="2026-12-10T09:00")
    text = pdf_text(path) if rc == 0 else err
    tap.ok("Số: ……/DS-UBND" in text and "TM. ỦY BAN NHÂN DÂN" in text and "Nguyễn Văn Bình" in text,
           "the late list is a document the committee issues: a Số line and its signer", text)

    # The register book (Mẫu 07): the model's eleven columns, each header in its own column (the column numbers
    # (1)…(11) under them give the columns' places), the last five under "Nhận và trả kết quả"; landscape margins.
    path = os.path.join(work, "register.pdf")
    rc, out, err = run("register", "--from", "2026-11-01", "--to", "2026-11-30", "-o", path)
    model = models["register"]
    text = pdf_text(path) if rc == 0 else err
    missing = [phrase for phrase in model["phrases"] if phrase not in text]
    tap.ok(rc == 0 and not missing, "register has every phrase of its model", "missing: " + "; ".join(missing))
    words = pdf_words(path, 1) if rc == 0 else []
    marks = {}
    for word, x, y, x2 in words:
        if re.fullmatch(r"\((\d+)\)", word) and int(word[1:-1]) not in marks:
            marks[int(word[1:-1])] = ((x + x2) / 2, y)
    columns = model["columns"]
    tap.ok(sorted(marks) == list(range(1, len(columns) + 1)), "register: %d numbered columns" % len(columns),
           repr(sorted(marks)))
    if sorted(marks) == list(range(1, len(columns) + 1)):
        centres = [marks[i][0] for i in range(1, len(columns) + 1)]
        edges = [0] + [(a + b) / 2 for a, b in zip(centres, centres[1:])] + [10000]
        bottom = max(y for _x, y in marks.values()) + 1

        def header_text(first, last):
            chosen = [w for w in words if w[2] < bottom and edges[first - 1] <= (w[1] + w[3]) / 2 < edges[last]]
            return " ".join(w[0] for w in sorted(chosen, key=lambda w: (round(w[2]), w[1])))

        wrong = [(i + 1, phrase, header_text(i + 1, i + 1)) for i, phrase in enumerate(columns)
                 if phrase not in header_text(i + 1, i + 1)]
        tap.ok(not wrong, "register: each column's header is the model's, in its own column", repr(wrong))
        first, last = model["group_columns"]
        group_y = [w[2] for w in words if w[0] == model["group"].split()[0] and w[2] < bottom]
        below = [marks[i][1] for i in range(first, last + 1)]
        tap.ok(model["group"] in header_text(first, last) and
               all(model["group"] not in header_text(i, i) for i in range(1, len(columns) + 1)) and
               group_y and min(group_y) < min(below) - 20,
               "register: \"%s\" spans columns (%d) to (%d), above them" % (model["group"], first, last),
               header_text(first, last))
    landscape_right = (297 - 15) * MM + 1
    outside = [w for w in words if w[1] < LEFT or w[3] > landscape_right]
    tap.ok(rc == 0 and not outside, "register: nothing outside the margins", repr(outside[:5]))

    # QR codes read at an ordinary scan: 90 dpi.
    for name, args in (("slip", ["form", "slip", dossiers["man"]]), ("posting", ["posting-sheets"])):
        path = os.path.join(work, f"qr-{name}.pdf")
        rc, out, err = run(*args, "-o", path)
        subprocess.run(["pdftoppm", "-r", "90", "-png", "-f", "2" if name == "posting" else "1",
                        "-l", "2" if name == "posting" else "1", path, os.path.join(work, f"qr-{name}")])
        pngs = sorted(f for f in os.listdir(work) if f.startswith(f"qr-{name}") and f.endswith(".png"))
        decoded = subprocess.run(["zbarimg", "-q", "--raw", os.path.join(work, pngs[0])] if pngs else ["true"],
                                 capture_output=True, text=True).stdout
        tap.ok(decoded.strip() != "", f"the {name}'s QR code decodes at 90 dpi", err)

    shutil.rmtree(work, ignore_errors=True)
    return tap.done()


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2]))
