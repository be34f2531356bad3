#!/usr/bin/python3
# members.py — open Members, click a member, read their ranks by name; then
# look a member up on the Account page. Both reply variants of the demo.
#
# Copyright 2026 The Sonoran Admin authors
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: members.py PATH/TO/sonoran-admin BUILD_DIR
# Prints TAP. Screenshots go to BUILD_DIR/screenshots/ (saved, not checked).

import sys
import time

from scmsatspi import (launch_against_mock, Tap, click, find, find_all, find_label_text, find_page, launch, poll,
                       require_session, screenshot, select_page, stop, text_of, type_into)

VARIANTS = ('live', 'docs')
CHECKS_PER_VARIANT = 13


def label_texts(root):
    import pyatspi
    out = []
    for acc in find_all(root, pyatspi.ROLE_LABEL):
        try:
            out.append(text_of(acc))
        except Exception:
            pass
    return out


def member_row(page, name):
    """The list item of the member list whose first label reads `name`,
    with the list and its index."""
    import pyatspi
    for lst in find_all(page, pyatspi.ROLE_LIST):
        if lst.name != 'Members':
            continue
        for i in range(lst.childCount):
            item = lst.getChildAtIndex(i)
            if item is None:
                continue
            if find_label_text(item, name) is not None:
                return lst, i
    return None


def run_variant(tap, app_path, build_dir, variant):
    import pyatspi

    proc, frame = launch_against_mock(app_path, build_dir, variant)
    try:
        if not tap.check(frame is not None, f'[{variant}] the window is shown and connects to the mock'):
            return
        tap.check(select_page(frame, 'Members'), f'[{variant}] Members is selected in the sidebar')

        page = poll(lambda: find_page(frame, 'Members'))
        if not tap.check(page is not None, f'[{variant}] the Members page is found by its label'):
            return

        count = poll(lambda: find_label_text(page, '160 members'))
        tap.check(count is not None, f'[{variant}] the page counts "160 members"')

        row = poll(lambda: member_row(page, 'Elena Ashgrove'))
        if not tap.check(row is not None, f'[{variant}] "Elena Ashgrove" is listed'):
            return
        lst, index = row
        lst.querySelection().selectChild(index)

        # Her account opens below the list, ranks by name under their department.
        sergeant = poll(lambda: find_label_text(page, 'Sergeant'))
        tap.check(sergeant is not None, f'[{variant}] her rank "Sergeant" is shown below the list')
        department = poll(lambda: find_label_text(page, 'Copper Basin Police Department'))
        tap.check(department is not None,
                  f'[{variant}] under the department "Copper Basin Police Department"')
        texts = label_texts(page)
        tap.check('E. Ashgrove' in texts, f'[{variant}] the account shows her name "E. Ashgrove"')
        tap.check('d84abf9a-95de-4aa7-a0be-c528ca150c3a' not in texts,
                  f'[{variant}] no raw rank ID is shown')
        time.sleep(0.5)
        if variant == VARIANTS[0]:
            screenshot(tap, build_dir, 'members.png')

        # The Account page: Unique ID 1042.
        tap.check(select_page(frame, 'Account'), f'[{variant}] Account is selected in the sidebar')
        account = poll(lambda: find_page(frame, 'Account'))
        if not tap.check(account is not None, f'[{variant}] the Account page is found'):
            return

        # Controls are named by their visible label, mnemonic and all gone.
        entry = poll(lambda: find(account, pyatspi.ROLE_TEXT, 'Identifier'))
        button = poll(lambda: find(account, pyatspi.ROLE_PUSH_BUTTON, 'Look Up'))
        if not tap.check(entry is not None and button is not None,
                         f'[{variant}] the Identifier entry and Look Up button are found by name'):
            return

        # Find by stays at its default, API ID; Elena's is her Discord snowflake.
        type_into(entry, '430291437292752760')
        click(button)
        name = poll(lambda: find_label_text(account, 'E. Ashgrove'))
        tap.check(name is not None, f'[{variant}] Look Up shows "E. Ashgrove"')
        poll(lambda: find_label_text(account, 'Dispatcher'), timeout=10)
        time.sleep(0.5)
        if variant == VARIANTS[0]:
            screenshot(tap, build_dir, 'account.png')
    finally:
        stop(proc)


def main():
    if len(sys.argv) < 3:
        print('usage: members.py PATH/TO/sonoran-admin BUILD_DIR', file=sys.stderr)
        return 2
    app_path, build_dir = sys.argv[1], sys.argv[2]

    require_session()

    tap = Tap(CHECKS_PER_VARIANT * len(VARIANTS))
    for variant in VARIANTS:
        before = tap.n
        run_variant(tap, app_path, build_dir, variant)
        # Checks skipped after a failure still count as failures.
        while tap.n < before + CHECKS_PER_VARIANT:
            tap.check(False, f'[{variant}] not reached')

    return 1 if tap.failed else 0


if __name__ == '__main__':
    sys.exit(main())
