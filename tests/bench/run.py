#!/usr/bin/python3
# run.py — the benchmark of issue 4; see build-aux/bench.sh
#
# Copyright 2026 The Sonoran Admin authors
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Starts the project's mock on loopback (100,000-entry whitelist, 10,000
# members), measures the real code path and the baselines in the same run,
# and prints a table of medians (with min and max) plus a JSON file. It
# prints figures only: targets are compared, never asserted.

import argparse
import json
import os
import secrets
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

COMMUNITY = 'copperbasinrp'
WHITELIST_SIZE = 100000
MEMBERS = 10000


def start_mock(build_dir, env):
    mock = subprocess.Popen(
        [os.path.join(build_dir, 'src', 'mock', 'scms-mock-server'), '--port', '0',
         '--variant', 'live', '--members', str(MEMBERS), '--whitelist-size', str(WHITELIST_SIZE)],
        stdout=subprocess.PIPE, env=env, text=True)
    line = mock.stdout.readline().strip()
    if not line.startswith('Listening on '):
        sys.exit(f'the mock did not start: {line!r}')
    return mock, line[len('Listening on '):]


def stats(values):
    values = [v for v in values if v is not None]
    if not values:
        return None
    return {'median': statistics.median(values), 'min': min(values), 'max': max(values),
            'runs': len(values)}


def node_baseline(url, runs, env, src_dir):
    node = shutil.which('node') or shutil.which('nodejs')
    if node is None:
        return None
    out = subprocess.run([node, os.path.join(src_dir, 'tests', 'bench', 'baseline.mjs'),
                          url, COMMUNITY, str(runs)],
                         env=env, check=True, capture_output=True, text=True).stdout
    return [json.loads(line)['ms'] for line in out.splitlines() if line.strip()]


def curl_floor(url, runs, env):
    body = json.dumps({'id': COMMUNITY, 'key': env['SCMS_MOCK_API_KEY'],
                       'type': 'FULL_WHITELIST', 'data': [{'serverId': 1}]})
    times = []
    for _ in range(runs):
        # The body goes through a file so the key is not on a command line.
        curl = subprocess.run(['curl', '-s', '-o', '-', '-w', '\\n%{time_total}', '-X', 'POST',
                               '-H', 'Content-Type: application/json',
                               '--data-binary', '@-', f'{url}/servers/full_whitelist'],
                              input=body.encode(), capture_output=True, check=True)
        reply, _, transfer = curl.stdout.rpartition(b'\n')
        start = time.perf_counter()
        json.loads(reply)
        parse = time.perf_counter() - start
        # curl's own transfer time (not its process start) plus the parse.
        times.append(float(transfer) * 1000.0 + parse * 1000.0)
    return times


def save_reply(url, env, path):
    """Saves the whitelist reply of (1) to path; returns its size in bytes."""
    body = json.dumps({'id': COMMUNITY, 'key': env['SCMS_MOCK_API_KEY'],
                       'type': 'FULL_WHITELIST', 'data': [{'serverId': 1}]})
    curl = subprocess.run(['curl', '-s', '-X', 'POST', '-H', 'Content-Type: application/json',
                           '--data-binary', '@-', f'{url}/servers/full_whitelist'],
                          input=body.encode(), capture_output=True, check=True)
    with open(path, 'wb') as f:
        f.write(curl.stdout)
    return len(curl.stdout)


def in_process(build_dir, what, target, runs, env):
    results = []
    for _ in range(runs):
        out = subprocess.run([os.path.join(build_dir, 'tests', 'bench', 'scms-bench'), what, target],
                             env=env, capture_output=True, text=True, timeout=600)
        if out.returncode != 0:
            sys.stderr.write(out.stderr)
            sys.exit(f'scms-bench {what} failed ({out.returncode})')
        results.append(json.loads(out.stdout.strip().splitlines()[-1]))
    return results


def stop(proc, timeout):
    proc.terminate()
    try:
        proc.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()


def first_frame(argv, env):
    env = dict(env, SCMS_REPORT_FIRST_FRAME='1')
    start = time.monotonic_ns() // 1000
    proc = subprocess.Popen(argv, env=env, stderr=subprocess.PIPE, text=True)
    try:
        for line in proc.stderr:
            if line.startswith('first-frame '):
                return (int(line.split()[1]) - start) / 1000.0
        return None
    finally:
        stop(proc, 10)


