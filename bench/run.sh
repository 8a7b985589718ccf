#!/usr/bin/env bash
# Reproduces every figure of docs/benchmarks.md with one command, on this machine:
#   bench/run.sh [OUT_DIR]          (default bench/results/<date-time>; 8 to 13 minutes on 2 cores)
# 1. JMH: Avro (Confluent wire format) against Jackson JSON, the routing decision per alert, a pair the correlator
#    compares with and without its footprint screen; serialized sizes.
# 2. Starts the embedded platform (the exec jar of ./corridor up, on a fresh data directory, REST rate limit off) with
#    a fixed heap (-Xms = -Xmx = $CORRIDOR_BENCH_HEAP, default 2g: with 1g the platform spent a third of the final
#    minute in GC pauses, docs/benchmarks.md), GC pauses logged to gc.log (no JFR), and all 13 subscribers with their
#    file sinks, each forcing its lines to disk.
# 3. Kafka's ProducerPerformance on that broker: the raw limit (records of the alerts' average size, acks=all).
# 4. The load generator, library flat out; then `bench fanout`, a bare exactly-once fan-out of the same inbound
#    records with the router's copies per alert (measured from that run), to bench.fanout.* topics: the like-for-like
#    limit. Then REST flat out (one alert per POST, and the batch endpoint), and the library at 1,000 alerts/s
#    (resident memory sampled; the correlator's and the router's group lag sampled beside it); then the correlator
#    alone at 1,000/s (bench routed writes its input, the router and subscribers idle). Every load run times each feed record on the feed topic and each line on disk in the
#    body's file sink.
# 5. A separate, short, profiled run (JFR started on the running platform only now, the timed runs are over), then
#    stops the platform and summarises where the router threads spent their time.
# 6. bench/history.sh $CORRIDOR_BENCH_HISTORY (default 1,000,000; 0 skips it) into OUT_DIR/history: start-up to
#    routing and the live heap with that much history on a fresh platform (the goal's 10 million:
#    bench/history.sh 10000000). Writes summary.json.
# Needs the ports of ./corridor up (9092, 8080-8084, 8081, 8086) free.
set -euo pipefail
cd "$(dirname "$0")/.."
out="${1:-bench/results/$(date +%Y%m%d-%H%M%S)}"
heap="${CORRIDOR_BENCH_HEAP:-2g}"
mkdir -p "$out"
out="$(cd "$out" && pwd)"
. bench/lib.sh

bench_build bench
bench() { java -cp "$cp" org.corridor.bench.BenchCli "$@"; }
bench_machine "$out"
cat "$out/machine.txt"

echo "bench: JMH (1 fork, 3 x 2 s warm-up, 5 x 2 s measurement)"
java -cp "$cp" org.openjdk.jmh.Main -f 1 -wi 3 -w 2s -i 5 -r 2s -rf json -rff "$out/jmh.json" | tee "$out/jmh.txt"
bench sizes | tee "$out/sizes.txt"
size="$(sed -n 's/.*"averageAvroBytes":\([0-9]*\).*/\1/p' "$out/sizes.txt")"

data="$(mktemp -d)"
echo "bench: starting the platform on $data: heap -Xms$heap -Xmx$heap (fixed, GC pauses in gc.log), all 13 subscribers with file sinks, no JFR"
echo "-Xms$heap -Xmx$heap" > "$out/platform-heap.txt"
CORRIDOR_INGEST_RATE_LIMIT=0 java "-Xms$heap" "-Xmx$heap" "-Xlog:gc:file=$out/gc.log:uptime" -jar platform/target/platform-0.1.0-SNAPSHOT-exec.jar up \
  --data-dir "$data" > "$out/platform.log" 2>&1 &
pid=$!
t0=$(date +%s.%N)
# Seconds since the platform's start at which each phase began, to split gc.log (its uptime decorations) by phase.
mark() { echo "$1 $(echo "$(date +%s.%N) - $t0" | bc)" >> "$out/phases.txt"; }
trap 'kill -TERM $pid 2>/dev/null || true' EXIT
await_platform "$out/platform.log"
# The platform's resident memory over the whole run, one sample a second.
( while kill -0 $pid 2>/dev/null; do ps -o rss= -p $pid; sleep 1; done ) > "$out/rss-all-kb.txt" &
whole=$!

