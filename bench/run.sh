#!/usr/bin/env bash
# Reproduces every figure of docs/benchmarks.md with one command, on this machine:
#   bench/run.sh [OUT_DIR]          (default bench/results/<date-time>; about 10 minutes)
# 1. JMH: Avro (Confluent wire format) against Jackson JSON, and the routing decision per alert; serialized sizes.
# 2. Starts the embedded platform (./corridor up on a fresh data directory, REST rate limit off) with a JFR recording.
#    Only OSCE's subscriber runs: the figures are publication to feed; thirteen file sinks that force every record to
#    disk would otherwise compete for the two cores with the router (docs/benchmarks.md).
# 3. Kafka's ProducerPerformance on that broker: the raw limit (records of the alerts' average size, acks=all).
# 4. The load generator: library flat out, REST flat out, library at 1,000 alerts/s (resident memory sampled).
# 5. Stops the platform and summarises where the router threads spent their time (JFR execution samples).
# Needs the ports of ./corridor up (9092, 8080-8084, 8081) free.
set -euo pipefail
cd "$(dirname "$0")/.."
out="${1:-bench/results/$(date +%Y%m%d-%H%M%S)}"
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
echo "bench: starting the platform on $data (JFR to $out/platform.jfr)"
started=$(date +%s.%N)
CORRIDOR_INGEST_RATE_LIMIT=0 CORRIDOR_SUBSCRIBER_BODIES=OSCE \
JAVA_TOOL_OPTIONS="-XX:StartFlightRecording=filename=$out/platform.jfr,settings=profile,dumponexit=true" \
  java -jar platform/target/platform-0.1.0-SNAPSHOT-exec.jar up --data-dir "$data" > "$out/platform.log" 2>&1 &
pid=$!
trap 'kill -TERM $pid 2>/dev/null || true' EXIT
await_platform "$out/platform.log"

echo "bench: raw limit (ProducerPerformance, $size-byte records, acks=all)"
bench raw --data-dir "$data" --record-size "$size" --records 300000 --out "$out/raw.json" | tee "$out/raw.txt"

echo "bench: library, flat out"
bench load --mode library --alerts 50000 --warmup 5000 --data-dir "$data" --no-progress --out "$out/load-library-max.json" | tee "$out/load-library-max.txt"
echo "bench: REST, flat out"
bench load --mode rest --alerts 30000 --warmup 3000 --concurrency 64 --data-dir "$data" --no-progress --out "$out/load-rest-max.json" | tee "$out/load-rest-max.txt"

echo "bench: library at 1,000 alerts/s for 60 s (resident memory sampled every second)"
( while kill -0 $pid 2>/dev/null; do ps -o rss= -p $pid; sleep 1; done ) > "$out/rss-kb.txt" &
sampler=$!
bench load --mode library --rate 1000 --alerts 60000 --warmup 2000 --data-dir "$data" --no-progress --out "$out/load-library-1000.json" | tee "$out/load-library-1000.txt"
kill $sampler 2>/dev/null || true

echo "bench: stopping the platform"
kill -TERM $pid; wait $pid || true
trap - EXIT
bench profile "$out/platform.jfr" | tee "$out/profile.txt"

python3 - "$out" <<'PY'
import json, sys, re, pathlib
out = pathlib.Path(sys.argv[1])
raw = json.loads((out / "raw.json").read_text())
lib = json.loads((out / "load-library-max.json").read_text())
rest = json.loads((out / "load-rest-max.json").read_text())
steady = json.loads((out / "load-library-1000.json").read_text())
rss = [int(x) for x in (out / "rss-kb.txt").read_text().split()] or [0]
ready = re.search(r"ready in ([\d.]+) s", (out / "platform.log").read_text()).group(1)
jmh = {b["benchmark"].split(".")[-1]: b["primaryMetric"]["score"] for b in json.loads((out / "jmh.json").read_text())}
summary = {
  "routerFeedRecordsPerSecond": lib["feedRecordsPerSecond"], "rawRecordsPerSecond": raw["recordsPerSecond"],
  "routerToRawRatio": round(lib["feedRecordsPerSecond"] / raw["recordsPerSecond"], 3),
  "steady1000": {"endToEndMs": steady["endToEnd"], "alertsPerSecond": steady["alertsPerSecond"]},
  "restAlertsPerSecond": rest["alertsPerSecond"], "libraryAlertsPerSecond": lib["alertsPerSecond"],
  "avroToJsonTime": {"serialize": round(jmh["avroSerialize"] / jmh["jsonSerialize"], 2),
                     "deserialize": round(jmh["avroDeserialize"] / jmh["jsonDeserialize"], 2)},
  "routingDecisionNs": round(jmh["decide"], 1),
  "readySeconds": float(ready), "maxRssMiB": round(max(rss) / 1024),
}
(out / "summary.json").write_text(json.dumps(summary, indent=2))
print(json.dumps(summary, indent=2))
PY
echo "bench: results in $out"
