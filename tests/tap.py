# SPDX-License-Identifier: GPL-3.0-or-later
"""The TAP output of the Python tests (meson reads it with protocol: 'tap')."""

import sys


class Tap:
    def __init__(self):
        self.count = 0
        self.failed = 0

    def ok(self, condition, name, detail=""):
        self.count += 1
        print(f"{'ok' if condition else 'not ok'} {self.count} - {name}", flush=True)
        if not condition:
            self.failed += 1
            for line in str(detail).splitlines()[:40]:
                print(f"# {line}", flush=True)
        return condition

    def skip_all(self, reason):
        print(f"1..0 # SKIP {reason}", flush=True)
        sys.exit(0)

    def done(self):
        print(f"1..{self.count}", flush=True)
        sys.exit(1 if self.failed else 0)