def first_frame_instructions(argv, env):
    """The instructions the main thread runs until the first frame, counted
    by callgrind. Unlike the time, this hardly moves from one run to the
    next (0.3% here), so a change of a few percent shows in one run; the
    other threads are left out, as their progress by then varies."""
    valgrind = shutil.which('valgrind')
    control = shutil.which('callgrind_control')
    if valgrind is None or control is None:
        return None
    env = dict(env, SCMS_REPORT_FIRST_FRAME='1')
    with tempfile.TemporaryDirectory() as tmp:
        out = os.path.join(tmp, 'callgrind.out')
        proc = subprocess.Popen([valgrind, '--tool=callgrind', '--separate-threads=yes',
                                 f'--callgrind-out-file={out}', *argv],
                                env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                                text=True)
        try:
            for line in proc.stderr:
                if line.startswith('first-frame '):
                    # Waits until the process has written the counts so far.
                    subprocess.run([control, '--dump', str(proc.pid)], check=True,
                                   capture_output=True, timeout=120)
                    break
            else:
                return None
        finally:
            stop(proc, 30)
        # Part 1 (the dump), thread 1 (the main thread).
        with open(out + '.1-01', encoding='utf-8') as f:
            for line in f:
                if line.startswith('summary:'):
                    return int(line.split()[1])
    return None


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument('--build-dir', default='build-bench')
    parser.add_argument('--source-dir', default='.')
    parser.add_argument('--runs', type=int, default=5)
    parser.add_argument('--out', default=None)
    args = parser.parse_args()

    runs = max(5, args.runs)
    # No GPU here: under Xvfb the GL renderer is Mesa's llvmpipe, which
    # would measure Mesa more than us; cairo is what the tests use too.
    env = dict(os.environ, SCMS_MOCK_API_KEY=secrets.token_hex(16),
               GSETTINGS_SCHEMA_DIR=os.path.join(args.build_dir, 'data'),
               GSETTINGS_BACKEND='memory', GTK_A11Y='none',
               GSK_RENDERER='cairo', GDK_DEBUG='gl-disable')
    env.pop('G_MESSAGES_DEBUG', None)

    mock, url = start_mock(args.build_dir, env)
    figures = {}
    try:
        node = node_baseline(url, runs, env, args.source_dir)
        figures['node_fetch_parse_ms'] = stats(node)
        figures['curl_parse_floor_ms'] = stats(curl_floor(url, runs, env))

        whitelist = in_process(args.build_dir, 'whitelist', url, runs, env)
        reply_path = os.path.join(args.build_dir, 'whitelist-reply.json')
        reply_bytes = save_reply(url, env, reply_path)
        figures['reply_bytes'] = reply_bytes
        for r in whitelist:
            if r.get('entries') != WHITELIST_SIZE:
                sys.exit(f'scms-bench whitelist loaded {r.get("entries")} entries, '
                         f'not {WHITELIST_SIZE}: the figures would mean nothing')
            r['rss_per_reply_byte'] = r['rss_growth_bytes'] / reply_bytes
        for key in ('first_rows_ms', 'all_entries_ms', 'max_stall_ms', 'rss_per_reply_byte',
                    'search_max_stall_ms', 'main_thread_cpu_ms', 'process_cpu_ms'):
            figures[key] = stats([r.get(key) for r in whitelist])
        figures['entries'] = whitelist[-1].get('entries')

        # json-glib's share of (1): the same pieces, decoded by the same
        # function on one thread per core, with nothing else to do.
        decode = in_process(args.build_dir, 'decode', reply_path, runs, env)
        for r in decode:
            if r.get('entries') != WHITELIST_SIZE or r.get('failed'):
                sys.exit(f'scms-bench decode decoded {r.get("entries")} entries '
                         f'({r.get("failed")} pieces failed)')
        figures['decode_only_ms'] = stats([r['decode_ms'] for r in decode])
        figures['decode_only_cpu_ms'] = stats([r['decode_cpu_ms'] for r in decode])
        figures['decode_threads'] = decode[-1]['threads']

        app = [os.path.join(args.build_dir, 'src', 'sonoran-admin'), '--demo']
        bare = [os.path.join(args.build_dir, 'tests', 'bench', 'bare-window')]
        # Taking turns, so that the machine's load drifting during the runs
        # weighs on the three alike.
        starts = {'cold_start_ms': app, 'bare_window_ms': bare,
                  'bare_adwaita_window_ms': bare + ['--adwaita']}
        frames = {key: [] for key in starts}
        for _ in range(runs):
            for key, argv in starts.items():
                frames[key].append(first_frame(argv, env))
        for key in starts:
            figures[key] = stats(frames[key])
        for key, argv in starts.items():
            figures[key.replace('_ms', '_instructions')] = stats(
                [first_frame_instructions(argv, env)])

        paging = in_process(args.build_dir, 'paging', url, runs, env)
        figures['paging_total_ms'] = stats([r['total_ms'] for r in paging])
        figures['paging_requests'] = paging[-1]['requests']
        figures['paging_members'] = paging[-1]['members']
        figures['paging_rate_limited'] = sum(r['rate_limited'] for r in paging)
        figures['paging_max_gap_ms'] = stats([r['max_gap_ms'] for r in paging])
        figures['paging_interval_ms'] = paging[-1]['interval_ms']
    finally:
        mock.terminate()
        mock.wait()

    def ratio(a, b):
        if figures.get(a) and figures.get(b):
            return figures[a]['median'] / figures[b]['median']
        return None

    figures['ratios'] = {
        'first_rows_vs_node': ratio('first_rows_ms', 'node_fetch_parse_ms'),
        'all_entries_vs_node': ratio('all_entries_ms', 'node_fetch_parse_ms'),
        'decode_only_vs_node': ratio('decode_only_ms', 'node_fetch_parse_ms'),
        'cold_start_vs_bare': ratio('cold_start_ms', 'bare_window_ms'),
        'adwaita_vs_bare': ratio('bare_adwaita_window_ms', 'bare_window_ms'),
        'cold_start_instructions_vs_bare': ratio('cold_start_instructions',
                                                 'bare_window_instructions'),
        'adwaita_instructions_vs_bare': ratio('bare_adwaita_window_instructions',
                                              'bare_window_instructions'),
    }

    rows = [
        ('(1) first rows drawn', 'first_rows_ms', 'ms', '<= 1.0x node', 'first_rows_vs_node'),
        ('(1) all 100,000 entries in the model', 'all_entries_ms', 'ms', '<= 2.0x node',
         'all_entries_vs_node'),
        ('    CPU during (1): main thread', 'main_thread_cpu_ms', 'ms', '', None),
        ('    CPU during (1): whole process', 'process_cpu_ms', 'ms', '', None),
        ('    json-glib decoding alone (no I/O, no GUI)', 'decode_only_ms', 'ms',
         f'{figures.get("decode_threads")} threads, saved reply', 'decode_only_vs_node'),
        ('    CPU of that decoding', 'decode_only_cpu_ms', 'ms', '', None),
        ('(2) longest main-loop stall during (1)', 'max_stall_ms', 'ms', '<= 50 ms', None),
        ('(3) peak RSS growth / reply bytes', 'rss_per_reply_byte', 'x', '<= 4x', None),
        ('(4) longest stall per keystroke, 6-char search', 'search_max_stall_ms', 'ms', '<= 16 ms',
         None),
        ('(5) cold start to first frame', 'cold_start_ms', 'ms', '<= 1.5x bare',
         'cold_start_vs_bare'),
        ('    bare GtkApplication window', 'bare_window_ms', 'ms', '', None),
        ('    bare AdwApplication window (context)', 'bare_adwaita_window_ms', 'ms', '',
         'adwaita_vs_bare'),
        ('(5) instructions to first frame, main thread', 'cold_start_instructions', 'instr',
         'callgrind, 1 run', 'cold_start_instructions_vs_bare'),
        ('    bare GtkApplication window', 'bare_window_instructions', 'instr', '', None),
        ('    bare AdwApplication window', 'bare_adwaita_window_instructions', 'instr', '',
         'adwaita_instructions_vs_bare'),
        ('(6) 10,000 members, paged', 'paging_total_ms', 'ms', 'no 429, no idle gap', None),
        ('(6) longest gap between pages', 'paging_max_gap_ms', 'ms',
         f'scheduler interval {figures.get("paging_interval_ms")} ms', None),
        ('(7) node: fetch + JSON.parse', 'node_fetch_parse_ms', 'ms', 'baseline', None),
        ('(7) curl + json.loads (floor)', 'curl_parse_floor_ms', 'ms', 'floor', None),
    ]

    def shown(value, unit):
        if unit == 'ms':
            return f'{value:.1f} ms'
        if unit == 'instr':
            return f'{value / 1e6:.1f} M'
        return f'{value:.2f}{unit}'

    print(f'{"measure":48} {"median":>10} {"min":>10} {"max":>10}  {"ratio":>6}  target')
    for label, key, unit, target, ratio_key in rows:
        s = figures.get(key)
        r = figures['ratios'].get(ratio_key) if ratio_key else None
        if s is None:
            print(f'{label:48} {"n/a":>10}')
            continue
        print(f'{label:48} {shown(s["median"], unit):>10} {shown(s["min"], unit):>10} '
              f'{shown(s["max"], unit):>10}  {(f"{r:.2f}x" if r else ""):>6}  {target}')
    print(f'paging: {figures["paging_requests"]} requests for {figures["paging_members"]} '
          f'members, {figures["paging_rate_limited"]} rate-limited replies')

    out = args.out or os.path.join(args.build_dir, 'bench.json')
    with open(out, 'w', encoding='utf-8') as f:
        json.dump(figures, f, indent=2)
    print(f'figures written to {out}')


if __name__ == '__main__':
    main()
