#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Every string the program shows has its Vietnamese: the sources listed in po/POTFILES.in are read afresh with
xgettext (as meson's gettext preset 'glib' reads them), po/vi.po is merged with what was found, and the test fails
on a message left untranslated or fuzzy, on a source with strings missing from POTFILES.in, and on vi.po errors.

    test-translations.py SOURCE-ROOT

Prints TAP.
"""

import os
import re
import subprocess
import sys
import tempfile

from tap import Tap

KEYWORDS = ["_", "N_", "C_:1c,2", "NC_:1c,2", "g_dcgettext:2", "g_dngettext:2,3", "g_dpgettext2:2c,3"]
MARKER = re.compile(r"\b(N?C?_|g_dngettext|g_dpgettext2)\s*\(")


def main(root):
    tap = Tap()
    os.chdir(root)
    listed = [line.strip() for line in open("po/POTFILES.in", encoding="utf-8")
              if line.strip() and not line.startswith("#")]
    missing = [path for path in listed if not os.path.exists(path)]
    tap.ok(not missing, "every file listed in po/POTFILES.in exists", "\n".join(missing))

    tracked = subprocess.run(["git", "ls-files", "src/*.c", "ui/*.ui"], capture_output=True, text=True)
    if tracked.returncode == 0 and tracked.stdout:
        unlisted = []
        for path in tracked.stdout.split():
            with open(path, encoding="utf-8") as f:
                text = f.read()
            marked = 'translatable="yes"' in text if path.endswith(".ui") else MARKER.search(text) is not None
            if marked and path not in listed:
                unlisted.append(path)
        tap.ok(not unlisted, "every source with translatable strings is in po/POTFILES.in", "\n".join(unlisted))

    with tempfile.TemporaryDirectory() as work:
        pot = os.path.join(work, "motcua.pot")
        args = ["xgettext", "--from-code=UTF-8", "--add-comments", "--package-name=motcua", "-o", pot]
        args += [f"--keyword={k}" for k in KEYWORDS]
        args += ["--flag=g_strdup_printf:1:c-format", "--flag=g_set_error:4:c-format",
                 "--flag=g_dngettext:2:pass-c-format", "--flag=g_print:1:c-format",
                 "--flag=g_printerr:1:c-format"]
        result = subprocess.run(args + listed, capture_output=True, text=True)
        tap.ok(result.returncode == 0, "xgettext reads every listed source", result.stderr)
        merged = os.path.join(work, "vi.po")
        result = subprocess.run(["msgmerge", "--quiet", "--no-fuzzy-matching", "-o", merged, "po/vi.po", pot],
                                capture_output=True, text=True)
        tap.ok(result.returncode == 0, "po/vi.po merges with the strings of the sources", result.stderr)
        result = subprocess.run(["msgfmt", "--check", "--statistics", "-o", os.devnull, merged],
                                capture_output=True, text=True)
        stats = result.stderr.strip()
        tap.ok(result.returncode == 0, "po/vi.po is valid, its formats matching the English", stats)
        untranslated = re.search(r"(\d+) untranslated", stats)
        fuzzy = re.search(r"(\d+) fuzzy", stats)
        detail = stats
        if untranslated or fuzzy:
            shown = subprocess.run(["msgattrib", "--untranslated", "--only-fuzzy", merged], capture_output=True,
                                   text=True).stdout
            shown += subprocess.run(["msgattrib", "--untranslated", merged], capture_output=True, text=True).stdout
            detail += "\n" + "\n".join(line for line in shown.splitlines() if line.startswith("msgid"))
        tap.ok(untranslated is None and fuzzy is None, "every message of the program has its Vietnamese", detail)
    tap.done()


if __name__ == "__main__":
    main(sys.argv[1])
