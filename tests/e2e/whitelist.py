#!/usr/bin/python3
# whitelist.py — search the full whitelist and list the game servers of the
# demo community through AT-SPI, as a person would
#
# Copyright 2026 The Sonoran Admin authors
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: whitelist.py PATH/TO/sonoran-admin BUILD_DIR [--variant live|docs]
# Prints TAP. Without --variant both reply variants run, one after the other.
# Screenshots go to BUILD_DIR/screenshots/ (saved, not checked).

import re
import sys
import time

from scmsatspi import (launch_against_mock, Tap, find, find_label_text, find_page, launch, poll, require_session,
                       screenshot, select_page, stop, text_of)

CHECKS_PER_VARIANT = 12
SERVER = 'Copper Basin | Main'
SERVERS = ['Copper Basin | Main', 'Copper Basin | Training']


def find_button(root, label):
    """A push button showing `label` (GTK 4.8 names buttons oddly)."""
    import pyatspi

    def match(acc):
        if acc is None or acc.getRole() != pyatspi.ROLE_PUSH_BUTTON:
            return False
        inner = find(acc, pyatspi.ROLE_LABEL)
        return inner is not None and text_of(inner) == label
    return pyatspi.findDescendant(root, match)


def find_label_matching(root, pattern):
    import pyatspi

    def match(acc):
        if acc is None or acc.getRole() != pyatspi.ROLE_LABEL:
            return False
        try:
            return re.fullmatch(pattern, text_of(acc)) is not None
        except NotImplementedError:
            return False
    return pyatspi.findDescendant(root, match)


def find_editable(root, name):
    """The editable text called `name` (an entry, search entry or text view)."""
    import pyatspi

    def match(acc):
        if acc is None or acc.name != name:
            return False
        try:
            acc.queryEditableText()
            return True
        except NotImplementedError:
            return False
    return pyatspi.findDescendant(root, match)


def run_variant(tap, app_path, build_dir, variant):
    import pyatspi

    tap.comment(f'variant: {variant}')
    proc, frame = launch_against_mock(app_path, build_dir, variant)
    try:
        if not tap.check(frame is not None, f'[{variant}] the window is shown and connects to the mock'):
            return

        tap.check(select_page(frame, 'Full Whitelist'), f'[{variant}] Full Whitelist is in the sidebar')
        page = poll(lambda: find_page(frame, 'Full Whitelist'))
        if not tap.check(page is not None, f'[{variant}] the Full Whitelist page is found'):
            return

        # The first server is chosen for us; the drop-down shows its name.
        chosen = poll(lambda: find_label_text(page, SERVER))
        tap.check(chosen is not None, f'[{variant}] the Server choice shows "{SERVER}"')

        count = poll(lambda: find_label_matching(page, r'[1-9]\d* entries'), timeout=30)
        total = int(text_of(count).split()[0]) if count else 0
        tap.check(total > 1, f'[{variant}] the count reads "{text_of(count) if count else None}"')

        search = poll(lambda: find_editable(page, 'Search'))
        if not tap.check(search is not None, f'[{variant}] the Search entry is found'):
            return
        search.queryEditableText().setTextContents('Elena')

        elena = poll(lambda: find_label_text(page, 'Elena Ashgrove'))
        tap.check(elena is not None, f'[{variant}] the list shows "Elena Ashgrove"')
        wanted = f'1 of {total} entries'
        narrowed = poll(lambda: find_label_text(page, wanted))
        tap.check(narrowed is not None, f'[{variant}] the count reads "{wanted}"')
        time.sleep(0.5)
        screenshot(tap, build_dir, 'full-whitelist.png' if variant == 'live'
                   else f'full-whitelist-{variant}.png')

        # Bulk Check: Elena's API ID comes from the download.
        switch = poll(lambda: find(page, pyatspi.ROLE_PAGE_TAB, 'Bulk Check'))
        if switch is not None:
            switch.queryAction().doAction(0)
        ids = poll(lambda: find_editable(page, 'Identifiers'))
        check = find_button(page, 'Check')
        allowed = None
        if ids is not None and check is not None:
            ids.queryEditableText().setTextContents('430291437292752760\n684737923142603598\n')
            poll(lambda: '684737923142603598' in text_of(ids), timeout=5)
            # The click can arrive before the text does: try again if so.
            for _ in range(3):
                check.queryAction().doAction(0)
                allowed = poll(lambda: find_label_text(page, 'Allowed'), timeout=5)
                if allowed is not None:
                    break
        tap.check(allowed is not None, f'[{variant}] Bulk Check says "Allowed" for Elena')
        denied = poll(lambda: find_label_text(page, 'Not allowed'), timeout=20)
        tap.check(denied is not None, f'[{variant}] Bulk Check says "Not allowed" for Priya')
        time.sleep(0.5)
        screenshot(tap, build_dir, 'bulk-check.png' if variant == 'live'
                   else f'bulk-check-{variant}.png')

        tap.check(select_page(frame, 'Game Servers'), f'[{variant}] Game Servers is in the sidebar')
        servers_page = poll(lambda: find_page(frame, 'Game Servers'))
        found = [name for name in SERVERS
                 if servers_page is not None and poll(lambda: find_label_text(servers_page, name))]
        tap.check(found == SERVERS, f'[{variant}] Game Servers lists {found}')
        time.sleep(0.5)
        screenshot(tap, build_dir, 'game-servers.png' if variant == 'live'
                   else f'game-servers-{variant}.png')
    finally:
        stop(proc)


def main():
    if len(sys.argv) < 3:
        print('usage: whitelist.py PATH/TO/sonoran-admin BUILD_DIR [--variant live|docs]',
              file=sys.stderr)
        return 2
    app_path, build_dir = sys.argv[1], sys.argv[2]
    variants = ['live', 'docs']
    if '--variant' in sys.argv:
        variants = [sys.argv[sys.argv.index('--variant') + 1]]

    require_session()
    tap = Tap(CHECKS_PER_VARIANT * len(variants))
    for variant in variants:
        run_variant(tap, app_path, build_dir, variant)
    while tap.n < CHECKS_PER_VARIANT * len(variants):
        tap.check(False, 'not reached')
    return 1 if tap.failed else 0


if __name__ == '__main__':
    sys.exit(main())
