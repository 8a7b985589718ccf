#!/usr/bin/env bash
# Does the correlator keep up with 1,000 alerts/s? bench/correlator.sh [OUT_DIR] (about 14 minutes on 2 cores).
# Twice, each on a fresh embedded platform (the exec jar of ./corridor up): first with the correlator disabled
# (corridor.correlator.enabled=false: the baseline, the router alone), then enabled. Each time, first a warm-up of
# 20,000 alerts at 1,000 alerts/s, then a wait until both groups have nothing left to read (so the JIT has compiled
# what the load runs, and the measured phase starts with no backlog); then 60,000 alerts through the publisher library
# at 1,000 alerts/s while `bench lag` samples every second the lag of the router's group (corridor-router) and, when
# enabled, of the correlator's (corridor-correlator: its inputs and its three repartition stages). The load generator
# reads only the routing decisions (--no-feeds): timing every feed record, as bench/run.sh does, took it about a fifth
# of this machine, CPU the platform's groups then lacked. Each group's verdict: bounded (kept up) or not; the router's
# rate with the correlator over its rate alone.
# Then, with the correlator enabled, its capacity: both groups sampled 60 s more while the correlator drains what it
# still has to read; its records committed per second while the router has nothing left (the machine otherwise idle),
# over the records one alert costs it (all it committed once drained, over the alerts sent), is the rate of alerts it
# links flat out on this machine, and that rate over the 1,000 alerts/s offered says how far it is from keeping up.
# Third, the correlator alone (run_isolated): on a fresh platform, `bench routed` writes to alerts.routed what the router
# would write for the same alerts (each with its routing decision), 20,000 to warm up and then 60,000 at 1,000/s,
# while the router and the subscribers have nothing to do: whether the correlator keeps up when the machine is not
# shared with the rest of the exchange, as on a host of its own (the broker and the writer still share it).
# CORRELATOR_SET="key=value ..." adds correlator settings to every run, e.g. CORRELATOR_SET=corridor.correlator.shards=1.
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

run_once() {  # LABEL ENABLED
  local label=$1 enabled=$2 data pid c="" s
  local extra=()
  for s in ${CORRELATOR_SET:-}; do extra+=(--set "correlator:$s"); done
  data="$(mktemp -d)"
  CORRIDOR_INGEST_RATE_LIMIT=0 java -Xms2g -Xmx2g -jar platform/target/platform-0.1.0-SNAPSHOT-exec.jar up --data-dir "$data" \
    --set "correlator:corridor.correlator.enabled=$enabled" "${extra[@]}" > "$out/platform-$label.log" 2>&1 &
  pid=$!
  await_platform "$out/platform-$label.log"
  echo "correlator.sh [$label]: warm-up, 20,000 alerts at 1,000/s"
  bench load --mode library --rate 1000 --alerts 20000 --warmup 0 --data-dir "$data" --no-progress --no-feeds --timeout 120 \
    > "$out/warmup-$label.txt" || echo "correlator.sh [$label]: the warm-up did not complete in time (warmup-$label.txt)"
  await_drained "$data" corridor-router "$out/warmup-lag-router-$label"
  if [ "$enabled" = true ]; then await_drained "$data" corridor-correlator "$out/warmup-lag-correlator-$label"; fi
  echo "correlator.sh [$label]: 60,000 alerts at 1,000/s, lag sampled every second"
  if [ "$enabled" = true ]; then
    bench lag --group corridor-correlator --data-dir "$data" --seconds 90 --out "$out/lag-correlator-$label.json" > "$out/lag-correlator-$label.txt" &
    c=$!
  fi
  bench lag --group corridor-router --data-dir "$data" --seconds 90 --out "$out/lag-router-$label.json" > "$out/lag-router-$label.txt" &
  local r=$!
  bench load --mode library --rate 1000 --alerts 60000 --warmup 2000 --data-dir "$data" --no-progress --no-feeds --timeout 60 \
    --out "$out/load-$label.json" > "$out/load-$label.txt" || echo "correlator.sh [$label]: the load did not complete in time (load-$label.txt)"
  wait $r || true
  tail -n 1 "$out/lag-router-$label.txt"
  if [ -n "$c" ]; then
    wait $c || true
    tail -n 1 "$out/lag-correlator-$label.txt"
    echo "correlator.sh [$label]: the correlator's drain, sampled 60 s more"
    bench lag --group corridor-router --data-dir "$data" --seconds 60 --out "$out/drain-router-$label.json" > "$out/drain-router-$label.txt" &
    r=$!
    bench lag --group corridor-correlator --data-dir "$data" --seconds 60 --out "$out/drain-correlator-$label.json" > "$out/drain-correlator-$label.txt" || true
    wait $r || true
    curl -s -u "metrics:$(grep '^http-metrics=' "$data/credentials.properties" | cut -d= -f2)" http://localhost:8086/actuator/prometheus \
      | grep -E '^corridor_correlator_(versions|hits|suppressed_keys|notices|failed)' | tee "$out/correlator-metrics-$label.txt" || true
  fi
  kill -TERM $pid; wait $pid || true
  rm -rf "$data"
}

