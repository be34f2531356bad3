#!/usr/bin/python3
# lookups.py — the member lookup pages of `sonoran-admin --demo`, driven
# through AT-SPI as a person would: Verify Whitelist, Clock In/Out, Account
# Ranks, Check API ID and Departments
#
# Copyright 2026 The Sonoran Admin authors
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: lookups.py PATH/TO/sonoran-admin BUILD_DIR [--variant live|docs]
# Without --variant both reply variants run, one after the other.
# Prints TAP. Screenshots go to BUILD_DIR/screenshots/ (saved, not checked).

import faulthandler
import sys
import time

from scmsatspi import (launch_against_mock, Tap, click, find, find_button, find_label_text, find_page, launch, poll,
                       require_session, scaled, screenshot, select_page, stop, text_of, type_into)

ELENA = '430291437292752760'
PRIYA = '684737923142603598'
NOBODY = '111111111111111111'


def control(page, role, name):
    return poll(lambda: find(page, role, name))


def enabled(acc):
    import pyatspi
    try:
        return acc.getState().contains(pyatspi.STATE_SENSITIVE)
    except Exception:
        return False


def open_page(tap, frame, title):
    poll(lambda: select_page(frame, title))
    page = poll(lambda: find_page(frame, title))
    tap.check(page is not None, f'the {title} page is found by its label')
    return page


def verify_whitelist(tap, frame, variant, build_dir, shoot):
    import pyatspi
    page = open_page(tap, frame, 'Verify Whitelist')
    if page is None:
        return

    server = control(page, pyatspi.ROLE_COMBO_BOX, 'Server')
    # The servers load when the page opens; choose "Copper Basin | Main" (ID 1).
    loaded = server and poll(lambda: find_label_text(server, 'Copper Basin | Main'))
    tap.check(loaded is not None, f'[{variant}] the Server choice offers "Copper Basin | Main"')

    entry = control(page, pyatspi.ROLE_TEXT, 'Identifier')
    button = poll(lambda: find_button(page, 'Verify'))
    if entry is None or button is None:
        tap.check(False, f'[{variant}] the Identifier entry and Verify button are there')
        return

    type_into(entry, ELENA)
    click(button)
    allowed = poll(lambda: find_label_text(page, 'Allowed'))
    tap.check(allowed is not None, f'[{variant}] Elena\'s API ID reads "Allowed"')
    name = poll(lambda: find_label_text(page, 'Elena Ashgrove'), timeout=5)
    tap.check(name is not None, f'[{variant}] with the name "Elena Ashgrove"')
    if shoot:
        time.sleep(0.5)
        screenshot(tap, build_dir, 'verify-whitelist.png')

    type_into(entry, PRIYA)
    click(button)
    denied = poll(lambda: find_label_text(page, 'Not Allowed'))
    tap.check(denied is not None, f'[{variant}] Priya\'s API ID reads "Not Allowed"')
    about = denied and poll(lambda: find_label_text(page, PRIYA), timeout=5)
    tap.check(about is not None, f'[{variant}] the denial shows whom it is about (her API ID)')

    type_into(entry, NOBODY)
    click(button)
    nobody = poll(lambda: find_label_text(page, 'No Member Found'))
    tap.check(nobody is not None and find_label_text(page, 'Not Allowed') is None,
              f'[{variant}] an unknown API ID reads "No Member Found", not "Not Allowed"')


def clock_in_out(tap, frame, variant, build_dir, shoot):
    import pyatspi
    page = open_page(tap, frame, 'Clock In/Out')
    if page is None:
        return

    entry = control(page, pyatspi.ROLE_TEXT, 'Identifier')
    look_up = poll(lambda: find_button(page, 'Look Up'))
    if entry is None or look_up is None:
        tap.check(False, f'[{variant}] the Identifier entry and Look Up button are there')
        return

    type_into(entry, ELENA)
    click(look_up)
    # Her name shows once her shift has been read.
    name = poll(lambda: find_label_text(page, 'Elena Ashgrove'))
    out = name and poll(lambda: find_label_text(page, 'Not clocked in'))
    tap.check(out is not None, f'[{variant}] Elena Ashgrove starts "Not clocked in"')

    clock_in = poll(lambda: find_button(page, 'Clock In'))
    poll(lambda: clock_in and enabled(clock_in))
    click(clock_in)
    now_in = poll(lambda: find_label_text(page, 'Clocked in'))
    tap.check(now_in is not None, f'[{variant}] after Clock In she reads "Clocked in"')
    if shoot:
        time.sleep(0.8)
        screenshot(tap, build_dir, 'clock-in-out.png')

    clock_out = poll(lambda: find_button(page, 'Clock Out'))
    poll(lambda: clock_out and enabled(clock_out))
    click(clock_out)
    now_out = poll(lambda: find_label_text(page, 'Not clocked in'))
    tap.check(now_out is not None, f'[{variant}] after Clock Out she reads "Not clocked in"')


