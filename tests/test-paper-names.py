#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""One name per paper (docs/glossary.md, docs/forms.md): the desk's Vietnamese (po/vi.po), the user guide (help/C)
and the command line's help use each model's name and never an old one; the dossier page's paper buttons carry
the model's full title as their tooltip.

    test-paper-names.py SOURCE-ROOT

Prints TAP.
"""

import glob
import json
import os
import re
import sys
import xml.etree.ElementTree as ET

from tap import Tap

# The names the papers no longer go by: the 2018 apology (Phiếu xin lỗi và hẹn lại ngày trả kết quả), short or
# in full. The 2018 title is printed only on the paper itself, with form_numbering 2018.
OLD_NAMES = [r"phiếu xin lỗi", r"hẹn lại ngày trả kết quả\?"]


def po_translations(path):
    """msgid → msgstr of a .po file (plural forms: the first)."""
    text = open(path, encoding="utf-8").read()
    pairs = {}
    for block in text.split("\n\n"):
        def joined(keyword):
            m = re.search(r'^%s "(.*)"\n((?:".*"\n?)*)' % re.escape(keyword), block + "\n", re.M)
            if not m:
                return None
            return m.group(1) + "".join(re.findall(r'^"(.*)"$', m.group(2), re.M))
        msgid = joined("msgid")
        msgstr = joined("msgstr") or joined("msgstr[0]")
        if msgid:
            pairs[msgid] = msgstr or ""
    return pairs


def main(root):
    tap = Tap()
    po = po_translations(os.path.join(root, "po", "vi.po"))
    models = json.load(open(os.path.join(root, "tests", "data", "form-models.json"), encoding="utf-8"))

    found = [(msgid, msgstr) for msgid, msgstr in po.items()
             if any(re.search(name, msgstr, re.I) for name in OLD_NAMES)]
    tap.ok(not found, "vi.po: no message uses an old name of a paper", "\n".join("%s → %s" % f for f in found))

    found = []
    for page in sorted(glob.glob(os.path.join(root, "help", "C", "*.page"))):
        for number, line in enumerate(open(page, encoding="utf-8"), 1):
            if any(re.search(name, line, re.I) for name in OLD_NAMES):
                found.append("%s:%d: %s" % (os.path.basename(page), number, line.strip()[:160]))
    tap.ok(not found, "the guide uses no old name of a paper", "\n".join(found))

    # The dossier page: each paper's button says its short name, with the model's full title as its tooltip.
    # The paper buttons are on the page, the steps (the apology letter's among them) in its summary at the top.
    objects = [obj for ui in ("mc-dossier-window.ui", "mc-dossier-summary.ui")
               for obj in ET.parse(os.path.join(root, "ui", ui)).iter("object")]
    buttons = {}
    for obj in objects:
        props = {p.get("name"): (p.text or "") for p in obj.findall("property")}
        if props.get("action-name") == "dossier.preview-form":
            buttons[props.get("action-target", "").strip("'")] = props
        elif props.get("action-name") == "dossier.apology":
            buttons["apology-write"] = props
    for kind in ("slip", "supplement", "refusal", "apology", "stop", "control", "apology-write"):
        props = buttons.get(kind, {})
        tooltip = po.get(props.get("tooltip-text", ""), "")
        title = models[kind.split("-")[0]][1]
        tap.ok(tooltip.upper() == title, "dossier page, %s: the tooltip is the model's title" % kind,
               "%r → %r, the model: %r" % (props.get("tooltip-text"), tooltip, title))
    label = po.get(buttons.get("apology-write", {}).get("label", ""), "")
    tap.ok(label.replace("_", "") == "Lập văn bản xin lỗi…", "dossier page: the button to write the letter is short",
           label)
    return tap.done()


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
