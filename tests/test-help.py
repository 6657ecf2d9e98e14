#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The user guide as it ships: test-help.py SOURCE-ROOT BUILD-ROOT

- every page of help/C and every image is installed (meson's install plan) under share/help/C/motcua/;
- the pages are valid Mallard (yelp-check, where installed), and every link and image they name exists;
- every label the guide shows as <gui> is one the program shows (a translation in po/vi.po);
- every help topic the program opens (MC_HELP ("…") in src/app, the targets of app.help in ui/) names an
  installed page, and its section when it names one.

Prints TAP.
"""

import glob
import json
import os
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET

MALLARD = "{http://projectmallard.org/1.0/}"

from tap import Tap


def po_labels(path):
    """Every translation in a .po file, without mnemonics."""
    labels = set()
    key = None
    entry = {}

    def flush():
        for k, v in entry.items():
            if k.startswith("msgstr") and v:
                labels.add(v.replace("_", "").strip())
        entry.clear()

    for line in open(path, encoding="utf-8"):
        line = line.strip()
        if not line:
            flush()
            continue
        if line.startswith("#"):
            continue
        match = re.match(r'(msgctxt|msgid|msgid_plural|msgstr(?:\[\d\])?)\s+(".*")$', line)
        if match:
            key = match.group(1)
            entry[key] = json.loads(match.group(2))
        elif line.startswith('"') and key:
            entry[key] += json.loads(line)
    flush()
    return labels


def is_label(text, labels):
    """A label, as the guide may name it: whole, without its ellipsis, or without a trailing "(…)" hint."""
    text = text.strip()
    if text in labels or text + "…" in labels or text.rstrip("…") in labels:
        return True
    return any(label.startswith(text + " (") for label in labels)


def main(source_root, build_root):
    tap = Tap()
    help_dir = os.path.join(source_root, "help", "C")
    pages = sorted(glob.glob(os.path.join(help_dir, "*.page")))
    media = sorted(glob.glob(os.path.join(help_dir, "media", "*")))
    tap.ok(len(pages) > 10 and media, "the guide has its pages and images", pages)

    # Installed: meson's install plan for this build.
    plan = subprocess.run(["meson", "introspect", build_root, "--installed"], capture_output=True, text=True)
    installed = json.loads(plan.stdout or "{}")
    destinations = {os.path.realpath(src): dest for src, dest in installed.items()}
    missing = []
    for path in pages + media:
        dest = destinations.get(os.path.realpath(path))
        relative = os.path.relpath(path, help_dir)
        if dest is None or not dest.endswith(os.path.join("help", "C", "motcua", relative)):
            missing.append(f"{relative} → {dest}")
    tap.ok(not missing, "every page and image is installed under share/help/C/motcua/", "\n".join(missing))

    # Valid Mallard.
    yelp_check = shutil.which("yelp-check")
    if yelp_check:
        result = subprocess.run([yelp_check, "validate"] + pages, capture_output=True, text=True)
        tap.ok(result.returncode == 0 and "fails to validate" not in result.stdout,
               "yelp-check validate: every page is valid Mallard", result.stdout + result.stderr)
    else:
        print("# yelp-check not installed (Debian: yelp-tools): the schema check is skipped", flush=True)

    # Links, images, sections.
    sections = {}
    trees = {}
    for path in pages:
        tree = ET.parse(path)
        page_id = tree.getroot().get("id")
        trees[page_id] = tree
        sections[page_id] = {s.get("id") for s in tree.iter(MALLARD + "section")}
    tap.ok(set(trees) == {os.path.basename(p)[:-5] for p in pages}, "every page's id is its file name",
           sorted(trees))

    def names_topic(topic):
        page, _, section = topic.partition("#")
        return page in sections and (not section or section in sections[page])

    broken = []
    for page_id, tree in trees.items():
        for element in tree.iter():
            xref = element.get("xref")
            if xref and not names_topic(xref):
                broken.append(f"{page_id}: xref {xref}")
            if element.tag == MALLARD + "media":
                if not os.path.exists(os.path.join(help_dir, element.get("src"))):
                    broken.append(f"{page_id}: image {element.get('src')}")
    tap.ok(not broken, "every link and image of the guide exists", "\n".join(broken))

    # The labels of the program, as the guide names them.
    labels = po_labels(os.path.join(source_root, "po", "vi.po"))
    unknown = []
    for page_id, tree in trees.items():
        for gui in tree.iter(MALLARD + "gui"):
            text = "".join(gui.itertext())
            if not is_label(text, labels):
                unknown.append(f"{page_id}: {text}")
    tap.ok(not unknown, "every <gui> of the guide is a label of the program (po/vi.po)", "\n".join(unknown))

    # The topics the program opens.
    topics = set()
    for path in glob.glob(os.path.join(source_root, "src", "app", "*.c")):
        text = open(path, encoding="utf-8").read()
        topics |= {(os.path.basename(path), t) for t in re.findall(r'MC_HELP \("([^"]*)"\)', text)}
    for path in glob.glob(os.path.join(source_root, "ui", "*.ui")):
        text = open(path, encoding="utf-8").read()
        for match in re.finditer(r'<property name="action-name">app\.help</property>\s*'
                                 r'<property name="action-target">\'([^\']*)\'</property>', text):
            topics.add((os.path.basename(path), match.group(1)))
        if "app.help" in text and not re.search(r"app\.help</(property|attribute)>\s*<(property|attribute) "
                                                r"name=\"(action-)?target\"", text):
            topics.add((os.path.basename(path), "app.help without a target"))
    tap.ok(len(topics) >= 15, f"the program opens {len(topics)} topics", sorted(topics))
    wrong = [f"{where}: {topic}" for where, topic in sorted(topics) if topic and not names_topic(topic)]
    tap.ok(not wrong, "every help topic the program opens names an installed page and section", "\n".join(wrong))

    tap.done()


if __name__ == "__main__":
    if len(sys.argv) != 3:
        print(__doc__, file=sys.stderr)
        sys.exit(2)
    main(sys.argv[1], sys.argv[2])
