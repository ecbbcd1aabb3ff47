#!/usr/bin/env bash
# Decisions per second against GET /api/v1/me with the same API key, side by side on a running Baton, then
# p99 of decisions at a fixed rate with an open-model generator (autocannon --overallRate, which measures
# from when each request was due, so queueing is not hidden). Optionally records a JFR profile of the
# decision run.
#
# Needs wrk (apt-get install wrk) and autocannon (npm i -g autocannon). Run from the repository root against
# an instance started with the demo profile, e.g.:
#   SPRING_PROFILES_ACTIVE=demo BATON_DEMO_API_KEY=bk_bench_0123456789abcdef0123456789 \
#   BATON_DB_URL=jdbc:postgresql://127.0.0.1:5432/bench BATON_DB_USER=postgres java -jar target/baton-*.jar
# Usage: BATON_API_KEY=<key> src/test/bench/decision-ratio.sh [base-url] [seconds] [rate] [jfr-file]
#   defaults: http://localhost:8080, 30 s per run, 1000 requests/s, no profile. About 3 minutes with defaults.
set -euo pipefail
cd "$(dirname "$0")/../../.."
. src/test/bench/decision-instance.sh
BASE="${1:-http://localhost:8080}"
SECONDS_PER_RUN="${2:-30}"
RATE="${3:-1000}"
JFR="${4:-}"
: "${BATON_API_KEY:?set BATON_API_KEY to an INTEGRATION key of the instance}"
export BATON_API_KEY
BODY=$(mktemp)
trap 'rm -f "$BODY" "$BODY.me.lua"' EXIT
# autocannon puts a fresh id wherever the body says [<id>]: every request is a new decision, recorded and audited
sed 's/REQUEST_ID/[<id>]/' src/test/bench/worked-example.json > "$BODY"
write_me_script "$BODY.me.lua"

echo "== load average before: $(cut -d' ' -f1-3 /proc/loadavg), $(nproc) cores"
echo "== warm-up: decisions and /me, 20 s each"
wrk -t2 -c16 -d20s -s src/test/bench/decisions.lua "$BASE" > /dev/null
wrk -t2 -c16 -d20s -s "$BODY.me.lua" "$BASE" > /dev/null

PID=""
if [ -n "$JFR" ]; then
  PID=$(ss -ltnp "sport = :${BASE##*:}" | grep -o 'pid=[0-9]*' | head -1 | cut -d= -f2)
  jcmd "$PID" JFR.start name=ratio settings=profile filename="$JFR" > /dev/null
fi
echo "== decisions: wrk, 2 threads, 32 connections, $SECONDS_PER_RUN s"
wrk -t2 -c32 -d"${SECONDS_PER_RUN}s" --latency -s src/test/bench/decisions.lua "$BASE" | tee /tmp/decision-ratio-decisions.txt
if [ -n "$PID" ]; then jcmd "$PID" JFR.stop name=ratio > /dev/null; echo "profile of the decision run: $JFR"; fi
echo "== GET /api/v1/me with the same key: wrk, 2 threads, 32 connections, $SECONDS_PER_RUN s"
wrk -t2 -c32 -d"${SECONDS_PER_RUN}s" --latency -s "$BODY.me.lua" "$BASE" | tee /tmp/decision-ratio-me.txt
decisions=$(ok_per_second < /tmp/decision-ratio-decisions.txt)
me=$(ok_per_second < /tmp/decision-ratio-me.txt)
echo "== ratio of 2xx answers per second, decisions : /me = $decisions : $me = $(awk -v d="$decisions" -v m="$me" 'BEGIN {printf "%.2f", d / m}')"

echo "== decisions at a fixed $RATE requests/s (open model), $SECONDS_PER_RUN s, 100 connections"
autocannon -c 100 -R "$RATE" -d "$SECONDS_PER_RUN" -I -m POST -H "Content-Type=application/json" \
  -H "X-API-Key=$BATON_API_KEY" -i "$BODY" -l "$BASE/api/v1/decisions" 2>&1 | tail -40
echo "== load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
