#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Every documented option and environment variable of both programs, tried from outside as real processes.

    test-options.py cli MOTCUA-CLI
        The global options and environment of motcua-cli (docs/cli.md, docs/motcua-cli.1).
    test-options.py desk BUILD-ROOT PREFIX SOURCE-ROOT
        motcua as a user gets it: installed into PREFIX (which must lie inside BUILD-ROOT), started under the
        test run's X display with the settings a desktop session gives it, and read back through its accessible
        tree (AT-SPI) and the files it holds open. Its options and environment (docs/motcua.1), and the window in
        Vietnamese on a Vietnamese desktop.

Prints TAP.
"""

import json
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time

from clirun import clean_env
from tap import Tap

PASSPHRASE = "mười hai chữ cái bí mật"


# ---------------------------------------------------------------------------------------------------------------
# motcua-cli
# ---------------------------------------------------------------------------------------------------------------

def cli_tests(cli):
    tap = Tap()
    work = tempfile.mkdtemp(prefix="motcua-options-")
    home = os.path.join(work, "home")
    os.makedirs(home)

    def run(args, stdin=subprocess.DEVNULL, **env):
        env.setdefault("XDG_DATA_HOME", home)
        proc = subprocess.run([cli] + args, env=clean_env(**env), stdin=stdin, capture_output=True, text=True,
                              timeout=120)
        return proc.returncode, proc.stdout, proc.stderr

    def init(db):
        return run(["--db", db, "init", "--office-code", "000.00.12.H40", "--office-name", "UBND xã Tân Lập",
                    "--station", "1", "--place", "Tân Lập", "--clerk", "Lê Thu Hà"])

    a = os.path.join(work, "a.db")
    b = os.path.join(work, "b.db")
    rc, out, err = init(a)
    tap.ok(rc == 0 and os.path.exists(a), "--db PATH before the command: init creates that file", err)
    rc, out, err = run(["init", "--office-code", "000.00.12.H41", "--office-name", "UBND xã Tân Hòa",
                        "--station", "2", f"--db={b}"])
    tap.ok(rc == 0 and os.path.exists(b), "--db=PATH after the command: init creates that file", err)

    # The office tells which file was read: a.db holds H40, b.db H41.
    def office_of(*args, **env):
        rc, out, err = run(list(args) + ["intake", "--procedure", "2.000815", "--name", "Nguyễn Thị Hoa",
                                         "--json"], **env)
        if rc != 0:
            return f"exit {rc}: {err}"
        return json.loads(out)["code"].split("-")[0]

    tap.ok(office_of("--db", a) == "000.00.12.H40", "--db PATH: the command works on that database")
    tap.ok(office_of(f"--db={b}") == "000.00.12.H41", "--db=PATH: the command works on that database")
    tap.ok(office_of(MOTCUA_DB=b) == "000.00.12.H41", "MOTCUA_DB: the database when --db is not given")
    tap.ok(office_of("--db", a, MOTCUA_DB=b) == "000.00.12.H40", "--db wins over MOTCUA_DB")

    # Unset and empty MOTCUA_DB: the default database under $XDG_DATA_HOME.
    default = os.path.join(home, "motcua", "motcua.db")
    rc, out, err = run(["init", "--office-code", "000.00.12.H42", "--office-name", "UBND xã Tân Phú",
                        "--station", "3"], MOTCUA_DB="")
    tap.ok(rc == 0 and os.path.exists(default),
           "empty MOTCUA_DB: init creates $XDG_DATA_HOME/motcua/motcua.db", err)
    tap.ok(office_of() == "000.00.12.H42", "unset MOTCUA_DB: the default database under $XDG_DATA_HOME")
    tap.ok(os.stat(default).st_mode & 0o777 == 0o600, "the default database is created with mode 0600")

    # --json before or after the command; text without it.
    rc1, out1, _ = run(["--json", "lunar", "2026-02-17"])
    rc2, out2, _ = run(["lunar", "2026-02-17", "--json"])
    rc3, out3, _ = run(["lunar", "2026-02-17"])
    try:
        lunar = json.loads(out1)
        same = json.loads(out2) == lunar
    except ValueError:
        lunar, same = {}, False
    tap.ok(rc1 == 0 and lunar.get("day") == 1 and lunar.get("month") == 1, "--json before the command: JSON",
           out1)
    tap.ok(rc2 == 0 and same, "--json after the command: the same JSON", out2)
    tap.ok(rc3 == 0 and not out3.lstrip().startswith("{"), "without --json: text", out3)

    rc, out, err = run(["--version"])
    tap.ok(rc == 0 and re.fullmatch(r"motcua-cli \d+\.\d+\.\d+\n", out) is not None, "--version", out + err)
    rc, out, err = run(["--help"])
    tap.ok(rc == 0 and "intake" in out and "--db" in out and "--json" in out, "--help lists the commands", err)
    rc, out, err = run(["intake", "--help"])
    tap.ok(rc == 0 and "--procedure" in out, "COMMAND --help describes the command's options", err)
    rc, out, err = run(["--no-such-option", "lunar", "2026-02-17"])
    tap.ok(rc == 2 and "--help" in err and out == "", "an unknown option: exit status 2 and a hint", err)

    # MOTCUA_NOW: the receipt time of an intake, and the real clock when empty.
    rc, out, err = run(["--db", a, "--json", "intake", "--procedure", "2.000815", "--name", "Trần Văn Bình"],
                       MOTCUA_NOW="2026-11-23T09:10")
    tap.ok(rc == 0 and json.loads(out)["received"].startswith("2026-11-23T09:10"),
           "MOTCUA_NOW: the default receipt time", out + err)
    rc, out, err = run(["--db", a, "--json", "intake", "--procedure", "2.000815", "--name", "Trần Văn Bình"],
                       MOTCUA_NOW="")
    now = time.strftime("%Y-%m-%d", time.gmtime(time.time() + 7 * 3600))
    tap.ok(rc == 0 and json.loads(out)["received"].startswith(now), "empty MOTCUA_NOW: the real clock",
           out + err)

    # MOTCUA_SYNC_PASSPHRASE: set, the passphrase and the export work; unset without a terminal, a clear refusal
    # that writes nothing.
    bundle = os.path.join(work, "a.motcua")
    rc, out, err = run(["--db", a, "passphrase"])
    tap.ok(rc == 1 and "MOTCUA_SYNC_PASSPHRASE" in err and len(err.strip().splitlines()) == 1,
           "no MOTCUA_SYNC_PASSPHRASE and no terminal: one line naming the variable, exit status 1", err)
    rc, out, err = run(["--db", a, "export", "-o", bundle])
    tap.ok(rc == 1 and not os.path.exists(bundle), "no key and no passphrase: export writes nothing", err)
    rc, out, err = run(["--db", a, "passphrase"], MOTCUA_SYNC_PASSPHRASE=PASSPHRASE)
    tap.ok(rc == 0, "MOTCUA_SYNC_PASSPHRASE: passphrase sets the office key", err)
    rc, out, err = run(["--db", a, "export", "-o", bundle])
    tap.ok(rc == 0 and os.path.exists(bundle), "export with the stored key", err)
    c = os.path.join(work, "c.db")
    run(["--db", c, "init", "--office-code", "000.00.12.H40", "--office-name", "UBND xã Tân Lập", "--station", "2"])
    rc, out, err = run(["--db", c, "import", bundle], MOTCUA_SYNC_PASSPHRASE="not the passphrase")
    tap.ok(rc == 1, "MOTCUA_SYNC_PASSPHRASE wrong: import refused", err)
    rc, out, err = run(["--db", c, "--json", "import", bundle], MOTCUA_SYNC_PASSPHRASE=PASSPHRASE)
    tap.ok(rc == 0 and office_of("--db", c) == "000.00.12.H40",
           "MOTCUA_SYNC_PASSPHRASE: import on a station that holds no key yet", err)
    above = os.path.join(work, "above.db")
    run(["--db", above, "init", "--office-code", "000.00.12.H00", "--office-name", "UBND tỉnh", "--station", "1"])
    rc, out, err = run(["--db", above, "office-key", "000.00.12.H40"], MOTCUA_SYNC_PASSPHRASE=PASSPHRASE)
    rc2, out2, err2 = run(["--db", above, "--json", "import", bundle])
    tap.ok(rc == 0 and rc2 == 0, "MOTCUA_SYNC_PASSPHRASE: office-key, then that office's bundle imports",
           err + err2)

    # MOTCUA_USER, MOTCUA_PIN, MOTCUA_NEW_PIN: accounts and sign-in.
    rc, out, err = run(["--db", a, "account", "add", "ha.lt", "--name", "Lê Thu Hà", "--role", "administrator"],
                       MOTCUA_NEW_PIN="1357")
    tap.ok(rc == 0, "MOTCUA_NEW_PIN: the first account's PIN", err)
    rc, out, err = run(["--db", a, "account", "list"])
    tap.ok(rc == 1 and "MOTCUA_USER" in err, "with accounts, no MOTCUA_USER: refused, naming the variable", err)
    rc, out, err = run(["--db", a, "account", "list"], MOTCUA_USER="ha.lt", MOTCUA_PIN="0000")
    tap.ok(rc == 1, "MOTCUA_PIN wrong: refused", err)
    rc, out, err = run(["--db", a, "--json", "account", "list"], MOTCUA_USER="ha.lt", MOTCUA_PIN="1357")
    tap.ok(rc == 0 and "ha.lt" in out, "MOTCUA_USER and MOTCUA_PIN: signed in", err)

    shutil.rmtree(work, ignore_errors=True)
    tap.done()


# ---------------------------------------------------------------------------------------------------------------
# motcua, installed
# ---------------------------------------------------------------------------------------------------------------

def po_translations(path):
    """msgid → msgstr of the messages without a context, read from a .po file."""
    table = {}
    entry = {}
    key = None

    def unquote(text):
        return json.loads(text)

    def flush():
        if "msgid" in entry and "msgctxt" not in entry and entry.get("msgstr"):
            table[entry["msgid"]] = entry["msgstr"]
        entry.clear()

    with open(path, encoding="utf-8") as po:
        for line in po:
            line = line.strip()
            if not line or line.startswith("#"):
                if not line:
                    flush()
                continue
            match = re.match(r'(msgctxt|msgid|msgstr|msgid_plural|msgstr\[0\])\s+(".*")$', line)
            if match:
                key = {"msgstr[0]": "msgstr"}.get(match.group(1), match.group(1))
                entry[key] = unquote(match.group(2))
            elif line.startswith('"') and key:
                entry[key] += unquote(line)
    flush()
    return table


def application_id(path):
    """The four letters of a SQLite file's application id (its write-ahead log included)."""
    import sqlite3
    try:
        with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as db:
            value = db.execute("PRAGMA application_id").fetchone()[0]
        return value.to_bytes(4, "big").decode("ascii", "replace")
    except sqlite3.Error as error:
        return str(error)


