# Shared by bench/run.sh and bench/soak.sh (sourced from the project root).

# Builds the bench module, the platform and what they need in this tree's reactor, and sets $cp to the bench
# module's classpath. Nothing is installed into the local Maven repository: the classpath names this tree's own
# module jars, never another checkout's artifacts.
bench_build() {
  echo "$1: building (mvn -B -q -pl bench,platform -am package -DskipTests; nothing installed)"
  mvn -B -q -pl bench,platform -am -DskipTests package dependency:build-classpath -Dmdep.outputFile=target/classpath.txt
  cp="bench/target/classes:$(cat bench/target/classpath.txt)"
}

# Writes the facts of this machine and commit to OUT/machine.txt.
bench_machine() {
  { echo "date: $(date -u +%FT%TZ)"; echo "cores: $(nproc)"; free -h | sed -n 2p; java -version 2>&1 | sed -n 1p;
    uname -srm; git rev-parse --short HEAD 2>/dev/null || true; } > "$1/machine.txt"
}

# Waits until the platform logging to LOG says it is up; fails with the log's tail otherwise.
await_platform() {
  for _ in $(seq 1 180); do grep -q "Corridor is up" "$1" && break; sleep 0.5; done
  grep "Corridor is up" "$1" || { echo "the platform did not start"; tail -20 "$1"; exit 1; }
}

# Exits, naming the caller ($1), when a port of ./corridor up (9092, 8080-8084, 8086) is taken: another platform is running.
require_free_ports() {
  if ss -ltn | grep -qE ':(9092|8080|8081|8082|8083|8084|8086)\b'; then
    echo "$1: the ports of ./corridor up are in use (another platform is running?); stop it first"; exit 1
  fi
}

# Samples GROUP's lag 3 s at a time until it is 0, at most 3 minutes; needs bench() (the bench CLI) defined.
await_drained() {  # DATA_DIR GROUP OUT_PREFIX
  local i
  for i in $(seq 1 60); do
    bench lag --group "$2" --data-dir "$1" --seconds 3 --out "$3.json" > "$3.txt" || true
    if python3 -c 'import json,sys; sys.exit(0 if json.load(open(sys.argv[1]))["last"] == 0 else 1)' "$3.json"; then return 0; fi
  done
  echo "bench: $2 still had records to read 3 minutes after the warm-up ($3.txt); measuring anyway"
}
