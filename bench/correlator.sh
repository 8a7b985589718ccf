#!/usr/bin/env bash
# Does the correlator keep up with 1,000 alerts/s? bench/correlator.sh [OUT_DIR] (about 3 minutes on 2 cores):
# starts the embedded platform (the exec jar of ./corridor up) on a fresh data directory, sends 60,000 alerts through
# the publisher library at 1,000 alerts/s, and samples every second, side by side, the lag of the correlator's group
# (corridor-correlator: its input topics and its three repartition stages) and of the router's (corridor-router,
# the baseline measured in the same run on the same broker). Each group's verdict: bounded (kept up) or not.
set -euo pipefail
cd "$(dirname "$0")/.."
out="${1:-bench/results/correlator-$(date +%Y%m%d-%H%M%S)}"
mkdir -p "$out"
out="$(cd "$out" && pwd)"
. bench/lib.sh
require_free_ports correlator.sh
bench_build correlator.sh
bench() { java -cp "$cp" org.corridor.bench.BenchCli "$@"; }
bench_machine "$out"
data="$(mktemp -d)"
CORRIDOR_INGEST_RATE_LIMIT=0 java -Xms2g -Xmx2g -jar platform/target/platform-0.1.0-SNAPSHOT-exec.jar up --data-dir "$data" > "$out/platform.log" 2>&1 &
pid=$!
trap 'kill -TERM $pid 2>/dev/null || true; wait $pid 2>/dev/null || true; rm -rf "$data"' EXIT
await_platform "$out/platform.log"
echo "correlator.sh: 60,000 alerts at 1,000/s; lag of corridor-correlator and corridor-router sampled every second"
bench lag --group corridor-correlator --data-dir "$data" --seconds 90 --out "$out/lag-correlator.json" > "$out/lag-correlator.txt" &
c=$!
bench lag --group corridor-router --data-dir "$data" --seconds 90 --out "$out/lag-router.json" > "$out/lag-router.txt" &
r=$!
bench load --mode library --rate 1000 --alerts 60000 --warmup 2000 --data-dir "$data" --no-progress --no-sinks \
  --out "$out/load.json" > "$out/load.txt" || echo "correlator.sh: WARNING: the load did not complete (see load.txt)"
wait $c || true
wait $r || true
tail -1 "$out/load.txt" || true
tail -1 "$out/lag-router.txt"
tail -1 "$out/lag-correlator.txt"
curl -s -u "metrics:$(grep '^http-metrics=' "$data/credentials.properties" | cut -d= -f2)" http://localhost:8086/actuator/prometheus \
  | grep -E '^corridor_correlator_(versions|hits|suppressed_keys|notices)' | tee "$out/correlator-metrics.txt"
