# scmsatspi.py — what every end-to-end test needs to drive sonoran-admin
# through the accessibility tree, as a person would
#
# Copyright 2026 The Sonoran Admin authors
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Needs a display and a session bus (tests/meson.build runs each test under
# build-aux/with-display.sh, inside build-aux/run-tests.sh's dbus-run-session) and
# Debian's /usr/bin/python3 for pyatspi. Tests print TAP through Tap.

import atexit
import faulthandler
import os
import secrets
import signal
import subprocess
import sys
import threading
import time


# The app runs with the test environment as it is, warnings fatal. This
# driver's own libraries may warn about what is not ours (libatspi: "no
# AT-SPI cache" from GTK 4.8), which must not abort it: GLib reads G_DEBUG
# when pyatspi is first imported, after this.
APP_ENV = dict(os.environ)
os.environ['G_DEBUG'] = ','.join(flag for flag in os.environ.get('G_DEBUG', '').split(',')
                                 if flag and not flag.startswith('fatal'))


def _time_factor():
    try:
        return max(float(os.environ.get('SCMS_TESTS_TIME_FACTOR', '1')), 1.0)
    except ValueError:
        return 1.0


# A sanitized build runs the app and the mock a few times slower:
# build-aux/sanitize.sh sets SCMS_TESTS_TIME_FACTOR (as meson test's
# --timeout-multiplier), and every limit on how long to wait for the app
# is multiplied by it. What the tests check stays the same.
TIME_FACTOR = _time_factor()


def scaled(seconds):
    """A time limit, stretched by SCMS_TESTS_TIME_FACTOR."""
    return seconds * TIME_FACTOR


_PROCS = []
_MOCKS = []
_MOCK_OF = {}


def _stop_all():
    for proc in list(_PROCS) + list(_MOCKS):
        if proc.poll() is None:
            proc.kill()


def _watchdog():
    # A hang inside a blocking AT-SPI call cannot be interrupted from
    # Python: say where every thread is, stop the app (it holds our output
    # open) and fail, instead of waiting for meson's timeout.
    print('Bail out! the end-to-end test hung', flush=True)
    faulthandler.dump_traceback(all_threads=True)
    _stop_all()
    os._exit(1)


atexit.register(_stop_all)
_WATCHDOG = threading.Timer(float(os.environ.get('SCMS_E2E_WATCHDOG', scaled(150))), _watchdog)
_WATCHDOG.daemon = True
_WATCHDOG.start()

APP_NAME = 'sonoran-admin'
WINDOW_TITLE = 'Sonoran Admin'


class Tap:
    """TAP output: every check a person would make counts as one test."""

    def __init__(self, planned):
        self.n = 0
        self.failed = 0
        print(f'1..{planned}', flush=True)

    def check(self, ok, what):
        self.n += 1
        self.failed += not ok
        print(f'{"ok" if ok else "not ok"} {self.n} - {what}', flush=True)
        return bool(ok)

    def comment(self, text):
        print(f'# {text}', flush=True)

    def bail(self, why):
        print(f'Bail out! {why}', flush=True)
        sys.exit(1)




def poll(fn, timeout=15.0):
    """Calls fn until it returns something true, or the time is up
    (timeout seconds, scaled by SCMS_TESTS_TIME_FACTOR)."""
    end = time.monotonic() + scaled(timeout)
    while True:
        if _PROCS and _PROCS[-1].poll() is not None:
            return None  # the app is gone: no point waiting
        try:
            result = fn()
        except Exception:  # the tree changes under us while the app works
            result = None
        if result or time.monotonic() > end:
            return result
        time.sleep(0.1)


def require_session():
    """Fails (never skips) without a display and a bus, unless told to."""
    if not os.environ.get('DISPLAY') or not os.environ.get('DBUS_SESSION_BUS_ADDRESS'):
        if os.environ.get('SCMS_TESTS_ALLOW_NO_DISPLAY'):
            print('1..0 # SKIP needs a display and a session bus')
            sys.exit(0)
        print('The end-to-end tests need a display and a session bus: run them under '
              'build-aux/run-tests.sh --suite e2e, or set SCMS_TESTS_ALLOW_NO_DISPLAY=1',
              file=sys.stderr)
        sys.exit(1)
    if os.environ.get('GTK_A11Y') in ('none', 'test'):
        print(f'GTK_A11Y={os.environ["GTK_A11Y"]} hides the app from AT-SPI', file=sys.stderr)
        sys.exit(1)


def _fast_unwinding(env):
    """env with ASan unwinding the stack of each malloc and free by frame
    pointers, as it does by default.

    tests/meson.build asks for slow unwinding (fast_unwind_on_malloc=0)
    so that LeakSanitizer's stacks reach into the system libraries, whose
    leaks tests/lsan.supp suppresses by function name. The app never gets
    to the leak check here: stop() ends it with SIGTERM, which it does not
    catch (the C tests check its code for leaks). Slow unwinding made it
    answer the accessibility tree over ten times slower (smoke.py: 163 s
    instead of 14 s) for nothing: ASan checks every access all the same,
    only the "allocated by" and "freed by" stacks of a report stop at the
    first system library. The mock, which exits cleanly and is checked
    for leaks, keeps slow unwinding."""
    options = env.get('ASAN_OPTIONS')
    if options is None:
        return env
    options = [o for o in options.split(':') if o and not o.startswith('fast_unwind_on_malloc=')]
    return dict(env, ASAN_OPTIONS=':'.join(options + ['fast_unwind_on_malloc=1']))


def launch(app_path, *args, env=None, **popen_args):
    """Starts the app and returns (process, frame) once its window is shown.
    popen_args go to subprocess.Popen (stdout=, stderr= to capture them)."""
    import pyatspi
    proc = subprocess.Popen([app_path, *args],
                            env=_fast_unwinding(APP_ENV if env is None else env),
                            **popen_args)
    _PROCS.append(proc)
    desktop = pyatspi.Registry.getDesktop(0)
    app = poll(lambda: find_app(desktop, proc))
    frame = app and poll(lambda: find(app, pyatspi.ROLE_FRAME, WINDOW_TITLE))
    return proc, frame


def _describe(status):
    if status < 0:
        try:
            return f'signal {signal.Signals(-status).name}'
        except ValueError:
            return f'signal {-status}'
    return f'exit status {status}'


def _terminate(proc):
    """Sends SIGTERM (SIGKILL if that is not enough) and waits; returns
    the exit status it already had, None if it was still running."""
    before = proc.poll()
    if before is None:
        proc.terminate()
        try:
            proc.wait(timeout=scaled(10))
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
    return before


def _mock_problems(mock):
    before = _terminate(mock)
    if before is not None:
        return [f'the mock had ended by itself ({_describe(before)})']
    if mock.returncode != 0:
        return [f'the mock ended with {_describe(mock.returncode)} on SIGTERM']
    return []


def _bail_out_on(problems):
    # ASan and UBSan abort the process on a report, LeakSanitizer makes
    # the exit status non-zero: either fails the test, even when it
    # happens after the last check.
    if problems:
        print(f'Bail out! {"; ".join(problems)}: a crash or a sanitizer report '
              '(see its output)', flush=True)
        sys.exit(1)


def stop(proc):
    """Stops the app (and its mock, if launch_against_mock() started one).
    Bails out unless the app was still running and ended on SIGTERM, and
    the mock exited with status 0."""
    before = _terminate(proc)
    if proc in _PROCS:
        _PROCS.remove(proc)
    problems = []
    if before is not None:
        problems.append(f'{APP_NAME} had ended by itself ({_describe(before)})')
    elif proc.returncode != -signal.SIGTERM:
        problems.append(f'{APP_NAME} ended with {_describe(proc.returncode)} on SIGTERM')
    mock = _MOCK_OF.pop(proc, None)
    if mock is not None:
        problems += _mock_problems(mock)
    _bail_out_on(problems)


def stop_mock(mock):
    """Stops a mock of start_mock(); bails out unless it exits with 0."""
    _bail_out_on(_mock_problems(mock))


def find_app(desktop, proc):
    def ours(a):
        if a is None or a.name != APP_NAME:
            return False
        try:
            return a.get_process_id() == proc.pid
        except Exception:
            return True
    return next((a for a in desktop if ours(a)), None)


def find(root, role=None, name=None):
    import pyatspi

    def match(acc):
        return (acc is not None
                and (role is None or acc.getRole() == role)
                and (name is None or acc.name == name))
    return pyatspi.findDescendant(root, match)


def find_all(root, role=None, name=None):
    import pyatspi

    def match(acc):
        return (acc is not None
                and (role is None or acc.getRole() == role)
                and (name is None or acc.name == name))
    return pyatspi.findAllDescendants(root, match)


def inside(acc, ancestor):
    while acc is not None:
        if acc == ancestor:
            return True
        acc = acc.parent
    return False


def text_of(acc):
    # GTK 4.8 returns "" for getText(0, -1).
    t = acc.queryText()
    return t.getText(0, t.characterCount)


def find_label_text(root, wanted):
    """A label showing exactly `wanted`."""
    import pyatspi

    def match(acc):
        if acc is None or acc.getRole() != pyatspi.ROLE_LABEL:
            return False
        try:
            return text_of(acc) == wanted
        except NotImplementedError:
            return acc.name == wanted
    return pyatspi.findDescendant(root, match)


def find_page(frame, title):
    """A page's root widget carries its title as accessible label."""
    import pyatspi
    return pyatspi.findDescendant(
        frame, lambda a: a is not None and a.name == title
        and a.getRole() not in (pyatspi.ROLE_LABEL, pyatspi.ROLE_LIST_ITEM,
                                pyatspi.ROLE_PUSH_BUTTON))


def select_page(frame, title):
    """Selects a page in the sidebar (the list outside every page)."""
    import pyatspi
    # Pages hold lists too (Subscription lists every page by title): the
    # GtkStackSidebar's list, called "Sidebar", comes first.
    for sidebar in (find_all(frame, pyatspi.ROLE_LIST, 'Sidebar')
                    or find_all(frame, pyatspi.ROLE_LIST)):
        for i in range(sidebar.childCount):
            child = sidebar.getChildAtIndex(i)
            label = child and find(child, pyatspi.ROLE_LABEL)
            if label is not None and text_of(label) == title:
                sidebar.querySelection().selectChild(i)
                return True
    return False


def type_into(entry, text):
    entry.queryEditableText().setTextContents(text)


def click(button):
    button.queryAction().doAction(0)


def screenshot(tap, build_dir, name):
    """Saves the screen for people to look at; never asserted."""
    out_dir = os.path.join(build_dir, 'screenshots')
    os.makedirs(out_dir, exist_ok=True)
    path = os.path.join(out_dir, name)
    try:
        subprocess.run(['import', '-window', 'root', path], check=True, timeout=20,
                       stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        tap.comment(f'screenshot saved: {path}')
    except (OSError, subprocess.SubprocessError) as e:
        tap.comment(f'no screenshot ({e})')


def find_button(root, text):
    """A push button showing `text`: by its name, or by the label inside it
    (GTK 4.8 names a button with a mnemonic "_Label Label")."""
    import pyatspi

    def match(acc):
        if acc is None or acc.getRole() != pyatspi.ROLE_PUSH_BUTTON:
            return False
        if acc.name == text:
            return True
        return find_label_text(acc, text) is not None
    return pyatspi.findDescendant(root, match)


def start_mock(mock_path, variant, community, key, *args):
    """Starts the standalone mock on a free port accepting `community` and
    `key` (passed in the environment, never on the command line) and
    returns (process, url) once it listens."""
    env = dict(os.environ, SCMS_MOCK_API_KEY=key)
    proc = subprocess.Popen([mock_path, '--port', '0', '--variant', variant,
                             '--community-id', community, *args],
                            env=env, stdout=subprocess.PIPE, text=True)
    # From now on, a test that hangs or fails to connect still stops it.
    _MOCKS.append(proc)
    line = proc.stdout.readline()
    if not line.startswith('Listening on '):
        proc.kill()
        proc.wait()
        raise RuntimeError(f'the mock did not start ({line.strip()!r})')
    return proc, line.split('Listening on ', 1)[1].strip()


def find_label_prefix(root, prefix):
    """A label whose text starts with `prefix`."""
    import pyatspi

    def match(acc):
        if acc is None or acc.getRole() != pyatspi.ROLE_LABEL:
            return False
        try:
            return text_of(acc).startswith(prefix)
        except NotImplementedError:
            return acc.name.startswith(prefix)
    return pyatspi.findDescendant(root, match)


def _find_near_top(frame, levels, widget, search):
    """What `search` finds inside a widget of type `widget` (GTK 4.8 names
    unnamed widgets by their type) among the first `levels` levels below
    `frame`. Labels, lists and tables are never read into: a walk of the
    whole window reads every row of every page, which can take seconds
    on a slow machine, under ASan."""
    import pyatspi
    skipped = (pyatspi.ROLE_LABEL, pyatspi.ROLE_LIST, pyatspi.ROLE_TABLE,
               pyatspi.ROLE_TREE_TABLE)
    level = [frame]
    for _ in range(levels):
        below = []
        for acc in level:
            for i in range(acc.childCount):
                child = acc.getChildAtIndex(i)
                if child is None:
                    continue
                if child.name == widget:
                    found = search(child)
                    if found is not None:
                        return found
                elif child.getRole() not in skipped:
                    below.append(child)
        level = below
    return None


def find_toast(frame, prefix):
    """The label of a toast shown over the window whose text starts with
    `prefix`. A toast leaves after five seconds; toasts sit a few levels
    below the window, beside its content."""
    return _find_near_top(frame, 4, 'AdwToastWidget',
                          lambda toast: find_label_prefix(toast, prefix))


def find_window_subtitle(frame, text):
    """The subtitle of the main view's header bar when it reads `text`.

    Once connected, the header names the community for as long as the
    window is connected, unlike the toast. It sits about ten levels below
    the window. The connect form has a header of its own, which never
    names a community."""
    return _find_near_top(frame, 11, 'AdwWindowTitle',
                          lambda title: find_label_text(title, text))


def labels_shown(root, limit=12):
    """What the first `limit` labels under `root` say, for a failure's
    diagnostics."""
    import pyatspi
    texts = []
    try:
        for acc in pyatspi.findAllDescendants(
                root, lambda a: a is not None and a.getRole() == pyatspi.ROLE_LABEL):
            try:
                text = text_of(acc)
            except NotImplementedError:
                text = acc.name
            if text:
                texts.append(text[:60])
            if len(texts) == limit:
                break
    except Exception as e:  # the tree changes under us while the app works
        texts.append(f'({type(e).__name__} while reading them)')
    return texts


def _say(text):
    """A TAP comment, in the test log; on standard error too, which is
    what meson prints of a failed test (--print-errorlogs)."""
    print(f'# {text}', flush=True)
    print(text, file=sys.stderr, flush=True)


def find_label_containing(root, part):
    """A label whose text contains `part`."""
    import pyatspi

    def match(acc):
        if acc is None or acc.getRole() != pyatspi.ROLE_LABEL:
            return False
        try:
            return part in text_of(acc)
        except NotImplementedError:
            return part in acc.name
    return pyatspi.findDescendant(root, match)


def connect_form(frame):
    """The connect form (its root carries the accessible label "Connect")."""
    import pyatspi
    return pyatspi.findDescendant(
        frame, lambda a: a is not None and a.name == 'Connect'
        and a.getRole() == pyatspi.ROLE_PANEL)


def fill_connect_form(frame, community, key):
    """Types the Community ID and the API Key and clicks Connect; returns
    False when a control is missing."""
    import pyatspi
    form = poll(lambda: connect_form(frame))
    community_entry = form and poll(lambda: find(form, pyatspi.ROLE_TEXT, 'Community ID'))
    key_entry = form and find(form, pyatspi.ROLE_TEXT, 'API Key')
    button = form and find(form, pyatspi.ROLE_PUSH_BUTTON, 'Connect')
    if not (community_entry and key_entry and button):
        return False
    type_into(community_entry, community)
    type_into(key_entry, key)
    click(button)
    return True


def launch_connected(app_path, mock_url, community, key, env=None, steps=None, **popen_args):
    """Starts the app with --api-url mock_url, connects by typing the
    community ID and the key as a person would, and returns
    (process, frame) once it is connected, which the header bar shows by
    naming the community; frame is None when that did not happen. The key
    is never printed. Each step that worked is appended to the list
    `steps`, if given: 'window', 'form' (found and filled in),
    'connected'."""
    steps = [] if steps is None else steps
    start = time.monotonic()
    proc, frame = launch(app_path, '--api-url', mock_url, env=env, **popen_args)
    if frame is None:
        _say(f'no {APP_NAME} window after {time.monotonic() - start:.0f} s')
        return proc, None
    steps.append('window')
    if not fill_connect_form(frame, community, key):
        _say(f'no connect form after {time.monotonic() - start:.0f} s')
        return proc, None
    steps.append('form')
    if not poll(lambda: find_window_subtitle(frame, community)):
        _say(f'not connected (the header does not name {community!r}) after '
             f'{time.monotonic() - start:.0f} s; labels shown: {labels_shown(frame)}')
        return proc, None
    steps.append('connected')
    return proc, frame


COMMUNITY = 'copperbasinrp'


def launch_against_mock(app_path, build_dir, variant, *mock_args):
    """Starts the standalone mock in reply variant `variant` with a fresh
    random key, then the app, and connects it by typing the community ID
    and the key as a person would. Returns (process, frame); frame is None
    when connecting failed. stop(process) stops the mock too."""
    key = secrets.token_hex(16)
    mock, url = start_mock(os.path.join(build_dir, 'src', 'mock', 'scms-mock-server'),
                           variant, COMMUNITY, key, *mock_args)
    proc, frame = launch_connected(app_path, url, COMMUNITY, key)
    _MOCK_OF[proc] = mock
    return proc, frame
