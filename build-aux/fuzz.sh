#!/bin/sh
# build-aux/fuzz.sh — build the libFuzzer targets and fuzz each for a while
#
# Copyright 2026 The Sonoran Admin authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: build-aux/fuzz.sh [SECONDS]     (default 60, per target)
#   FUZZ_TARGETS="decode timestamp identifier array-splitter"   which targets to run
#   FUZZ_LEAK_SECONDS=10                         length of each leak-checking run
#   BUILDDIR=build-fuzz                          the clang build directory
#
# For each target (tests/fuzz/fuzz-*.c) it runs:
#  1. a long run of SECONDS without leak checking, for speed: -detect_leaks=0
#     alone still runs LeakSanitizer at exit, so ASAN_OPTIONS says it too;
#  2. a short run with LeakSanitizer on every input, with tests/lsan.supp
#     (json-glib 1.6 leaks on some malformed JSON, see there).
# Corpora live in $BUILDDIR/fuzz-corpus/<target>/ and grow from one run to
# the next; they are seeded from tests/fuzz/seeds/ and, for the decoders,
# from every reply in tests/data/ given to every decoder. Crashes, leaks and
# timeouts are kept in $BUILDDIR/artifacts/; replay one with
#   $BUILDDIR/tests/fuzz/fuzz-decode $BUILDDIR/artifacts/decode-crash-…
# It prints the executions of each target ("Done N runs" of libFuzzer) and
# exits non-zero if any run found something.
set -eu

cd "$(dirname "$0")/.."

SECONDS_PER_TARGET=${1:-60}
FUZZ_TARGETS=${FUZZ_TARGETS:-decode timestamp identifier array-splitter}
FUZZ_LEAK_SECONDS=${FUZZ_LEAK_SECONDS:-10}
BUILDDIR=${BUILDDIR:-build-fuzz}

case "$SECONDS_PER_TARGET" in
  ''|*[!0-9]*) echo "usage: $0 [SECONDS]" >&2; exit 2 ;;
esac

build-aux/install-deps.sh fuzz

if [ ! -f "$BUILDDIR/meson-private/coredata.dat" ]; then
  # The library under test is instrumented for coverage (fuzzer-no-link);
  # only the targets link libFuzzer's main (tests/fuzz/meson.build).
  CC=clang meson setup "$BUILDDIR" \
    -Dfuzzing=true \
    -Db_sanitize=address,undefined \
    -Db_lundef=false \
    -Dbuildtype=debugoptimized \
    -Dc_args=-fsanitize=fuzzer-no-link
fi
meson compile -C "$BUILDDIR"

corpus_root="$BUILDDIR/fuzz-corpus"
artifacts="$BUILDDIR/artifacts"
logs="$BUILDDIR/fuzz-logs"
mkdir -p "$corpus_root" "$artifacts" "$logs"

# One byte, written with printf's octal escape.
byte ()
{
  printf "\\$(printf '%03o' "$1")"
}