def account_ranks(tap, frame, variant, build_dir, shoot):
    import pyatspi
    page = open_page(tap, frame, 'Account Ranks')
    if page is None:
        return

    entry = control(page, pyatspi.ROLE_TEXT, 'Identifier')
    look_up = poll(lambda: find_button(page, 'Look Up'))
    if entry is None or look_up is None:
        tap.check(False, f'[{variant}] the Identifier entry and Look Up button are there')
        return

    type_into(entry, ELENA)
    click(look_up)
    sergeant = poll(lambda: find_label_text(page, 'Sergeant')
                    or find(page, None, 'Sergeant'))
    tap.check(sergeant is not None, f'[{variant}] Elena\'s ranks list "Sergeant"')
    if shoot:
        time.sleep(0.5)
        screenshot(tap, build_dir, 'account-ranks.png')


def check_api_id(tap, frame, variant, build_dir, shoot):
    import pyatspi
    page = open_page(tap, frame, 'Check API ID')
    if page is None:
        return

    entry = control(page, pyatspi.ROLE_TEXT, 'API ID')
    check = poll(lambda: find_button(page, 'Check'))
    if entry is None or check is None:
        tap.check(False, f'[{variant}] the API ID entry and Check button are there')
        return

    type_into(entry, ELENA)
    click(check)
    linked = poll(lambda: find_label_text(page, 'Linked to Elena Ashgrove'))
    tap.check(linked is not None, f'[{variant}] Elena\'s API ID reads "Linked to Elena Ashgrove"')
    if shoot:
        time.sleep(0.5)
        screenshot(tap, build_dir, 'check-api-id.png')


def departments(tap, frame, variant, build_dir, shoot):
    page = open_page(tap, frame, 'Departments')
    if page is None:
        return

    police = poll(lambda: find_label_text(page, 'Copper Basin Police Department'))
    tap.check(police is not None, f'[{variant}] the departments list the police department')
    if shoot:
        time.sleep(0.5)
        screenshot(tap, build_dir, 'departments.png')


CHECKS_PER_VARIANT = 18


def run(tap, app_path, build_dir, variant, shoot):
    proc, frame = launch_against_mock(app_path, build_dir, variant)
    try:
        if not tap.check(frame is not None, f'[{variant}] the demo community opens'):
            return
        verify_whitelist(tap, frame, variant, build_dir, shoot)
        clock_in_out(tap, frame, variant, build_dir, shoot)
        account_ranks(tap, frame, variant, build_dir, shoot)
        check_api_id(tap, frame, variant, build_dir, shoot)
        departments(tap, frame, variant, build_dir, shoot)
    finally:
        stop(proc)


def main():
    args = sys.argv[1:]
    variants = ['live', 'docs']
    if '--variant' in args:
        i = args.index('--variant')
        variants = [args[i + 1]]
        del args[i:i + 2]
    if len(args) < 2:
        print('usage: lookups.py PATH/TO/sonoran-admin BUILD_DIR [--variant live|docs]',
              file=sys.stderr)
        return 2
    app_path, build_dir = args[0], args[1]

    require_session()
    # Say where it hangs, should it ever, before meson gives up on it.
    faulthandler.dump_traceback_later(scaled(160), exit=True)

    # An app left over on the bus by an earlier test must not stall every
    # call for D-Bus's default 25 s.
    import gi
    gi.require_version('Atspi', '2.0')
    from gi.repository import Atspi
    Atspi.set_timeout(int(scaled(3000)), int(scaled(15000)))

    tap = Tap(CHECKS_PER_VARIANT * len(variants))
    for n, variant in enumerate(variants):
        run(tap, app_path, build_dir, variant, shoot=(variant == 'live'))

    return 1 if tap.failed or tap.n != CHECKS_PER_VARIANT * len(variants) else 0


if __name__ == '__main__':
    sys.exit(main())
