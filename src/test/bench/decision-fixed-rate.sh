#!/usr/bin/env bash
# One run of the decision API at a fixed rate, with what it costs the machine: starts the given jar with the demo
# profile on a fresh database of the local PostgreSQL (sweep off), warms the JIT with wrk, then sends decisions at a
# fixed rate with autocannon (open model: latency from when each request was due) and reports p50/p90/p99, the CPU per
# decision of the JVM, of PostgreSQL and of autocannon itself, and how busy the whole machine was. Then the floors at
# the same rate: GET /api/v1/me with the same key (a request that evaluates and records nothing) and, where haproxy is
# installed, the load generator alone (autocannon against HAProxy answering a fixed 200, no server behind it). Then
# wrk on decisions and on GET /api/v1/me (issue 15's ratio), and it stops the instance and drops the database.
# The key's own limit (5,000 requests/s) caps /me under wrk: BATON_RATE_LIMIT_API_KEY=1000000 lifts it.
#
# Needs wrk, autocannon (npm i -g autocannon), a PostgreSQL on 127.0.0.1:5432 that user postgres reaches without a
# password, and nothing else on the port. For before-and-after comparisons, run two jars in turn, several times each.
# Usage: src/test/bench/decision-fixed-rate.sh <jar> [rate] [seconds] [port]
#   defaults: 1000 requests/s, 30 s per measured run, port 18080. About 3.5 minutes.
set -euo pipefail
cd "$(dirname "$0")/../../.."
. src/test/bench/decision-instance.sh
JAR="$(realpath "${1:?give the jar to measure}")"
RATE="${2:-1000}"
RUN="${3:-30}"
PORT="${4:-18080}"
DB="decision_fixed_rate_$$"
BASE="http://localhost:$PORT"
export BATON_API_KEY=bk_bench_0123456789abcdef0123456789
WORK=$(mktemp -d)

psql -q -h 127.0.0.1 -U postgres -c "create database $DB" postgres
JAVA=""
trap 'kill $JAVA 2>/dev/null || true; wait $JAVA 2>/dev/null || true; psql -q -h 127.0.0.1 -U postgres -c "drop database if exists $DB" postgres; rm -rf "$WORK"' EXIT
start_demo_instance "$JAR" "$DB" "$PORT" "$WORK/app.log"
echo "== $JAR ready; warm-up: wrk, 60 s"
wrk -t2 -c16 -d60s -s src/test/bench/decisions.lua "$BASE" > /dev/null

sed 's/REQUEST_ID/[<id>]/' src/test/bench/worked-example.json > "$WORK/body.json"
machine() { awk '/^cpu / {print $2 + $3 + $4 + $7 + $8 + $9, $5 + $6}' /proc/stat; }
java_before=$(ticks $JAVA); pg_before=$(pg_ticks); read -r busy_before idle_before <<< "$(machine)"
autocannon -c 100 -R "$RATE" -d "$RUN" -I -m POST -H "Content-Type=application/json" -H "X-API-Key=$BATON_API_KEY" \
  -i "$WORK/body.json" -j "$BASE/api/v1/decisions" > "$WORK/fixed.json" 2>/dev/null &
LOAD=$!
sleep 1
generator=$(pgrep -f "node.*autocannon" | head -1 || true)
generator_ticks=0
while kill -0 $LOAD 2>/dev/null; do
  [ -n "$generator" ] && generator_ticks=$(ticks "$generator")
  sleep 1
done
java_after=$(ticks $JAVA); pg_after=$(pg_ticks); read -r busy_after idle_after <<< "$(machine)"
python3 - "$WORK/fixed.json" "$RATE" $((java_after - java_before)) $((pg_after - pg_before)) "$generator_ticks" \
  $((busy_after - busy_before)) $((idle_after - idle_before)) "$(getconf CLK_TCK)" <<'PY'
import json, sys
r = json.load(open(sys.argv[1])); rate = sys.argv[2]
java, pg, gen, busy, idle, hz = (int(v) for v in sys.argv[3:9])
n, l = r['2xx'], r['latency']
ms = lambda t: t * 1000 / hz / n
print(f"== fixed {rate}/s: {n} answered 2xx, {r['non2xx']} other, {r['errors']} errors, {r['timeouts']} time-outs")
print(f"   latency p50 {l['p50']} ms, p90 {l['p90']} ms, p99 {l['p99']} ms, max {l['max']} ms")
print(f"   CPU per decision: JVM {ms(java):.3f} ms, PostgreSQL {ms(pg):.3f} ms, autocannon {ms(gen):.3f} ms (up to its last second)")
print(f"   machine busy: {100 * busy / (busy + idle):.0f} % of all cores")
PY

# p50/p90/p99 of an autocannon result: <result.json> <what answered>
latency() {
  python3 - "$1" "$2" "$RATE" <<'PY'
import json, sys
r = json.load(open(sys.argv[1])); l = r['latency']
print(f"== {sys.argv[2]}, fixed {sys.argv[3]}/s: {r['2xx']} answered 2xx, {r['non2xx']} other, {r['errors']} errors")
print(f"   latency p50 {l['p50']} ms, p90 {l['p90']} ms, p99 {l['p99']} ms, max {l['max']} ms")
PY
}

sleep 5
autocannon -c 100 -R "$RATE" -d "$RUN" -H "X-API-Key=$BATON_API_KEY" -j "$BASE/api/v1/me" > "$WORK/floor.json" 2>/dev/null
latency "$WORK/floor.json" "GET /api/v1/me (the floor)"

if command -v haproxy > /dev/null; then
  printf 'defaults\n  mode http\n  timeout client 30s\nfrontend fixed\n  bind 127.0.0.1:%s\n  http-request return status 200\n' \
    $((PORT + 1)) > "$WORK/haproxy.cfg"
  haproxy -f "$WORK/haproxy.cfg" -D -p "$WORK/haproxy.pid"
  sleep 1
  autocannon -c 100 -R "$RATE" -d "$RUN" -j "http://127.0.0.1:$((PORT + 1))/" > "$WORK/generator.json" 2>/dev/null
  kill "$(cat "$WORK/haproxy.pid")"
  latency "$WORK/generator.json" "HAProxy's fixed answer (the load generator alone)"
fi

write_me_script "$WORK/me.lua"
decisions=$(wrk -t2 -c32 -d"${RUN}s" -s src/test/bench/decisions.lua "$BASE" | ok_per_second)
me=$(wrk -t2 -c32 -d"${RUN}s" -s "$WORK/me.lua" "$BASE" | ok_per_second)
echo "== wrk, 2 threads, 32 connections, $RUN s each: decisions $decisions/s, GET /api/v1/me $me/s (2xx), ratio $(awk -v d="$decisions" -v m="$me" 'BEGIN {printf "%.2f", d / m}')"