mark raw
echo "bench: raw limit (ProducerPerformance, $size-byte records, acks=all)"
bench raw --data-dir "$data" --record-size "$size" --records 300000 --out "$out/raw.json" | tee "$out/raw.txt"

mark library-max
echo "bench: library, flat out"
bench load --mode library --alerts 50000 --warmup 20000 --data-dir "$data" --no-progress --out "$out/load-library-max.json" | tee "$out/load-library-max.txt" \
  || echo "bench: WARNING: that run did not complete: see its output above; its figures are what it saw"
copies="$(python3 -c 'import json,sys; r=json.load(open(sys.argv[1])); print(round(r["expectedFeedRecords"]/r["accepted"],3))' "$out/load-library-max.json")"
mark fanout
echo "bench: bare exactly-once fan-out of the same inbound records, $copies copies per record (the library run's feed records / alerts)"
bench fanout --copies "$copies" --data-dir "$data" --out "$out/fanout.json" | tee "$out/fanout.txt" \
  || echo "bench: WARNING: that run did not complete: see its output above; its figures are what it saw"

mark rest
echo "bench: REST, flat out, one alert per POST"
bench load --mode rest --alerts 30000 --warmup 3000 --concurrency 64 --data-dir "$data" --no-progress --out "$out/load-rest-max.json" | tee "$out/load-rest-max.txt" \
  || echo "bench: WARNING: that run did not complete: see its output above; its figures are what it saw"
mark rest-batch
echo "bench: REST batch endpoint, flat out, 100 alerts per POST"
bench load --mode rest-batch --batch-size 100 --alerts 30000 --warmup 3000 --concurrency 8 --data-dir "$data" --no-progress --out "$out/load-rest-batch-max.json" | tee "$out/load-rest-batch-max.txt" \
  || echo "bench: WARNING: that run did not complete: see its output above; its figures are what it saw"

mark steady-1000
echo "bench: library at 1,000 alerts/s for 60 s (resident memory sampled every second)"
( while kill -0 $pid 2>/dev/null; do ps -o rss= -p $pid; sleep 1; done ) > "$out/rss-kb.txt" &
sampler=$!
# The correlator's lag beside it (and the router's, the baseline): bench/correlator.sh does only this.
bench lag --group corridor-correlator --data-dir "$data" --seconds 75 --out "$out/lag-correlator.json" > "$out/lag-correlator.txt" &
lagc=$!
bench lag --group corridor-router --data-dir "$data" --seconds 75 --out "$out/lag-router.json" > "$out/lag-router.txt" &
lagr=$!
bench load --mode library --rate 1000 --alerts 60000 --warmup 2000 --data-dir "$data" --no-progress --out "$out/load-library-1000.json" | tee "$out/load-library-1000.txt" \
  || echo "bench: WARNING: that run did not complete: see its output above; its figures are what it saw"
wait $lagc || true
wait $lagr || true
tail -1 "$out/lag-router.txt"; tail -1 "$out/lag-correlator.txt"
kill $sampler 2>/dev/null || true
jcmd $pid GC.heap_info > "$out/heap-after-1000.txt" 2>&1 || true

mark correlator-alone
# The correlator alone at 1,000 alerts/s: what the router would write for 60,000 more alerts, written to alerts.routed
# without it (bench routed), the router and the subscribers idle, as with the correlator on a host of its own. Its
# stores hold every alert of the runs above, so it compares each version with more reports than bench/correlator.sh.
echo "bench: the correlator alone, 60,000 routed versions at 1,000/s (bench routed; the router and subscribers idle)"
await_drained "$data" corridor-correlator "$out/drain-before-alone"
bench lag --group corridor-correlator --data-dir "$data" --seconds 75 --out "$out/lag-correlator-alone.json" > "$out/lag-correlator-alone.txt" &
lagc=$!
bench routed --rate 1000 --alerts 60000 --data-dir "$data" --out "$out/routed-alone.json" | tee "$out/routed-alone.txt" \
  || echo "bench: WARNING: that run did not complete: see its output above"
