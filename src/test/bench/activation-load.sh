#!/usr/bin/env bash
# Decision latency while rule set versions are activated and rolled back under load.
# Builds the jar, starts it with the demo profile on a fresh embedded PostgreSQL, then runs
# app.baton.bench.ActivationLoad: 8 decision clients, a swap every 3 s for 60 s, after a 30 s warm-up.
# Run from the repository root; takes about 3 minutes. Usage: src/test/bench/activation-load.sh [seconds] [clients]
set -euo pipefail
cd "$(dirname "$0")/../../.."
SECONDS_TO_RUN="${1:-60}"
CLIENTS="${2:-8}"
PORT=${BENCH_PORT:-18080}
DB_PORT=${BENCH_DB_PORT:-15432}
if ss -ltn | grep -qE ":($PORT|$DB_PORT) "; then echo "port $PORT or $DB_PORT is in use"; exit 1; fi
WORK=$(mktemp -d)
LOG="$WORK/baton.log"
API_KEY="bk_bench_$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')"
PASSWORD="bench-$(od -An -N8 -tx1 /dev/urandom | tr -d ' \n')"
./mvnw -q -DskipTests package dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt
CP="target/test-classes:target/classes:$(cat target/bench-classpath.txt)"
JAR=$(ls target/baton-*.jar | grep -v original | head -1)
SPRING_PROFILES_ACTIVE=demo BATON_DEMO_API_KEY="$API_KEY" BATON_DEMO_PASSWORD="$PASSWORD" \
BATON_PORT=$PORT BATON_DATA_DIR="$WORK/postgres" BATON_EMBEDDED_DB_PORT=$DB_PORT java -Xmx1g -jar "$JAR" > "$LOG" 2>&1 &
PID=$!
trap 'kill $PID 2>/dev/null; wait $PID 2>/dev/null; rm -rf "$WORK"' EXIT
for _ in $(seq 1 900); do
  curl -sf "localhost:$PORT/actuator/health/readiness" > /dev/null && break
  kill -0 $PID 2>/dev/null || { echo "Baton did not start:"; tail -20 "$LOG"; exit 1; }
  sleep 0.1
done
java -cp "$CP" app.baton.bench.ActivationLoad "http://localhost:$PORT" "$API_KEY" "$PASSWORD" "$CLIENTS" "$SECONDS_TO_RUN"
grep -c "now serves rule set version" "$LOG" | sed 's/^/swaps logged by the instance: /'
