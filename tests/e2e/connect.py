#!/usr/bin/python3
# connect.py — connect to a community by typing its ID and API key, as a
# person would, then check where the key went and that a restart reconnects
#
# Copyright 2026 The Sonoran Admin authors
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: connect.py PATH/TO/sonoran-admin BUILD_DIR [--variant live|docs]...
# Runs against the standalone mock (BUILD_DIR/src/mock/scms-mock-server)
# and the throw-away gnome-keyring of build-aux/with-keyring.sh, which it
# needs (it fails without). Prints TAP; the test key is random and never
# printed ("the key"). Screenshots: connect.png, connect-error.png.

import os
import secrets
import shutil
import subprocess
import sys
import tempfile
import time

import scmsatspi
from scmsatspi import (Tap, connect_form, fill_connect_form, find, find_label_containing,
                       find_label_text, find_page, find_toast, launch, launch_connected,
                       poll, require_session, screenshot, select_page, stop, stop_mock)

CHECKS_PER_VARIANT = 16
APP_G_DEBUG = None


def files_under(*roots):
    for root in roots:
        for folder, _, names in os.walk(root):
            for name in names:
                yield os.path.join(folder, name)


def file_contains(path, needle):
    try:
        with open(path, 'rb') as f:
            return needle in f.read()
    except OSError:
        return False


def process_leaks(pid, needle):
    """Whether the key is on the app's command line or in its environment."""
    found = []
    for what in ('cmdline', 'environ'):
        try:
            with open(f'/proc/{pid}/{what}', 'rb') as f:
                if needle in f.read():
                    found.append(what)
        except OSError:
            pass
    return found


def keyring_lookup(url, community):
    result = subprocess.run(['secret-tool', 'lookup', 'server', url, 'community-id', community],
                            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, timeout=20)
    return result.stdout.decode('utf-8', 'replace') if result.returncode == 0 else None


def subscription_plan(frame, timeout=20):
    """Shows the Subscription page and returns whether it reads "Pro"."""
    poll(lambda: select_page(frame, 'Subscription'), timeout=timeout)
    page = poll(lambda: find_page(frame, 'Subscription'), timeout=timeout)
    return page is not None and poll(lambda: find_label_text(page, 'Pro'), timeout=timeout)