run_isolated() {  # the correlator alone: the router's output written by `bench routed`, the router and subscribers idle
  local label=isolated data pid c s
  local extra=()
  for s in ${CORRELATOR_SET:-}; do extra+=(--set "correlator:$s"); done
  data="$(mktemp -d)"
  java -Xms2g -Xmx2g -jar platform/target/platform-0.1.0-SNAPSHOT-exec.jar up --data-dir "$data" "${extra[@]}" \
    > "$out/platform-$label.log" 2>&1 &
  pid=$!
  await_platform "$out/platform-$label.log"
  echo "correlator.sh [$label]: warm-up, 20,000 routed versions at 1,000/s written to alerts.routed (no router)"
  bench routed --rate 1000 --alerts 20000 --data-dir "$data" > "$out/warmup-$label.txt" \
    || echo "correlator.sh [$label]: the warm-up failed (warmup-$label.txt)"
  await_drained "$data" corridor-correlator "$out/warmup-lag-correlator-$label"
  echo "correlator.sh [$label]: 60,000 routed versions at 1,000/s, the correlator's lag sampled every second"
  bench lag --group corridor-correlator --data-dir "$data" --seconds 90 --out "$out/lag-correlator-$label.json" > "$out/lag-correlator-$label.txt" &
  c=$!
  bench routed --rate 1000 --alerts 60000 --warmup 2000 --data-dir "$data" --out "$out/routed-$label.json" > "$out/routed-$label.txt" \
    || echo "correlator.sh [$label]: the writer failed (routed-$label.txt)"
  wait $c || true
  tail -n 1 "$out/lag-correlator-$label.txt"
  kill -TERM $pid; wait $pid || true
  rm -rf "$data"
}

run_once baseline false
run_once correlating true
run_isolated
python3 - "$out" <<'PY'
import json, sys
out = sys.argv[1]
base = json.load(open(f"{out}/lag-router-baseline.json"))
with_c = json.load(open(f"{out}/lag-router-correlating.json"))
corr = json.load(open(f"{out}/lag-correlator-correlating.json"))
drain_c = json.load(open(f"{out}/drain-correlator-correlating.json"))["samples"]
drain_r = {round(x["at"]): x["lag"] for x in json.load(open(f"{out}/drain-router-correlating.json"))["samples"]}
alerts = 20000 + 60000 + 2000  # the warm-up run, the measured alerts and the load's own warm-up
# The drain: from the first sample at which the router has nothing left to the first at which the correlator has not either.
idle = [x for x in drain_c if drain_r.get(round(x["at"]), 1) == 0 or drain_r.get(round(x["at"]) - 1, 1) == 0]
start = idle[0] if idle else None
end = next((x for x in drain_c if start and x["at"] > start["at"] and x["lag"] == 0), None)
drained = end is not None
if start and not end and drain_c[-1]["at"] > start["at"]:
    end = drain_c[-1]
# Nothing left to drain once the router was idle (or drained within one sample): no rate to say.
rate = ((end["committed"] - start["committed"]) / (end["at"] - start["at"])
        if start and end and start["lag"] > 0 and end["at"] > start["at"] else float("nan"))
per_alert = end["committed"] / alerts if drained else float("nan")
capacity = rate / per_alert if drained and per_alert and rate == rate else float("nan")
ratio = with_c["committedPerSecond"] / base["committedPerSecond"] if base["committedPerSecond"] else float("nan")
summary = {"correlatorLagAtStart": corr["samples"][0]["lag"] if corr["samples"] else None, "routerAlonePerSecond": base["committedPerSecond"], "routerBounded": base["bounded"],
           "routerWithCorrelatorPerSecond": with_c["committedPerSecond"], "routerWithCorrelatorBounded": with_c["bounded"],
           "routerRateRatio": round(ratio, 3), "correlatorCommittedPerSecond": corr["committedPerSecond"],
           "correlatorPeakLag": corr["peak"], "correlatorPeakLagByTopic": corr.get("peakByTopic"), "correlatorBounded": corr["bounded"],
           "correlatorDrained": drained, "correlatorDrainRecordsPerSecond": round(rate) if rate == rate else None, "correlatorRecordsPerAlert": round(per_alert, 2),
           "correlatorCapacityAlertsPerSecond": round(capacity) if capacity == capacity else None,
           "correlatorCapacityOverOffered": round(capacity / 1000, 2) if capacity == capacity else None}
alone = json.load(open(f"{out}/lag-correlator-isolated.json"))
written = json.load(open(f"{out}/routed-isolated.json"))
summary.update({"isolatedWrittenPerSecond": written["perSecond"], "isolatedCorrelatorPeakLag": alone["peak"],
                "isolatedCorrelatorLastLag": alone["last"], "isolatedCorrelatorPeakLagByTopic": alone.get("peakByTopic"),
                "isolatedCorrelatorBounded": alone["bounded"]})
json.dump(summary, open(f"{out}/summary.json", "w"), indent=1)
print("correlator.sh:", json.dumps(summary))
PY
