#!/usr/bin/env bash
# Fuzzes the parsers with libFuzzer, outside SwiftPM:
#   scripts/fuzz.sh TARGET SECONDS      TARGET is rules, json or header
#   scripts/fuzz.sh all SECONDS         every target, one after another, SECONDS each (CI: all 20)
# The engine (every file of Sources/NeutraalEngine, a snapshot copied first) is compiled once with
# `swiftc -sanitize=fuzzer,address -parse-as-library` into a static library; each fuzzer is one target file
# of Fuzz/ plus Fuzz/FuzzSupport.swift linked against it, in .build/fuzz/bin-O (runs of 2 minutes or more)
# or .build/fuzz/bin-Onone (shorter runs, where the build dominates). Rebuilt only when a source changed.
# The seed corpus comes from Rules/ (whole files and each block alone) and Samples/ (JSON Lines split into
# single lines) and grows in .build/fuzz/corpus-TARGET/ (runs under 2 minutes use a fresh .build/fuzz/smoke-TARGET/);
# the log is .build/fuzz/log-TARGET.txt.
# A crash, hang or out-of-memory leaves its input in .build/fuzz/TARGET-crash-* (-timeout-*, -oom-*) and
# makes the script exit 1; replay it with `.build/fuzz/bin-O/fuzz-TARGET FILE`, shrink it with
# `-minimize_crash=1 -runs=10000 FILE`. Leak detection is off: the Swift runtime's metadata caches and the
# rule set loaded once per process look like leaks at exit.
# Environment: SWIFTC (compiler), FUZZ_OPT (-O or -Onone, overrides the choice above), FUZZ_NICE (default 15),
# FUZZ_NO_BUILD=1 (run the fuzzers as built, e.g. several targets side by side), FUZZ_EXTRA (libFuzzer flags).
set -euo pipefail
cd "$(dirname "$0")/.."

usage() { echo "usage: scripts/fuzz.sh rules|json|header|all SECONDS" >&2; exit 2; }
[ $# -eq 2 ] || usage
target=$1
seconds=$2
case "$seconds" in ''|*[!0-9]*) usage ;; esac

out=.build/fuzz
mkdir -p "$out"
swiftc=${SWIFTC:-swiftc}
# short runs (CI) are dominated by the build: -Onone builds the engine in well under a minute, -O takes minutes
if [ "$seconds" -ge 120 ]; then opt=${FUZZ_OPT:--O}; else opt=${FUZZ_OPT:--Onone}; fi
bin="$out/bin$opt"
nice_level=${FUZZ_NICE:-15}
# the fuzzers read the real rule set from here (see Fuzz/FuzzSupport.swift)
export NEUTRAAL_FUZZ_RULES="$PWD/Rules"

source_file() {
  case "$1" in
    rules) echo Fuzz/RuleFileTarget.swift ;;
    json) echo Fuzz/JSONTarget.swift ;;
    header) echo Fuzz/HeaderTarget.swift ;;
    *) usage ;;
  esac
}

max_len() {
  case "$1" in
    rules) echo 4096 ;;    # blocks are small; longer seeds (whole files) are cut
    *) echo 8192 ;;
  esac
}

# The engine is compiled once (module and static library, instrumented for coverage and ASan); each fuzzer
# is one target file plus Fuzz/FuzzSupport.swift linked against it. Rebuilt only when a source changed.
newer_than() { [ ! -e "$1" ] || [ -n "$(find "${@:2}" -name '*.swift' -newer "$1" | head -1)" ]; }

engine_checked=
build_engine() {
  local lib="$bin/lib"
  # once per run of this script: an edit made by someone else meanwhile waits for the next run
  [ -z "$engine_checked" ] || return 0
  engine_checked=1
  newer_than "$lib/libNeutraalEngine.a" Sources/NeutraalEngine || return 0
  echo "fuzz: building the engine ($opt, fuzzer and address sanitizers)" >&2
  mkdir -p "$lib"
  # compile a snapshot, so that an edit made meanwhile cannot break the build half-way
  rm -rf "$bin/engine-src" && cp -R Sources/NeutraalEngine "$bin/engine-src"
  local engine=() source
  while IFS= read -r source; do engine+=("$source"); done < <(find "$bin/engine-src" -name '*.swift' | LC_ALL=C sort)
  # shellcheck disable=SC2086
  nice -n "$nice_level" "$swiftc" -sanitize=fuzzer,address -parse-as-library $opt -g -swift-version 6 \
    -module-name NeutraalEngine -emit-module -emit-module-path "$lib/NeutraalEngine.swiftmodule" \
    -emit-library -static -o "$lib/libNeutraalEngine.a" "${engine[@]}" > "$bin/build-engine.txt" 2>&1 \
    || { cat "$bin/build-engine.txt" >&2; rm -f "$lib/libNeutraalEngine.a"; exit 2; }
}

