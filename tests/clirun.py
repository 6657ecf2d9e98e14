# SPDX-License-Identifier: GPL-3.0-or-later
"""motcua-cli run as a real process by the Python tests, in an environment without the caller's settings."""

import os
import subprocess


def clean_env(**extra):
    """The caller's environment without the program's variables and language; EXTRA set (None removes)."""
    env = dict(os.environ)
    for name in ("MOTCUA_DB", "MOTCUA_NOW", "MOTCUA_SYNC_PASSPHRASE", "MOTCUA_USER", "MOTCUA_PIN",
                 "MOTCUA_NEW_PIN", "LANGUAGE", "LC_ALL", "LC_MESSAGES"):
        env.pop(name, None)
    env["MOTCUA_PWHASH_FAST"] = "1"
    for key, value in extra.items():
        if value is None:
            env.pop(key, None)
        else:
            env[key] = value
    return env


def run_cli(cli, args, stdin=subprocess.DEVNULL, **env):
    """Runs CLI ARGS; returns (exit status, stdout, stderr)."""
    proc = subprocess.run([cli] + list(args), env=clean_env(**env), stdin=stdin, capture_output=True, text=True,
                          timeout=120)
    return proc.returncode, proc.stdout, proc.stderr
