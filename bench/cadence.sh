#!/usr/bin/env bash
# The router's cadence, one setting at a time (issue 20 item 3):
#   bench/cadence.sh [OUT_DIR] [VARIANT...]    (default bench/results/cadence-<date-time>; every variant below)
# Each variant starts the embedded platform on a fresh data directory (fixed heap -Xms = -Xmx = $CORRIDOR_BENCH_HEAP,
# default 2g; all 13 subscribers with their file sinks; no JFR) with its `--set` options, runs the publisher library
# flat out ($CORRIDOR_CADENCE_ALERTS alerts, default 30,000: feed records per second) and then at 1,000 alerts/s for
# $CORRIDOR_CADENCE_STEADY alerts (default 30,000: end to end to the feed topic and to the body's sink), and stops it.
# The baseline (the shipped defaults) runs first and again last, so drift of the machine shows in the same table.
# Writes OUT_DIR/cadence.json and cadence.txt. Needs the ports of ./corridor up (9092, 8080-8084, 8081) free.
set -euo pipefail
cd "$(dirname "$0")/.."
out="${1:-bench/results/cadence-$(date +%Y%m%d-%H%M%S)}"
shift || true
heap="${CORRIDOR_BENCH_HEAP:-2g}"
alerts="${CORRIDOR_CADENCE_ALERTS:-30000}"
steady="${CORRIDOR_CADENCE_STEADY:-30000}"
mkdir -p "$out"
out="$(cd "$out" && pwd)"
. bench/lib.sh

declare -A variants=(
  [baseline]=""
  [poll-2000]="--set router:spring.kafka.consumer.max-poll-records=2000"
  [poll-100]="--set router:spring.kafka.consumer.max-poll-records=100"
  [concurrency-3]="--set router:spring.kafka.listener.concurrency=3"
  [linger-0]="--set router:spring.kafka.producer.properties.linger.ms=0"
  [batch-64k-linger-20]="--set router:spring.kafka.producer.batch-size=65536 --set router:spring.kafka.producer.properties.linger.ms=20"
  [fetch-wait-10]="--set router:spring.kafka.consumer.fetch-max-wait=10ms --set subscribers:spring.kafka.consumer.fetch-max-wait=10ms"

)
order=(baseline poll-2000 poll-100 concurrency-3 linger-0 batch-64k-linger-20 fetch-wait-10 baseline)
[ $# -gt 0 ] && order=(baseline "$@" baseline)

require_free_ports cadence
[ -n "${cp:-}" ] || bench_build cadence
bench() { java -cp "$cp" org.corridor.bench.BenchCli "$@"; }
bench_machine "$out"
pid=
data=
stop_platform() { if [ -n "$pid" ]; then kill -TERM "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; pid=; fi
                  [ -n "$data" ] && rm -rf "$data"; data=; }
trap stop_platform EXIT

i=0
for name in "${order[@]}"; do
  i=$((i + 1))
  run="$out/$i-$name"
  mkdir -p "$run"
  data="$(mktemp -d)"
  echo "cadence: [$i/${#order[@]}] $name: ${variants[$name]:-the shipped defaults}"
  echo "${variants[$name]}" > "$run/settings.txt"
  # shellcheck disable=SC2086
  CORRIDOR_INGEST_RATE_LIMIT=0 java "-Xms$heap" "-Xmx$heap" -jar platform/target/platform-0.1.0-SNAPSHOT-exec.jar up \
    --data-dir "$data" ${variants[$name]} > "$run/platform.log" 2>&1 &
  pid=$!
  await_platform "$run/platform.log"
  bench load --mode library --alerts "$alerts" --warmup 3000 --data-dir "$data" --no-progress --out "$run/max.json" > "$run/max.txt" \
    || echo "cadence: WARNING: $name flat out did not complete (see $run/max.txt)"
  bench load --mode library --rate 1000 --alerts "$steady" --warmup 2000 --data-dir "$data" --no-progress --out "$run/steady.json" > "$run/steady.txt" \
    || echo "cadence: WARNING: $name at 1,000/s did not complete (see $run/steady.txt)"
  stop_platform
done
trap - EXIT

python3 - "$out" <<'PY'
import json, sys, pathlib
out = pathlib.Path(sys.argv[1])
rows = []
for run in sorted(out.iterdir(), key=lambda p: int(p.name.split("-")[0]) if p.name[0].isdigit() else 0):
    if not run.is_dir() or not run.name[0].isdigit():
        continue
    row = {"run": run.name, "settings": (run / "settings.txt").read_text().strip()}
    for phase in ("max", "steady"):
        f = run / (phase + ".json")
        row[phase] = json.loads(f.read_text()) if f.exists() else None
    rows.append(row)
base = [r["max"]["feedRecordsPerSecond"] for r in rows if r["run"].endswith("-baseline") and r["max"]]
baseline = sum(base) / len(base) if base else float("nan")
lines = ["%-26s %10s %7s %9s %9s %9s %9s" % ("variant", "feed rec/s", "ratio", "feed p50", "feed p99", "sink p50", "sink p99")]
summary = []
for r in rows:
    m, s = r["max"] or {}, r["steady"] or {}
    rate = m.get("feedRecordsPerSecond", float("nan"))
    e, k = s.get("endToEnd") or {}, s.get("endToEndSink") or {}
    summary.append({"run": r["run"], "settings": r["settings"], "feedRecordsPerSecond": rate,
                    "toBaseline": round(rate / baseline, 3), "endToEndFeedMs": {"p50": e.get("p50"), "p99": e.get("p99")},
                    "endToEndSinkMs": {"p50": k.get("p50"), "p99": k.get("p99")},
                    "steadyComplete": s.get("feedRecords") == s.get("expectedFeedRecords") if s else False})
    lines.append("%-26s %10.0f %7.3f %9.0f %9.0f %9.0f %9.0f" % (r["run"], rate, rate / baseline, e.get("p50", float("nan")),
                 e.get("p99", float("nan")), k.get("p50", float("nan")), k.get("p99", float("nan"))))
lines.append("ratio: feed records/s against the mean of the baseline runs (%.0f); latencies in ms at 1,000 alerts/s" % baseline)
(out / "cadence.json").write_text(json.dumps({"baselineFeedRecordsPerSecond": baseline, "runs": summary}, indent=2))
(out / "cadence.txt").write_text("\n".join(lines) + "\n")
print("\n".join(lines))
PY
echo "cadence: results in $out"
