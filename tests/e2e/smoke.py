#!/usr/bin/python3
# smoke.py — launch `sonoran-admin --demo` and read its plan through AT-SPI
#
# Copyright 2026 The Sonoran Admin authors
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: smoke.py PATH/TO/sonoran-admin BUILD_DIR
# Needs a display and a session bus (dbus-run-session -- xvfb-run ...), and
# Debian's /usr/bin/python3 for pyatspi. Prints TAP. A screenshot of the
# screen goes to BUILD_DIR/screenshots/ (saved, not checked).

import os
import subprocess
import sys
import time

APP_NAME = 'sonoran-admin'
WINDOW_TITLE = 'Sonoran Admin'


class Tap:
    def __init__(self, planned):
        self.n = 0
        self.failed = 0
        print(f'1..{planned}', flush=True)

    def check(self, ok, what):
        self.n += 1
        self.failed += not ok
        print(f'{"ok" if ok else "not ok"} {self.n} - {what}', flush=True)
        return ok

    def comment(self, text):
        print(f'# {text}', flush=True)


APP_PROC = None


def poll(fn, timeout=15.0):
    end = time.monotonic() + timeout
    while True:
        if APP_PROC is not None and APP_PROC.poll() is not None:
            return None  # the app is gone: no point waiting
        try:
            result = fn()
        except Exception:  # the tree changes under us while the app starts
            result = None
        if result or time.monotonic() > end:
            return result
        time.sleep(0.1)


def find(pyatspi, root, role=None, name=None):
    def match(acc):
        return (acc is not None
                and (role is None or acc.getRole() == role)
                and (name is None or acc.name == name))
    return pyatspi.findDescendant(root, match)


def inside(acc, ancestor):
    while acc is not None:
        if acc == ancestor:
            return True
        acc = acc.parent
    return False


def find_app(desktop, proc):
    def ours(a):
        if a is None or a.name != APP_NAME:
            return False
        try:
            return a.get_process_id() == proc.pid
        except Exception:
            return True
    return next((a for a in desktop if ours(a)), None)


def text_of(acc):
    # GTK 4.8 returns "" for getText(0, -1).
    t = acc.queryText()
    return t.getText(0, t.characterCount)


def find_label_text(pyatspi, root, wanted):
    def match(acc):
        if acc is None or acc.getRole() != pyatspi.ROLE_LABEL:
            return False
        try:
            return text_of(acc) == wanted
        except NotImplementedError:
            return acc.name == wanted
    return pyatspi.findDescendant(root, match)


def screenshot(tap, build_dir, name):
    out_dir = os.path.join(build_dir, 'screenshots')
    os.makedirs(out_dir, exist_ok=True)
    path = os.path.join(out_dir, name)
    try:
        subprocess.run(['import', '-window', 'root', path], check=True, timeout=20,
                       stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        tap.comment(f'screenshot saved: {path}')
    except (OSError, subprocess.SubprocessError) as e:
        tap.comment(f'no screenshot ({e})')


def main():
    if len(sys.argv) < 3:
        print('usage: smoke.py PATH/TO/sonoran-admin BUILD_DIR', file=sys.stderr)
        return 2
    app_path, build_dir = sys.argv[1], sys.argv[2]

    if not os.environ.get('DISPLAY') or not os.environ.get('DBUS_SESSION_BUS_ADDRESS'):
        if os.environ.get('SCMS_TESTS_ALLOW_NO_DISPLAY'):
            print('1..0 # SKIP needs a display and a session bus')
            return 0
        print('The end-to-end tests need a display and a session bus: run them under '
              'dbus-run-session -- xvfb-run, or set SCMS_TESTS_ALLOW_NO_DISPLAY=1',
              file=sys.stderr)
        return 1

    if os.environ.get('GTK_A11Y') in ('none', 'test'):
        print(f'GTK_A11Y={os.environ["GTK_A11Y"]} hides the app from AT-SPI', file=sys.stderr)
        return 1

    import pyatspi

    global APP_PROC
    tap = Tap(7)
    proc = APP_PROC = subprocess.Popen([app_path, '--demo'])
    try:
        desktop = pyatspi.Registry.getDesktop(0)
        app = poll(lambda: find_app(desktop, proc))
        if not tap.check(app is not None, f'{APP_NAME} appears on the accessibility bus'):
            return 1

        frame = poll(lambda: find(pyatspi, app, pyatspi.ROLE_FRAME, WINDOW_TITLE))
        if not tap.check(frame is not None, f'the window "{WINDOW_TITLE}" is shown'):
            return 1

        # The page's root widget carries its title as accessible label; the
        # sidebar row and the header title are labels with the same text.
        page = poll(lambda: pyatspi.findDescendant(
            frame, lambda a: a is not None and a.name == 'Subscription'
            and a.getRole() not in (pyatspi.ROLE_LABEL, pyatspi.ROLE_LIST_ITEM)))
        if not tap.check(page is not None, 'the Subscription page is found by its label'):
            return 1

        plan = poll(lambda: find_label_text(pyatspi, page, 'Pro'))
        tap.check(plan is not None, 'the Subscription page shows the plan "Pro"')

        number = poll(lambda: find_label_text(pyatspi, page, 'Plan 4'), timeout=5)
        tap.check(number is not None, 'the plan number "Plan 4" is shown under it')

        # The sidebar is the list outside the page (the page has a list too).
        lists = pyatspi.findAllDescendants(
            frame, lambda a: a is not None and a.getRole() == pyatspi.ROLE_LIST
            and not inside(a, page))
        items = []
        for sidebar in lists:
            for i in range(sidebar.childCount):
                child = sidebar.getChildAtIndex(i)
                label = find(pyatspi, child, pyatspi.ROLE_LABEL) if child else None
                items.append(text_of(label) if label else '')
        tap.check('Subscription' in items, f'the sidebar lists the page ({items})')

        time.sleep(0.5)  # let the last frame paint
        screenshot(tap, build_dir, 'subscription.png')
    finally:
        stop(proc)

    # Without --demo and with no saved community: the welcome view.
    proc = APP_PROC = subprocess.Popen([app_path])
    try:
        app = poll(lambda: find_app(desktop, proc))
        frame = app and poll(lambda: find(pyatspi, app, pyatspi.ROLE_FRAME, WINDOW_TITLE))
        welcome = frame and poll(lambda: find_label_text(pyatspi, frame, 'Add a Community'))
        tap.check(welcome is not None, 'without --demo the window offers to add a community')
        if welcome is not None:
            time.sleep(0.5)
            screenshot(tap, build_dir, 'welcome.png')
    finally:
        stop(proc)

    return 1 if tap.failed else 0


def stop(proc):
    proc.terminate()
    try:
        proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()


if __name__ == '__main__':
    sys.exit(main())