build() {
  local name=$1 binary="$bin/fuzz-$1" file
  file=$(source_file "$name")
  # FUZZ_NO_BUILD=1 runs the fuzzers as built (e.g. several targets side by side)
  if [ -n "${FUZZ_NO_BUILD:-}" ] && [ -x "$binary" ]; then return 0; fi
  build_engine
  newer_than "$binary" Sources/NeutraalEngine Fuzz || return 0
  echo "fuzz: building $binary" >&2
  # lld: gold crashes on these objects (internal error in format_file_lineno); the build log is shown on failure
  # shellcheck disable=SC2086
  nice -n "$nice_level" "$swiftc" -sanitize=fuzzer,address -parse-as-library $opt -g -swift-version 6 \
    -module-name "NeutraalFuzz_$name" -use-ld=lld -I "$bin/lib" -L "$bin/lib" -lNeutraalEngine \
    Fuzz/FuzzSupport.swift "$file" -o "$binary" > "$bin/build-$name.txt" 2>&1 \
    || { cat "$bin/build-$name.txt" >&2; exit 2; }
}

# Long runs grow .build/fuzz/corpus-TARGET; short runs start afresh from the seeds each time, because
# libFuzzer replays the whole corpus before -max_total_time applies and a grown corpus takes minutes.
corpus_dir() { if [ "$seconds" -ge 120 ]; then echo "$out/corpus-$1"; else echo "$out/smoke-$1"; fi; }

seed() {
  local name=$1 corpus
  corpus=$(corpus_dir "$1")
  [ "$seconds" -ge 120 ] || rm -rf "$corpus"
  mkdir -p "$corpus"
  case "$name" in
    rules)
      # every block on its own (a small seed mutates faster), and every whole file
      find Rules -name '*.rules' -o -name '*.schema' | while read -r file; do
        cp "$file" "$corpus/seed-$(basename "$file")"
        awk -v prefix="$corpus/seed-$(basename "$file")-" '/^[a-z]/ { n++ } n > 0 { print > (prefix n) }' "$file"
      done ;;
    json)
      find Samples -name '*.json' | while read -r file; do cp "$file" "$corpus/seed-$(basename "$file")"; done
      find Samples -name '*.jsonl' -o -name '*.ndjson' | while read -r file; do
        local n=0
        while IFS= read -r line || [ -n "$line" ]; do
          [ -n "$line" ] || continue
          n=$((n + 1))
          printf '%s\n' "$line" > "$corpus/seed-$(basename "$file")-$n.json"
        done < "$file"
      done ;;
    header)
      find Samples -name '*.md' -o -name '*.txt' -o -name '*.post' | while read -r file; do cp "$file" "$corpus/seed-$(basename "$file")"; done ;;
  esac
}

run() {
  local name=$1 status=0
  seed "$name"
  echo "fuzz: $name for ${seconds}s ($opt)" >&2
  # shellcheck disable=SC2086
  ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=0} nice -n "$nice_level" "$bin/fuzz-$name" "$(corpus_dir "$name")" -max_total_time="$seconds" -max_len="$(max_len "$name")" \
    -timeout=10 -rss_limit_mb=2048 -detect_leaks=0 -print_final_stats=1 -artifact_prefix="$out/$name-" ${FUZZ_EXTRA:-} \
    2> "$out/log-$name.txt" || status=$?
  grep -E '^(stat::|Done|#[0-9]+ *DONE)' "$out/log-$name.txt" | sort -u >&2 || true
  if [ "$status" -ne 0 ]; then
    echo "fuzz: $name failed (status $status); see $out/log-$name.txt and the artifact it names:" >&2
    grep -E 'Test unit written to|ERROR:|SUMMARY:' "$out/log-$name.txt" >&2 || tail -20 "$out/log-$name.txt" >&2
    return 1
  fi
}

if [ "$target" = all ]; then
  # build everything first, so that an edit made while the fuzzers run does not rebuild the engine half-way
  for name in rules json header; do build "$name"; done
  failed=0
  for name in rules json header; do run "$name" || failed=1; done
  exit "$failed"
fi
build "$target"
run "$target"