class Desk:
    """One motcua process, read through AT-SPI."""

    def __init__(self, binary, args, env):
        self.proc = subprocess.Popen([binary] + args, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                     text=True)

    def application(self):
        from gi.repository import Atspi
        desktop = Atspi.get_desktop(0)
        for i in range(desktop.get_child_count()):
            app = desktop.get_child_at_index(i)
            try:
                if app is not None and app.get_process_id() == self.proc.pid:
                    return app
            except Exception:
                continue
        return None

    @staticmethod
    def on_screen(acc):
        """Whether GTK has given the object room: unmapped widgets (other stack pages) have empty extents."""
        from gi.repository import Atspi
        try:
            extents = acc.get_extents(Atspi.CoordType.WINDOW)
        except Exception:
            return True  # not a component (an application, a stack page): look inside
        return extents.width > 0 and extents.height > 0

    def showing(self):
        """(role, name) of every object on screen."""
        found = []

        def walk(acc):
            try:
                if not self.on_screen(acc):
                    return
                name = acc.get_name()
                if name:
                    found.append((acc.get_role_name(), name))
                for i in range(acc.get_child_count()):
                    child = acc.get_child_at_index(i)
                    if child is not None:
                        walk(child)
            except Exception:
                return

        app = self.application()
        if app is not None:
            walk(app)
        return found

    def wait_for(self, predicate, timeout=40):
        """Waits until predicate(names on screen) holds; returns the last names seen."""
        deadline = time.time() + timeout
        names = []
        while time.time() < deadline:
            if self.proc.poll() is not None:
                break
            names = [name for _, name in self.showing()]
            if predicate(names):
                return names, True
            time.sleep(0.5)
        return names, False

    def open_files(self):
        try:
            fd_dir = f"/proc/{self.proc.pid}/fd"
            return {os.path.realpath(os.path.join(fd_dir, fd)) for fd in os.listdir(fd_dir)}
        except OSError:
            return set()

    def press(self, role, name):
        """Activates the first object on screen with this role and name (e.g. the window's Close button)."""

        def walk(acc):
            try:
                if not self.on_screen(acc):
                    return False
                if acc.get_role_name() == role and acc.get_name() == name:
                    return acc.do_action(0)
                for i in range(acc.get_child_count()):
                    child = acc.get_child_at_index(i)
                    if child is not None and walk(child):
                        return True
            except Exception:
                return False
            return False

        app = self.application()
        return app is not None and walk(app)

    def stop(self, timeout=20):
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
        try:
            self.proc.wait(timeout)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
        return self.proc.stderr.read()


