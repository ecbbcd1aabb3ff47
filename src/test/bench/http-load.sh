#!/usr/bin/env bash
# HTTP benchmark of the decision API with every decision recorded in PostgreSQL.
# Builds the jar, starts it on a fresh embedded PostgreSQL, measures start-up to ready, then:
#   1. wrk, closed loop, 32 connections, 60 s: sustained throughput and latency;
#   2. a fixed rate of 1,000 req/s for 300 s (open model): p99 and errors;
#   3. 20 batches of 1,000 tasks: time per batch;
#   4. checks that every 200 has its row in the decision table.
# Needs wrk (apt-get install wrk) and psql. Run from the repository root; takes about 8 minutes.
# Usage: src/test/bench/http-load.sh [fixed-rate-seconds]
# Ports: BATON_BENCH_PORT (18080) and BATON_BENCH_DB_PORT (15432); the script stops if either is taken.
set -euo pipefail
cd "$(dirname "$0")/../../.."
RATE_SECONDS="${1:-300}"
PORT="${BATON_BENCH_PORT:-18080}"
DB_PORT="${BATON_BENCH_DB_PORT:-15432}"
# Another benchmark on the same port would answer in place of this one and both runs would be wrong.
if curl -s -o /dev/null "localhost:$PORT" || (echo > "/dev/tcp/127.0.0.1/$DB_PORT") 2>/dev/null; then
    echo "port $PORT or $DB_PORT is in use (another benchmark?); set BATON_BENCH_PORT and BATON_BENCH_DB_PORT" >&2
    exit 1
fi
DATA=$(mktemp -d)
./mvnw -q -DskipTests package dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt
CP="target/test-classes:target/classes:$(cat target/bench-classpath.txt)"
JAR=$(ls target/baton-*.jar | grep -v original | head -1)

started=$(date +%s%N)
# PostgreSQL gets a directory of its own: initdb refuses one that already holds the log.
BATON_PORT=$PORT BATON_DATA_DIR="$DATA/postgres" BATON_EMBEDDED_DB_PORT=$DB_PORT java -Xmx1g -jar "$JAR" > "$DATA/baton.log" 2>&1 &
PID=$!
trap 'kill $PID 2>/dev/null; wait $PID 2>/dev/null; rm -rf "$DATA"' EXIT
until curl -sf "localhost:$PORT/actuator/health/readiness" > /dev/null; do
    if ! kill -0 $PID 2>/dev/null; then
        echo "Baton did not start:" >&2
        tail -20 "$DATA/baton.log" >&2
        exit 1
    fi
    sleep 0.1
done
echo "start-up to ready: $(( ($(date +%s%N) - started) / 1000000 )) ms (includes a first start of the embedded PostgreSQL: initdb)"

echo "== warm-up (20 s)"
wrk -t2 -c16 -d20s -s src/test/bench/decisions.lua "http://localhost:$PORT" > /dev/null

echo "== wrk: 2 threads, 32 connections, 60 s"
wrk -t2 -c32 -d60s --latency -s src/test/bench/decisions.lua "http://localhost:$PORT"

echo "== fixed rate: 1000 req/s for $RATE_SECONDS s"
java -cp "$CP" app.baton.bench.FixedRateLoad "http://localhost:$PORT/api/v1/decisions" src/test/bench/worked-example.json 1000 "$RATE_SECONDS" || true

echo "== batch of 1,000 tasks, 20 times"
python3 - "$PORT" <<'PY'
import json, sys, time, urllib.request, uuid, statistics
port = sys.argv[1]
template = open("src/test/bench/worked-example.json").read()
times = []
for run in range(20):
    body = '{"requests":[' + ",".join(template.replace("REQUEST_ID", str(uuid.uuid4())) for _ in range(1000)) + "]}"
    request = urllib.request.Request(f"http://localhost:{port}/api/v1/decisions/batch", data=body.encode(),
                                     headers={"Content-Type": "application/json"})
    started = time.perf_counter()
    with urllib.request.urlopen(request) as response:
        assert response.status == 200 and len(json.load(response)["decisions"]) == 1000
    times.append((time.perf_counter() - started) * 1000)
times.sort()
print(f"batch of 1000: median {statistics.median(times):.0f} ms, p95 {times[18]:.0f} ms, max {times[-1]:.0f} ms")
PY

echo "== recorded decisions in PostgreSQL"
psql -h 127.0.0.1 -p $DB_PORT -U postgres -At -c "select count(*) from decision"
