#!/usr/bin/python3
# smoke.py — launch `sonoran-admin --demo` and read its plan through AT-SPI
#
# Copyright 2026 The Sonoran Admin authors
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: smoke.py PATH/TO/sonoran-admin BUILD_DIR
# Prints TAP. Screenshots go to BUILD_DIR/screenshots/ (saved, not checked).

import sys
import time

from scmsatspi import (APP_NAME, WINDOW_TITLE, Tap, find, find_all, find_label_text, find_page,
                       inside, launch, poll, require_session, screenshot, select_page, stop,
                       text_of)


def main():
    if len(sys.argv) < 3:
        print('usage: smoke.py PATH/TO/sonoran-admin BUILD_DIR', file=sys.stderr)
        return 2
    app_path, build_dir = sys.argv[1], sys.argv[2]

    require_session()
    import pyatspi

    tap = Tap(7)
    proc, frame = launch(app_path, '--demo')
    try:
        if not tap.check(proc.poll() is None, f'{APP_NAME} starts and stays up'):
            return 1
        if not tap.check(frame is not None, f'the window "{WINDOW_TITLE}" is shown'):
            return 1

        # Other pages come first in the sidebar: open this one.
        poll(lambda: select_page(frame, 'Subscription'))
        page = poll(lambda: find_page(frame, 'Subscription'))
        if not tap.check(page is not None, 'the Subscription page is found by its label'):
            return 1

        plan = poll(lambda: find_label_text(page, 'Pro'))
        tap.check(plan is not None, 'the Subscription page shows the plan "Pro"')

        number = poll(lambda: find_label_text(page, 'Plan 4'), timeout=5)
        tap.check(number is not None, 'the plan number "Plan 4" is shown under it')

        # The sidebar is the list outside the page (the page has a list too).
        items = []
        for sidebar in find_all(frame, pyatspi.ROLE_LIST):
            if inside(sidebar, page):
                continue
            for i in range(sidebar.childCount):
                child = sidebar.getChildAtIndex(i)
                label = find(child, pyatspi.ROLE_LABEL) if child else None
                items.append(text_of(label) if label else '')
        tap.check('Subscription' in items, f'the sidebar lists the page ({items})')

        time.sleep(0.5)  # let the last frame paint
        screenshot(tap, build_dir, 'subscription.png')
    finally:
        stop(proc)

    # Without --demo and with no saved community: the welcome view.
    proc, frame = launch(app_path)
    try:
        welcome = frame and poll(lambda: find_label_text(frame, 'Add a Community'))
        tap.check(welcome is not None, 'without --demo the window offers to add a community')
        if welcome is not None:
            time.sleep(0.5)
            screenshot(tap, build_dir, 'welcome.png')
    finally:
        stop(proc)

    return 1 if tap.failed else 0


if __name__ == '__main__':
    sys.exit(main())
