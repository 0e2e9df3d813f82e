#!/usr/bin/env bash
# The performance benchmark (not a timed test): lints generated batches with the full rule set and
# reports activities/s, MB/s and peak memory, with the ratios against the peer engines (Cedar, Rego, CEL)
# and the Swift read-and-split floor, all measured in this same run on this machine.
#
# usage: scripts/bench.sh [N ...]        default: 10000 100000 1000000
# env:   REPS (3), SEED (42), PEERS (1: also run Cedar, Rego and CEL on the 100,000-record batch, or on the
#        first N when 100000 is not among the sizes; 0: skip them)
#        LINK (static: the binary built with --static-swift-stdlib, as deployed; dynamic: the ordinary release build)
#        PEERS_DIR (../shared/bench/peers: the generator, the peer policies and the floors)
set -euo pipefail
cd "$(dirname "$0")/.."
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(10000 100000 1000000)
REPS=${REPS:-3}; SEED=${SEED:-42}; PEERS=${PEERS:-1}; LINK=${LINK:-static}
case "$LINK" in static|dynamic) ;; *) echo "bench: LINK=$LINK: allowed values are static and dynamic" >&2; exit 2;; esac
PEERS_DIR=${PEERS_DIR:-../shared/bench/peers}
[ -f "$PEERS_DIR/gen_activities.py" ] || { echo "bench: $PEERS_DIR/gen_activities.py not found (set PEERS_DIR)" >&2; exit 2; }
out=.build/bench
mkdir -p "$out"

# The release binary as it is deployed: with the Swift runtime and Foundation linked in (no shared libraries
# to load and bind at start-up, direct calls into the runtime's reference counting; see docs/performance.md).
# LINK=dynamic measures the ordinary `swift build -c release` binary instead. Its own build directory, so
# that neither build undoes the other.
if [ "$LINK" = dynamic ]; then
  swift build -c release --product neutraal >&2
  bin=.build/release/neutraal
else
  swift build -c release --product neutraal --static-swift-stdlib --scratch-path .build/static >&2
  bin=.build/static/release/neutraal
fi
# the floor built the same way (it times itself, without its start-up)
swiftc -O $([ "$LINK" = dynamic ] || echo -static-stdlib) "$PEERS_DIR/swift/split_only.swift" -o "$out/split_only" 2>/dev/null || true

median() { sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

echo "# Neutraal lint benchmark"
echo
echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(uname -sm); $(swift --version 2>&1 | head -1)"
echo "binary: $bin ($([ "$LINK" = dynamic ] && echo "swift build -c release" || echo "swift build -c release --static-swift-stdlib"))"
echo "command: $bin lint FILE --format json > /dev/null   (median of $REPS runs, whole process; the fastest beside it)"
echo "rule set: $($bin validate | head -1)"
echo
# the median is what the ratios use; the fastest run is shown beside it, as the speed least disturbed by
# whatever else the machine does.
# The floor is timed in turn with neutraal (a reading of the floor after each neutraal run), so that both see
# the same phase of the machine, and the file is read once before either is timed: this machine's page cache
# is emptied from time to time, and a run that reads the file from disk is slower. The share of the floor is
# given three ways: median against median, fastest against fastest, and the median of the shares of each pair
# of readings taken in turn (the least moved by the machine's phases).
printf '| batch | MB | neutraal s | activities/s | fastest s | processor s | MB/s | peak MB | Swift read+split floor /s | share of floor | floor fastest /s | share, fastest runs | share, runs in turn |\n'
printf '|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n'
first=""; peerfile=""
: > "$out/neutraal-times.txt"
for n in "${sizes[@]}"; do
  file=$out/activities-$n-$SEED.jsonl
  [ -s "$file" ] || python3 "$PEERS_DIR/gen_activities.py" "$n" "$SEED" > "$file"
  [ -n "$first" ] || first=$file
  [ "$n" != 100000 ] || peerfile=$file
  mb=$(awk -v b="$(stat -c %s "$file")" 'BEGIN {printf "%.1f", b/1e6}')
  times=(); cpus=(); floors=(); floorBests=(); shares=(); peak=0
  cat "$file" > /dev/null
  for _ in $(seq "$REPS"); do
    # wall time from the clock in nanoseconds (`time`'s own is in hundredths); peak memory from `time`
    started=$(date +%s%N)
    /usr/bin/time -f "%M %U %S" -o "$out/time.txt" "$bin" lint "$file" --format json --no-progress > /dev/null || [ $? -eq 1 ]
    seconds=$(awk -v a="$started" -v b="$(date +%s%N)" 'BEGIN {printf "%.3f", (b - a) / 1e9}')
    read -r kb user system < <(tail -n 1 "$out/time.txt")
    times+=("$seconds"); [ "$kb" -gt "$peak" ] && peak=$kb
    # processor time (user + system, both cores): what the engine costs, less moved by the machine's phases
    # than the clock, though not unmoved (a slow phase slows the processor too)
    cpus+=("$(awk -v u="$user" -v s="$system" 'BEGIN {printf "%.2f", u + s}')")
    if [ -x "$out/split_only" ]; then
      # the floor as ../shared/bench/peers/run.sh measures it: the median of REPS readings in one process
      # (its first reading in a new process is up to twice as slow at a million records: it faults in the
      # pages of a buffer the size of the file, which the later ones find mapped)
      read -r rate best < <("$out/split_only" "$file" "$REPS" | python3 -c 'import json,sys; r = json.load(sys.stdin); print(r["acts_per_s"], int(r["n"] / min(r["runs_s"])))')
      floors+=("$rate"); floorBests+=("$best")
      shares+=("$(awk -v n="$n" -v s="$seconds" -v f="$rate" 'BEGIN {printf "%.4f", 100 * (n / s) / f}')")
    fi
  done
  med=$(printf '%s\n' "${times[@]}" | median)
  fastest=$(printf '%s\n' "${times[@]}" | sort -g | head -n 1)
  cpu=$(printf '%s\n' "${cpus[@]}" | median)
  floor="n/a"; share="n/a"; floorBest="n/a"; shareBest="n/a"; sharePaired="n/a"
  if [ ${#floors[@]} -gt 0 ]; then
    floor=$(printf '%s\n' "${floors[@]}" | median)
    floorBest=$(printf '%s\n' "${floorBests[@]}" | sort -g | tail -n 1)
    share=$(awk -v n="$n" -v s="$med" -v f="$floor" 'BEGIN {printf "%.1f%%", 100 * (n / s) / f}')
    shareBest=$(awk -v n="$n" -v s="$fastest" -v f="$floorBest" 'BEGIN {printf "%.1f%%", 100 * (n / s) / f}')
    sharePaired=$(printf '%s\n' "${shares[@]}" | median | awk '{printf "%.1f%%", $1}')
  fi
  awk -v n="$n" -v mb="$mb" -v s="$med" -v f="$fastest" -v c="$cpu" -v kb="$peak" -v floor="$floor" -v share="$share" \
    -v floorBest="$floorBest" -v shareBest="$shareBest" -v sharePaired="$sharePaired" \
    'BEGIN {printf "| %d | %s | %.3f | %.0f | %.3f | %.2f | %.1f | %.1f | %s | %s | %s | %s | %s |\n", n, mb, s, n / s, f, c, mb / s, kb / 1024, floor, share, floorBest, shareBest, sharePaired}'
  echo "$n $med" >> "$out/neutraal-times.txt"
done

if [ "$PEERS" = "1" ]; then
  [ -n "$peerfile" ] || peerfile=$first
  first=$peerfile
  n=$(wc -l < "$first")
  ours=$(awk -v n="$n" '$1 == n {print $2}' "$out/neutraal-times.txt" | tail -1)
  # issue 7 states its ratios for the largest batch (a peer's rate, timed inside its process, does not depend
  # on the batch's size; neutraal's start-up weighs less in a larger batch): shown beside those on the same file
  big=$(sort -n "$out/neutraal-times.txt" | tail -1 | awk '{print $1}')
  bigs=$(sort -n "$out/neutraal-times.txt" | tail -1 | awk '{print $2}')
  echo
  echo "Peers on the $n-record batch (\`$PEERS_DIR/bench.py\`, same file, median of $REPS runs inside one process,"
  echo "parse included, interpreter start-up and file reading excluded; neutraal's time is the whole process):"
  echo
  # the ratios of a peer's rate: on the same file, and at the largest batch when that is another one
  ratios() {
    awk -v r="$1" -v n="$n" -v s="$ours" -v bn="$big" -v bs="$bigs" \
      'BEGIN {printf "%.1fx |", (n / s) / r; if (bn != n) printf " %.1fx |", (bn / bs) / r; printf "\n"}'
  }
  if [ "$big" != "$n" ]; then
    printf '| engine | activities/s | neutraal is faster by (%s records, same file) | neutraal at %s records is faster by |\n|---|---:|---:|---:|\n' "$n" "$big"
    awk -v n="$n" -v s="$ours" -v bn="$big" -v bs="$bigs" 'BEGIN {printf "| neutraal (full rule set, whole process) | %.0f (%.0f at %d) | 1.0x | |\n", n / s, bn / bs, bn}'
    missing='| | |'
  else
    printf '| engine | activities/s | neutraal is faster by |\n|---|---:|---:|\n'
    awk -v n="$n" -v s="$ours" 'BEGIN {printf "| neutraal (full rule set, whole process) | %.0f | 1.0x |\n", n / s}'
    missing='| |'
  fi
  for peer in cedar rego cel; do
    # the with-parse figure: like neutraal's, it starts from the JSON text of each line
    if line=$(python3 "$PEERS_DIR/bench.py" "$peer" "$first" "$REPS" 2>/dev/null | grep '"with-parse"' | tail -1) && [ -n "$line" ]; then
      rate=$(printf '%s' "$line" | python3 -c 'import json,sys; print(json.load(sys.stdin)["acts_per_s"])')
      printf '| %s (10 rules) | %.0f | %s\n' "$peer" "$rate" "$(ratios "$rate")"
    else
      echo "| $peer | not installed (pip install cedarpy common-expression-language opa-eval) $missing"
    fi
  done
fi
rm -f "$out/neutraal-times.txt"
