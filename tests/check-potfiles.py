#!/usr/bin/python3
# check-potfiles.py — every file with translatable strings is in po/POTFILES.in
#
# Copyright 2026 The Sonoran Admin authors
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: check-potfiles.py SOURCE_ROOT
# Prints TAP: one check per file that has translatable strings, one that every
# entry of POTFILES.in exists, and one that the list is sorted.

import os
import re
import sys

C_MARKERS = re.compile(r'(?<![A-Za-z0-9_])(?:N?C?_|ngettext|g_dngettext)\s*\(')
UI_MARKER = re.compile(r'translatable\s*=\s*"(?:yes|true|1)"')
SOURCE_EXTENSIONS = ('.c', '.h')
UI_EXTENSIONS = ('.ui', '.xml', '.xml.in')


def translatable(root, path):
    rel = os.path.relpath(path, root)
    if rel.startswith('data' + os.sep):
        # Desktop and metainfo templates, and the schema's summaries.
        return path.endswith('.in') or path.endswith('.gschema.xml')
    try:
        with open(path, encoding='utf-8') as f:
            text = f.read()
    except (UnicodeDecodeError, OSError):
        return False
    if path.endswith(SOURCE_EXTENSIONS):
        return C_MARKERS.search(text) is not None
    if path.endswith(UI_EXTENSIONS):
        return UI_MARKER.search(text) is not None
    return False


def main():
    root = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else '.')
    with open(os.path.join(root, 'po', 'POTFILES.in'), encoding='utf-8') as f:
        listed = [line.strip() for line in f
                  if line.strip() and not line.lstrip().startswith('#')]

    found = []
    for top in ('src', 'data'):
        for dirpath, dirnames, filenames in os.walk(os.path.join(root, top)):
            dirnames.sort()
            for name in sorted(filenames):
                path = os.path.join(dirpath, name)
                if translatable(root, path):
                    found.append(os.path.relpath(path, root).replace(os.sep, '/'))

    checks = []
    for rel in found:
        checks.append((rel in listed, f'{rel} is listed in po/POTFILES.in'))
    missing = [rel for rel in listed if not os.path.exists(os.path.join(root, rel))]
    checks.append((not missing,
                   'every entry of po/POTFILES.in exists'
                   + (f' (stale: {", ".join(missing)})' if missing else '')))
    checks.append((listed == sorted(listed), 'po/POTFILES.in is sorted'))

    print(f'1..{len(checks)}')
    failed = 0
    for i, (ok, what) in enumerate(checks, 1):
        print(f'{"ok" if ok else "not ok"} {i} - {what}')
        failed += not ok
    if failed:
        print(f'# {failed} check(s) failed: add the files with translatable strings '
              'to po/POTFILES.in', file=sys.stderr)
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main())