def desk_tests(build_root, prefix, source_root):
    tap = Tap()
    build_root = os.path.realpath(build_root)
    prefix = os.path.realpath(prefix)
    if os.path.commonpath([build_root, prefix]) != build_root:
        tap.skip_all(f"the build is configured with --prefix={prefix}, outside the build folder: configure it "
                     f"with --prefix={build_root}/install (as build-aux/run-app and build-aux/run-tests do) so "
                     "that the installed program can be tried")
    if not os.environ.get("DISPLAY"):
        tap.skip_all("no X display")
    try:
        import gi
        gi.require_version("Atspi", "2.0")
        from gi.repository import Atspi  # noqa: F401
    except (ImportError, ValueError) as error:
        tap.skip_all(f"AT-SPI for Python is missing ({error}): install gir1.2-atspi-2.0 and python3-gi")

    install = subprocess.run(["meson", "install", "-C", build_root, "--no-rebuild", "--quiet"],
                             capture_output=True, text=True)
    tap.ok(install.returncode == 0, "meson install into the prefix inside the build folder",
           install.stdout + install.stderr)
    binary = os.path.join(prefix, "bin", "motcua")
    share = os.path.join(prefix, "share")
    tap.ok(os.path.exists(os.path.join(share, "locale", "vi", "LC_MESSAGES", "motcua.mo")),
           "the Vietnamese translation is installed")
    tap.ok(os.path.exists(os.path.join(share, "glib-2.0", "schemas", "gschemas.compiled")),
           "the settings schema is installed and compiled")

    work = tempfile.mkdtemp(prefix="motcua-desk-")
    home = os.path.join(work, "home")
    os.makedirs(home)

    def env(lang="en_US.UTF-8", **extra):
        # What a desktop session gives a program installed under a prefix; the accessibility bus on.
        values = clean_env(XDG_DATA_HOME=home, XDG_CONFIG_HOME=os.path.join(work, "config"),
                           XDG_DATA_DIRS=f"{share}:/usr/local/share:/usr/share",
                           GSETTINGS_SCHEMA_DIR=os.path.join(share, "glib-2.0", "schemas"),
                           GSETTINGS_BACKEND="memory", LANG=lang, NO_AT_BRIDGE=None, GTK_A11Y=None)
        values.update({k: v for k, v in extra.items() if v is not None})
        for k, v in extra.items():
            if v is None:
                values.pop(k, None)
        return values

    cli = os.path.join(prefix, "bin", "motcua-cli")

    def init(db, name):
        return subprocess.run([cli, "--db", db, "init", "--office-code", "000.00.12.H40", "--office-name", name,
                               "--station", "1", "--place", "Tân Lập", "--clerk", "Lê Thu Hà"],
                              env=clean_env(), capture_output=True, text=True).returncode == 0

    setup_title = "Set Up the Office"

    # --help, --help-all, --version: no display needed, no window.
    for option, expect in (("--help", ["--db", "--demo", "--version"]), ("--help-all", ["--db", "--demo", "--gapplication-service"]),
                           ("--version", [])):
        proc = subprocess.run([binary, option], env=env(), capture_output=True, text=True, timeout=30)
        good = proc.returncode == 0 and all(word in proc.stdout for word in expect)
        if option == "--version":
            good = good and re.fullmatch(r"motcua \d+\.\d+\.\d+\n", proc.stdout) is not None
        tap.ok(good, f"motcua {option}", proc.stdout + proc.stderr)

    # --db PATH on a new file: the file is created and set up as a Một Cửa database, the desk shows the setup.
    new = os.path.join(work, "new.db")
    other = os.path.join(work, "other.db")
    desk = Desk(binary, ["--db", new], env(MOTCUA_DB=other))
    names, shown = desk.wait_for(lambda names: setup_title in names)
    tap.ok(shown, "--db PATH on a new file: the desk shows the office setup", names)
    tap.ok(new in desk.open_files(), "--db PATH: the desk holds that file open")
    tap.ok(not os.path.exists(other), "--db wins over MOTCUA_DB")
    stderr = desk.stop()
    tap.ok(application_id(new) == "MCS1", "--db PATH: the file created is a Một Cửa database", stderr)

    # MOTCUA_DB on a set-up database: the desk opens it, no setup.
    office = os.path.join(work, "office.db")
    tap.ok(init(office, "UBND xã Tân Lập"), "motcua-cli init (installed) sets up a database")
    desk = Desk(binary, [], env(MOTCUA_DB=office))
    names, shown = desk.wait_for(lambda names: "Intake" in names)
    tap.ok(shown and setup_title not in names, "MOTCUA_DB on a set-up database: the desk opens on the intake",
           names)
    tap.ok(office in desk.open_files(), "MOTCUA_DB: the desk holds that file open")

    # A second desk with --db while the first is open: it opens its own database instead of raising the first.
    second = Desk(binary, ["--db", new], env())
    names, shown = second.wait_for(lambda names: setup_title in names)
    tap.ok(shown and second.proc.poll() is None and new in second.open_files(),
           "--db while a desk is open on another database: that database opens", names)
    second.stop()
    desk.stop()

    # No option and no MOTCUA_DB: $XDG_DATA_HOME/motcua/motcua.db, created.
    default = os.path.join(home, "motcua", "motcua.db")
    desk = Desk(binary, [], env(MOTCUA_DB=""))
    names, shown = desk.wait_for(lambda names: setup_title in names)
    tap.ok(shown and default in desk.open_files(), "no --db, empty MOTCUA_DB: the default database", names)
    desk.stop()
    tap.ok(os.path.exists(default) and os.stat(default).st_mode & 0o777 == 0o600,
           "the default database is created with mode 0600")

    # MOTCUA_NOW: the calendar opens on that month (a year no real clock shows here).
    desk = Desk(binary, ["--db", office], env(MOTCUA_NOW="2031-07-15T10:00"))
    names, shown = desk.wait_for(lambda names: any("/07/2031" in name for name in names) or
                                 any("7, 2031" in name for name in names))
    if not shown:
        # The calendar is a page of its own: show it, as a clerk would.
        desk.press("page tab", "Calendar")
        names, shown = desk.wait_for(lambda names: any("/07/2031" in name for name in names))
    tap.ok(shown, "MOTCUA_NOW: the desk stands on that day", names)
    desk.stop()

    # --demo: a temporary database, said in the title, deleted when the window is closed.
    desk = Desk(binary, ["--demo"], env(MOTCUA_DB=office))
    names, shown = desk.wait_for(lambda names: any("Demo" in name for name in names), timeout=90)
    demo_files = [path for path in desk.open_files() if path.endswith("/demo.db")]
    tap.ok(shown and len(demo_files) == 1 and office not in desk.open_files(),
           "--demo: the desk says it is a demo and runs on a temporary database", names)
    closed = desk.press("push button", "Close")
    try:
        desk.proc.wait(30)
    except subprocess.TimeoutExpired:
        pass
    tap.ok(closed and desk.proc.returncode == 0 and demo_files and
           not os.path.exists(os.path.dirname(demo_files[0])),
           "--demo: the temporary database is deleted when the desk is closed", desk.stop())

    # F1 opens the guide in the desktop's handler of help: URIs at the topic of the page in front. A handler of
    # the test's making (a desktop file for x-scheme-handler/help) writes down the URI it is given.
    opened = os.path.join(work, "help-uris")
    applications = os.path.join(home, "applications")
    os.makedirs(applications, exist_ok=True)
    with open(os.path.join(applications, "test-help-viewer.desktop"), "w") as desktop_file:
        desktop_file.write("[Desktop Entry]\nType=Application\nName=Help viewer\nNoDisplay=true\n"
                           f"Exec=sh -c 'echo \"$1\" >> {opened}' sh %u\nMimeType=x-scheme-handler/help;\n")
    os.makedirs(os.path.join(work, "config"), exist_ok=True)
    with open(os.path.join(work, "config", "mimeapps.list"), "w") as mimeapps:
        mimeapps.write("[Default Applications]\nx-scheme-handler/help=test-help-viewer.desktop\n")
    desk = Desk(binary, ["--db", office], env())
    names, shown = desk.wait_for(lambda names: "Intake" in names)
    from gi.repository import Atspi
    uris = []
    for page, topic in (("Intake", "help:motcua/tiep-nhan"), ("Alerts", "help:motcua/canh-bao"),
                        ("Reports", "help:motcua/bao-cao")):
        desk.press("page tab", page)
        time.sleep(1)
        Atspi.generate_keyboard_event(0xffbe, None, Atspi.KeySynthType.SYM)  # F1
        deadline = time.time() + 15
        seen = len(uris)
        while time.time() < deadline and len(uris) == seen:
            if os.path.exists(opened):
                with open(opened) as log:
                    uris = log.read().split()
            time.sleep(0.3)
        tap.ok(len(uris) == seen + 1 and uris[-1] == topic, f"F1 on the {page} page opens {topic}", uris)
    desk.stop()

    # As a user gets it on a Vietnamese desktop: the window in Vietnamese.
    vi = po_translations(os.path.join(source_root, "po", "vi.po"))
    fresh = os.path.join(work, "fresh.db")
    desk = Desk(binary, ["--db", fresh], env(lang="vi_VN.UTF-8"))
    names, shown = desk.wait_for(lambda names: vi[setup_title] in names)
    english = [msgid for msgid in vi if msgid in names and vi[msgid] != msgid and msgid not in vi.values()]
    tap.ok(shown and not english, "LANG=vi_VN.UTF-8: the setup in Vietnamese, no English label left",
           f"English on screen: {english}\n{names}")
    desk.stop()
    desk = Desk(binary, ["--db", office], env(lang="vi_VN.UTF-8"))
    names, shown = desk.wait_for(lambda names: vi["Intake"] in names)
    english = [msgid for msgid in vi if msgid in names and vi[msgid] != msgid and msgid not in vi.values()]
    tap.ok(shown and not english, "LANG=vi_VN.UTF-8: the desk in Vietnamese, no English label left",
           f"English on screen: {english}\n{names}")
    desk.stop()

    shutil.rmtree(work, ignore_errors=True)
    tap.done()


if __name__ == "__main__":
    if len(sys.argv) >= 3 and sys.argv[1] == "cli":
        cli_tests(sys.argv[2])
    elif len(sys.argv) >= 5 and sys.argv[1] == "desk":
        desk_tests(sys.argv[2], sys.argv[3], sys.argv[4])
    else:
        print(__doc__, file=sys.stderr)
        sys.exit(2)