# Seeds for fuzz-decode in its layout (see tests/fuzz/fuzz-decode.c):
# decoder, content type, status as 0xf0|high nibble and low byte, body.
seed_decode ()
{
  dir="$corpus_root/decode"
  n_decoders=14
  for file in tests/data/*.json tests/data/*.txt; do
    name=$(basename "$file")
    status=$(echo "$name" | cut -d. -f2)
    case "$status" in
      ''|*[!0-9]*) continue ;;
    esac
    case "$name" in
      *.json) content_type=1 ;;   # application/json; charset=utf-8
      *) content_type=2 ;;        # text/plain; charset=utf-8
    esac
    d=0
    while [ "$d" -lt "$n_decoders" ]; do
      {
        byte "$d"
        byte "$content_type"
        byte $((0xf0 | (status >> 8)))
        byte $((status & 0xff))
        cat "$file"
      } > "$dir/data-$d-$name"
      d=$((d + 1))
    done
  done
}

# Every timestamp that the example replies contain.
seed_timestamp ()
{
  dir="$corpus_root/timestamp"
  i=0
  grep -ohE '"[0-9]{4}-[0-9]{2}-[0-9]{2}[ T][^"]*"' tests/data/*.json | tr -d '"' | sort -u |
    while IFS= read -r stamp; do
      printf '%s' "$stamp" > "$dir/data-$i"
      i=$((i + 1))
    done
}

# Every example reply that is a JSON array, fed in chunks of 64 bytes with
# pieces of at least 16 (see tests/fuzz/fuzz-array-splitter.c).
seed_array_splitter ()
{
  dir="$corpus_root/array-splitter"
  for file in tests/data/*.json; do
    if [ "$(head -c 1 "$file")" = "[" ]; then
      { byte 63; byte 16; cat "$file"; } > "$dir/data-$(basename "$file")"
    fi
  done
}

for target in $FUZZ_TARGETS; do
  mkdir -p "$corpus_root/$target"
  if [ -d "tests/fuzz/seeds/$target" ]; then
    cp tests/fuzz/seeds/"$target"/* "$corpus_root/$target/"
  fi
  case "$target" in
    decode) seed_decode ;;
    timestamp) seed_timestamp ;;
    array-splitter) seed_array_splitter ;;
  esac
done

# Runs one target and prints its executions; $1 target, $2 kind
# (long/leaks), then libFuzzer options. json-glib's leaks on malformed input
# (tests/lsan.supp) add up over long runs: RSS limit 4 GB, not 2.
run_target ()
{
  target=$1
  kind=$2
  shift 2
  log="$logs/$target-$kind.log"
  status=0

  if [ "$target" = decode ]; then
    set -- "$@" -dict=tests/fuzz/json.dict
  fi

  "$BUILDDIR/tests/fuzz/fuzz-$target" "$@" \
    -artifact_prefix="$artifacts/$target-" \
    -print_final_stats=1 \
    -rss_limit_mb=4096 \
    "$corpus_root/$target" > "$log" 2>&1 || status=$?

  runs=$(sed -n 's/^Done \([0-9][0-9]*\) runs in .*/\1/p' "$log" | tail -n 1)
  if [ "$status" -ne 0 ] || [ -z "$runs" ]; then
    echo "fuzz-$target ($kind): FAILED (exit $status), see $log" >&2
    tail -n 40 "$log" >&2
    return 1
  fi

  echo "$runs"
}

failed=0
total=0
summary=""

for target in $FUZZ_TARGETS; do
  start=$(date +%s)

  long_runs=$(G_SLICE=always-malloc \
    ASAN_OPTIONS=detect_leaks=0:abort_on_error=1:quarantine_size_mb=64 \
    UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
    run_target "$target" long -detect_leaks=0 -max_total_time="$SECONDS_PER_TARGET") || {
      failed=1
      long_runs=0
    }

  leak_runs=$(G_SLICE=always-malloc \
    ASAN_OPTIONS=detect_leaks=1:fast_unwind_on_malloc=0:abort_on_error=1 \
    LSAN_OPTIONS=suppressions="$PWD/tests/lsan.supp":print_suppressions=0 \
    UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
    run_target "$target" leaks -max_total_time="$FUZZ_LEAK_SECONDS") || {
      failed=1
      leak_runs=0
    }

  elapsed=$(($(date +%s) - start))
  runs=$((long_runs + leak_runs))
  total=$((total + runs))
  line=$(printf 'fuzz-%-11s %12s runs (%s without + %s with leak checks) in %s s' \
    "$target" "$runs" "$long_runs" "$leak_runs" "$elapsed")
  echo "$line"
  summary="$summary$line
"
done

echo
printf '%s' "$summary"
printf 'total %29s runs\n' "$total"

if [ "$failed" -ne 0 ]; then
  echo "fuzzing found problems: artifacts in $artifacts/, logs in $logs/" >&2
  exit 1
fi