wait $lagc || true
tail -1 "$out/lag-correlator-alone.txt"

mark profiled
echo "bench: profiled run (not timed): JFR on the running platform, library flat out, 20,000 alerts"
jcmd $pid JFR.start name=bench settings=profile filename="$out/platform.jfr" > /dev/null
bench load --mode library --alerts 20000 --warmup 0 --data-dir "$data" --no-progress --out "$out/load-profiled.json" > "$out/load-profiled.txt" || true
jcmd $pid JFR.stop name=bench > /dev/null

mark stop
echo "bench: stopping the platform"
kill $whole 2>/dev/null || true
ls "$data/feeds" > "$out/sinks.txt" 2>/dev/null || true
kill -TERM $pid; wait $pid || true
trap - EXIT
bench profile "$out/platform.jfr" | tee "$out/profile.txt"

history_n="${CORRIDOR_BENCH_HISTORY:-1000000}"
if [ "$history_n" -gt 0 ]; then
  echo "bench: start-up and heap with $history_n alerts of history (bench/history.sh)"
  cp="$cp" bench/history.sh "$history_n" "$out/history" \
    || echo "bench: WARNING: the history run failed or its audit did not verify: see $out/history"
fi

python3 - "$out" <<'PY'
import json, sys, re, pathlib
out = pathlib.Path(sys.argv[1])
load = lambda name: json.loads((out / name).read_text())
raw, lib, fan = load("raw.json"), load("load-library-max.json"), load("fanout.json")
rest, batch, steady = load("load-rest-max.json"), load("load-rest-batch-max.json"), load("load-library-1000.json")
rss = [int(x) for x in (out / "rss-kb.txt").read_text().split()] or [0]
rss_all = [int(x) for x in (out / "rss-all-kb.txt").read_text().split()] or [0]
ready = float(re.search(r"ready in ([\d.]+) s", (out / "platform.log").read_text()).group(1))
jmh = {b["benchmark"].split(".")[-1]: b["primaryMetric"]["score"] for b in load("jmh.json")}
def gc_by_phase():
    marks = [l.split() for l in (out / "phases.txt").read_text().splitlines()]
    pauses = [(float(t), float(ms)) for t, ms in re.findall(r"^\[([\d.]+)s\].*Pause.* ([\d.]+)ms$", (out / "gc.log").read_text(), re.M)]
    full = len(re.findall(r"Pause Full", (out / "gc.log").read_text()))
    phases = {}
    for i, (name, start) in enumerate(marks):
        end = float(marks[i + 1][1]) if i + 1 < len(marks) else float("inf")
        ms = sum(p for t, p in pauses if float(start) <= t < end)
        phases[name] = {"pauseSeconds": round(ms / 1000, 1), "ofWallClock": round(ms / 1000 / (end - float(start)), 3) if end != float("inf") else None}
    return {"pauseSecondsWholeRun": round(sum(p for _, p in pauses) / 1000, 1), "fullCollections": full, "byPhase": phases}