def run_variant(tap, app_path, build_dir, variant, keyring_dir):
    mock_path = os.path.join(build_dir, 'src', 'mock', 'scms-mock-server')
    community = 'e2e-' + secrets.token_hex(4)
    key = 'key-' + secrets.token_urlsafe(24)
    key_bytes = key.encode()
    tap.comment(f'variant {variant}: community {community}, a random key')

    top = tempfile.mkdtemp(prefix='scms-e2e-connect-')
    dirs = {name: os.path.join(top, name) for name in ('home', 'config', 'data', 'cache')}
    for path in dirs.values():
        os.makedirs(path)
    logs = tempfile.mkdtemp(prefix='scms-e2e-logs-')
    env = dict(os.environ,
               HOME=dirs['home'], XDG_CONFIG_HOME=dirs['config'],
               XDG_DATA_HOME=dirs['data'], XDG_CACHE_HOME=dirs['cache'],
               GSETTINGS_BACKEND='keyfile', G_MESSAGES_DEBUG='all')
    if APP_G_DEBUG:
        env['G_DEBUG'] = APP_G_DEBUG
    keyfile = os.path.join(dirs['config'], 'glib-2.0', 'settings', 'keyfile')

    mock, url = start_mock_checked(tap, mock_path, variant, community, key)
    if mock is None:
        return
    out = open(os.path.join(logs, 'app.out'), 'wb')
    err = open(os.path.join(logs, 'app.err'), 'wb')
    proc = None
    try:
        if variant == 'live':
            # Typed step by step: the empty form, a rejected key, the key.
            proc, frame = launch(app_path, '--api-url', url, env=env, stdout=out, stderr=err)
            form = frame and poll(lambda: connect_form(frame))
            tap.check(form is not None and find(form, name='Community ID') is not None
                      and find(form, name='API Key') is not None
                      and find(form, name='Server') is not None,
                      'a new start shows the form: Community ID, API Key, Server')
            if form is not None:
                time.sleep(0.5)
                screenshot(tap, build_dir, 'connect.png')

            wrong = 'wrong-' + secrets.token_urlsafe(12)
            typed = frame is not None and fill_connect_form(frame, community, wrong)
            message = typed and poll(lambda: find_label_containing(form, 'rejected the API key'))
            tap.check(message, 'a wrong key gets the inline message "… rejected the API key …"')
            if message:
                time.sleep(0.5)
                screenshot(tap, build_dir, 'connect-error.png')

            typed = frame is not None and fill_connect_form(frame, community, key)
            toast = typed and poll(lambda: find_toast(frame, 'Connected to '))
            tap.check(toast, 'typing the right key connects ("Connected to …" toast)')
        else:
            # The helper other end-to-end tests use.
            steps = []
            proc, frame = launch_connected(app_path, url, community, key, env=env,
                                           steps=steps, stdout=out, stderr=err)
            tap.check('window' in steps, 'the window is shown on a new start')
            tap.check('form' in steps, 'launch_connected() types the ID and the key into the form')
            tap.check('connected' in steps, 'it connects: the header bar names the community')

        tap.check(frame is not None and subscription_plan(frame),
                  'the Subscription page shows the plan "Pro"')

        stored = keyring_lookup(url, community)
        tap.check(stored == key, 'secret-tool finds the key in the keyring under server and '
                  'community-id')

        time.sleep(scmsatspi.scaled(0.5))  # let the settings reach the disk
        tap.check(os.path.exists(keyfile) and file_contains(keyfile, community.encode()),
                  'the profile is saved in the settings (keyfile)')

        leaks = [p for p in files_under(*dirs.values()) if file_contains(p, key_bytes)]
        tap.check(not leaks, f'the key is in no file under HOME and the XDG folders {leaks}')

        keyring_files = list(files_under(os.path.join(keyring_dir, 'keyrings')))
        tap.check(keyring_files and not any(file_contains(p, key_bytes) for p in keyring_files),
                  'the keyring\'s own files do not hold the key in clear')

        where = process_leaks(proc.pid, key_bytes)
        tap.check(not where, f'the key is not on the app\'s command line or environment {where}')
    finally:
        if proc is not None:
            stop(proc)
        out.close()
        err.close()

    app_logs = [n for n in ('app.out', 'app.err') if file_contains(os.path.join(logs, n), key_bytes)]
    tap.check(not app_logs, f'the key is not in the app\'s output, debug log included {app_logs}')

    # A restart with the same folders reconnects without a single keystroke.
    out = open(os.path.join(logs, 'app2.out'), 'wb')
    err = open(os.path.join(logs, 'app2.err'), 'wb')
    proc = None
    try:
        before = time.monotonic()
        proc, frame = launch(app_path, env=env, stdout=out, stderr=err)
        tap.check(frame is not None, 'the app starts again with the same folders')
        tap.check(frame is not None and subscription_plan(frame),
                  'it reconnects by itself: the Subscription page shows "Pro"')
        tap.comment(f'reconnected in {time.monotonic() - before:.1f} s')
        form = frame and connect_form(frame)
        entry = form and find(form, name='API Key')
        tap.check(entry is not None and entry.queryText().characterCount == 0,
                  'nothing was typed into the API Key field')
        tap.check(not process_leaks(proc.pid, key_bytes),
                  'the key is not on its command line or environment either')
    finally:
        if proc is not None:
            stop(proc)
        out.close()
        err.close()
        stop_mock(mock)

    app_logs = [n for n in ('app2.out', 'app2.err')
                if file_contains(os.path.join(logs, n), key_bytes)]
    tap.check(not app_logs, 'nor in its output')
    leaks = [p for p in files_under(*dirs.values()) if file_contains(p, key_bytes)]
    tap.check(not leaks, 'after the restart, the key is still in no file of those folders')

    if os.environ.get('SCMS_E2E_KEEP'):
        tap.comment(f'kept {top} and {logs}')
    else:
        shutil.rmtree(top, ignore_errors=True)
        shutil.rmtree(logs, ignore_errors=True)


def start_mock_checked(tap, mock_path, variant, community, key):
    from scmsatspi import start_mock
    try:
        mock, url = start_mock(mock_path, variant, community, key)
    except (OSError, RuntimeError) as e:
        tap.check(False, f'the standalone mock starts ({e})')
        return None, None
    return mock, url


def main():
    if len(sys.argv) < 3:
        print('usage: connect.py PATH/TO/sonoran-admin BUILD_DIR [--variant live|docs]...',
              file=sys.stderr)
        return 2
    app_path, build_dir = sys.argv[1], sys.argv[2]
    variants = [sys.argv[i + 1] for i, a in enumerate(sys.argv) if a == '--variant'] \
        or ['live', 'docs']

    require_session()
    # scmsatspi keeps AT-SPI's own warnings (dbind) from aborting this
    # script; the app keeps the test's G_DEBUG (fatal warnings).
    global APP_G_DEBUG
    APP_G_DEBUG = scmsatspi.APP_ENV.get('G_DEBUG')
    keyring_dir = os.environ.get('SCMS_TEST_KEYRING')
    if not keyring_dir:
        # Never a skip: this test is about the keyring.
        print('connect.py needs the throw-away gnome-keyring of build-aux/with-keyring.sh '
              '(SCMS_TEST_KEYRING is not set)', file=sys.stderr)
        return 1
    if not shutil.which('secret-tool'):
        print('connect.py needs secret-tool (libsecret-tools)', file=sys.stderr)
        return 1

    tap = Tap(CHECKS_PER_VARIANT * len(variants))
    for variant in variants:
        run_variant(tap, app_path, build_dir, variant, keyring_dir)

    return 1 if tap.failed else 0


if __name__ == '__main__':
    sys.exit(main())
