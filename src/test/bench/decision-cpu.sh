#!/usr/bin/env bash
# CPU per recorded decision, split between Baton's JVM and PostgreSQL, on a fresh database: starts the given jar
# with the demo profile on the local PostgreSQL (sweep off), warms it up with wrk, then reads the JVM's and every
# postgres process's CPU ticks from /proc over one wrk run of decisions and divides by the decisions answered.
# Then runs decision-ratio.sh against the same instance, and stops it.
#
# Needs wrk and autocannon (as decision-ratio.sh), a PostgreSQL on 127.0.0.1:5432 that user postgres reaches
# without a password, and nothing else listening on the port. Used for "before and after" runs: give it two jars.
# Usage: src/test/bench/decision-cpu.sh <jar> [database] [port] [warm-up seconds] [run seconds]
#   defaults: database decision_cpu (dropped and created), port 18080, 50 s warm-up, 30 s runs. About 5 minutes.
set -euo pipefail
cd "$(dirname "$0")/../../.."
. src/test/bench/decision-instance.sh
JAR="${1:?give the jar to measure}"
DB="${2:-decision_cpu}"
PORT="${3:-18080}"
WARM="${4:-50}"
RUN="${5:-30}"
export BATON_API_KEY=bk_bench_0123456789abcdef0123456789
BASE="http://localhost:$PORT"
LOG=$(mktemp)

psql -q -h 127.0.0.1 -U postgres -c "drop database if exists $DB" -c "create database $DB" postgres
JAVA=""
trap 'kill $JAVA 2>/dev/null || true; wait $JAVA 2>/dev/null || true; rm -f "$LOG"' EXIT
start_demo_instance "$JAR" "$DB" "$PORT" "$LOG"
echo "== $JAR ready; warm-up $WARM s"
wrk -t2 -c32 -d"${WARM}s" -s src/test/bench/decisions.lua "$BASE" > /dev/null

java_before=$(ticks $JAVA); pg_before=$(pg_ticks)
wrk -t2 -c32 -d"${RUN}s" --latency -s src/test/bench/decisions.lua "$BASE" | tee /tmp/decision-cpu-wrk.txt
java_after=$(ticks $JAVA); pg_after=$(pg_ticks)
answered=$(awk '/requests in/ {n = $1} /Non-2xx/ {bad = $NF} END {print n - bad}' /tmp/decision-cpu-wrk.txt)
hz=$(getconf CLK_TCK)
awk -v j=$((java_after - java_before)) -v p=$((pg_after - pg_before)) -v n="$answered" -v hz="$hz" 'BEGIN {
  printf "== CPU per decision over %d decisions: JVM %.3f ms, PostgreSQL %.3f ms\n", n, j * 1000 / hz / n, p * 1000 / hz / n }'
src/test/bench/decision-ratio.sh "$BASE" "$RUN" 1000