sinks = (out / "sinks.txt").read_text().split() if (out / "sinks.txt").exists() else []
pick = lambda p: {k: p[k] for k in ("p50", "p99", "p999", "max", "count")} if p else None
router, bare = lib["feedRecordsPerSecond"], fan["feedRecordsPerSecond"]
s = {
  "platformHeap": (out / "platform-heap.txt").read_text().strip(), "jfrInTimedRuns": False,
  "subscriberSinks": len(sinks),
  "routerFeedRecordsPerSecond": router, "fanoutFeedRecordsPerSecond": bare,
  "routerToFanoutRatio": round(router / bare, 3), "copiesPerAlert": fan["copiesPerRecord"],
  "rawRecordsPerSecond": raw["recordsPerSecond"], "routerToRawRatio": round(router / raw["recordsPerSecond"], 3),
  "fanoutToRawRatio": round(bare / raw["recordsPerSecond"], 3),
  "libraryAlertsPerSecond": lib["alertsPerSecond"],
  "steady1000": {"alertsPerSecond": steady["alertsPerSecond"], "endToEndToSinkMs": pick(steady["endToEndSink"]),
                 "endToEndToFeedMs": pick(steady["endToEnd"]), "sinkLines": steady["sinkLines"],
                 "feedRecords": steady["feedRecords"], "expectedFeedRecords": steady["expectedFeedRecords"]},
  "restAlertsPerSecond": rest["alertsPerSecond"], "restBatchAlertsPerSecond": batch["alertsPerSecond"], "restBatchSize": 100,
  "maxRssMiB": round(max(rss) / 1024), "maxRssMiBWholeRun": round(max(rss_all) / 1024), "readySeconds": ready,
  "avroToJsonTime": {"serialize": round(jmh["avroSerialize"] / jmh["jsonSerialize"], 2),
                     "deserialize": round(jmh["avroDeserialize"] / jmh["jsonDeserialize"], 2)},
  "routingDecisionNs": round(jmh["decide"], 1),
  "comparedPairNs": {"matcher": round(jmh["verdict"], 1), "screenedFirst": round(jmh["screened"], 1)},
  "gc": gc_by_phase(),
}
lag = lambda name: load(name) if (out / name).exists() else None
beside, alone = lag("lag-correlator.json"), lag("lag-correlator-alone.json")
s["correlatorLag"] = {
  "besideTheRouterAt1000": beside and {k: beside[k] for k in ("peak", "last", "bounded", "peakByTopic") if k in beside},
  "aloneAt1000": alone and {k: alone[k] for k in ("peak", "last", "bounded", "peakByTopic") if k in alone},
  "aloneWrittenPerSecond": lag("routed-alone.json") and lag("routed-alone.json")["perSecond"],
}
e2e = s["steady1000"]["endToEndToSinkMs"] or {"p50": float("nan"), "p99": float("nan")}
s["goals"] = {
  "routerToFanoutRatio >= 0.85": s["routerToFanoutRatio"] >= 0.85,
  "sink p50 <= 40 ms at 1,000/s": e2e["p50"] <= 40, "sink p99 <= 150 ms at 1,000/s": e2e["p99"] <= 150,
  "REST batch >= 3,000 alerts/s": s["restBatchAlertsPerSecond"] >= 3000, "REST single >= 1,500 alerts/s": s["restAlertsPerSecond"] >= 1500,
  "resident memory <= 1 GiB at 1,000/s": s["maxRssMiB"] <= 1024,
  "correlator lag bounded at 1,000/s, alone": bool(alone and alone["bounded"]),
  "correlator lag bounded at 1,000/s, beside the router on the same 2 cores": bool(beside and beside["bounded"]),
}
hist = out / "history" / "history-summary.json"
if hist.exists():
    h = json.loads(hist.read_text())
    s["history"] = {k: h[k] for k in ("alertsOfHistory", "startup_with_history_s", "startupToUpSeconds", "firstAlertEndToEndMs",
                                      "heap_live_after_history_mb", "corridorClassesMiBByService", "rssMiB", "auditVerifyHolds")}
    s["startup_with_history_s"], s["heap_live_after_history_mb"] = h["startup_with_history_s"], h["heap_live_after_history_mb"]
    at = "" if h["alertsOfHistory"] == 10_000_000 else f", at {h['alertsOfHistory']:,} alerts of history, not the goal's 10,000,000"
    s["goals"]["startup_with_history_s <= 30" + at] = h["startup_with_history_s"] <= 30
    # One JVM holds every service: the whole platform's live heap against the per-service goal (see history-summary.json).
    s["goals"]["heap_live_after_history_mb <= 256 (whole platform" + at + ")"] = h["heap_live_after_history_mb"] <= 256
(out / "summary.json").write_text(json.dumps(s, indent=2))
print(json.dumps(s, indent=2))
PY
echo "bench: results in $out"
