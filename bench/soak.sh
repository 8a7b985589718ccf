#!/usr/bin/env bash
# The soak of docs/reliability.md (opt-in, not in CI):
#   bench/soak.sh [MINUTES] [RATE] [OUT_DIR]     (default 30 minutes at 500 alerts/s, bench/results/soak-<date-time>)
# Starts the whole embedded platform (./corridor up: secured broker, registry, ingest, router, all 13 subscribers with
# file sinks, monitor) on a fresh data directory, publishes at RATE through the publisher library as each agency,
# asks the monitor every 5 s what it sees, samples the platform's resident memory, then waits for every feed record;
# at the end it records the platform's live heap by class (jcmd GC.class_histogram, a full GC) in histogram.txt.
# The live heap after a full GC is also taken when the published count reaches each of $CORRIDOR_SOAK_HEAP_AT
# (default 300000,900000: issue 20's flat-heap acceptance), recorded in soak.json.
# Exit 0 only if nothing failed, every feed record arrived, the monitor never reported a group STALL/STOP/REWIND,
# an offline or under-replicated partition, or a problem, and every later heap sample is within
# $CORRIDOR_SOAK_HEAP_TOLERANCE (default 0.10) of the first (a soak too short to reach two counts is not judged on
# heap). Needs the ports of ./corridor up free.
set -euo pipefail
cd "$(dirname "$0")/.."
minutes="${1:-30}"
rate="${2:-500}"
out="${3:-bench/results/soak-$(date +%Y%m%d-%H%M%S)}"
mkdir -p "$out"
out="$(cd "$out" && pwd)"
. bench/lib.sh

[ -n "${cp:-}" ] || bench_build soak
bench_machine "$out"

data="$(mktemp -d)"
echo "soak: starting the platform on $data"
java -jar platform/target/platform-0.1.0-SNAPSHOT-exec.jar up --data-dir "$data" > "$out/platform.log" 2>&1 &
pid=$!
trap 'kill -TERM $pid 2>/dev/null || true; wait $pid 2>/dev/null || true; rm -rf "$data"' EXIT
await_platform "$out/platform.log"

set +e
java -Xmx2g -cp "$cp" org.corridor.bench.BenchCli soak --rate "$rate" --minutes "$minutes" --data-dir "$data" \
  --pid "$pid" --heap-at "${CORRIDOR_SOAK_HEAP_AT:-300000,900000}" --heap-tolerance "${CORRIDOR_SOAK_HEAP_TOLERANCE:-0.10}" \
  --out "$out/soak.json" | tee "$out/soak.txt"
rc=${PIPESTATUS[0]}
set -e
# What the platform still holds after a full GC: the live heap by class, to spot state that grows with alerts.
jcmd "$pid" GC.class_histogram > "$out/histogram.txt" 2>&1 || true
jcmd "$pid" GC.heap_info > "$out/heap.txt" 2>&1 || true
head -25 "$out/histogram.txt"
du -sh "$data" | tee "$out/data-size.txt"
echo "soak: exit $rc; results in $out"
exit "$rc"
