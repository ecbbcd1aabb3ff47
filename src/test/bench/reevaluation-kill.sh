#!/usr/bin/env bash
# Re-evaluating open tasks, killed half-way (issue 11; docs/performance.md, "Re-evaluation of 100,000 open tasks,
# killed half-way"; docs/operations.md, "Proved with a real process and a real PostgreSQL"). A real Baton (the fat
# jar, demo profile) on the local PostgreSQL 15 (127.0.0.1:5432, user postgres, trust auth; a fresh database
# baton_reevaluation_kill):
#   1. Baton takes in 12 TCM discharges through the API: real plans, each contact task decided and recorded as the
#      tracker does (decision, audit entries, dashboard projection);
#   2. Baton stopped, those are copied in SQL (seed.sql) to TASKS plans of their own (default 100,000), each with its
#      intake, plan facts, open TCM interactive-contact task in CARE_COORDINATION, that task's recorded decision and
#      its audit entries; Baton started again;
#   3. as clinical leads do through the API: clinlead uploads the routing change (TCM contacts to the nurses),
#      clinlead2 approves it, clinlead activates it;
#   4. clinlead applies the re-evaluation ({"preview": false}): Baton answers 202 at once with the run and its Location
#      and applies it in the background; the run is polled there (GET, an API key) and Baton is killed with -9 once
#      KILL_AT percent (default 40) is processed;
#   5. Baton restarted; the resumer takes the run over (a run that has not moved for two minutes) and finishes it;
#   6. checked in SQL (check.sql): every open task re-decided exactly once, nothing applied twice, the run's counts
#      equal what changed, hand-off notices and audit entries match; then the audit chain is verified.
# Prints the time to the kill, the restart, the wait for the takeover, the total and tasks/s, with the load average.
# Usage: src/test/bench/reevaluation-kill.sh [TASKS] [KILL_AT]   (SKIP_BUILD=1: use the jar and classpath built
# last time). Run from anywhere; 15 minutes at 20,000 tasks on 2 cores shared with four test runs (load average 16).
set -euo pipefail
cd "$(dirname "$0")/../../.."
TASKS=${1:-100000}
KILL_AT=${2:-40}
PORT=${BATON_BENCH_PORT:-18250}
DB=${BATON_BENCH_DB:-baton_reevaluation_kill}
KEY=bk_reevaluation_kill_key
PASS=reevaluation-pass
HERE=src/test/bench/reevaluation-kill
BASE=http://localhost:$PORT
PSQL="psql -h 127.0.0.1 -U postgres -X -qAt -v ON_ERROR_STOP=1 -d $DB"
WORK=$(mktemp -d)
PID=0
trap '[ "$PID" = 0 ] || kill -9 $PID 2>/dev/null || true; echo "Baton log: $WORK/baton.log"' EXIT

now() { date +%s.%N; }
secs() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f", b - a }'; }
load() { cut -d' ' -f1-3 /proc/loadavg; }
start() {
  java -Xmx768m -jar "$JAR" >> "$WORK/baton.log" 2>&1 & PID=$!
  for _ in $(seq 1 1500); do curl -sf $BASE/actuator/health/readiness > /dev/null && return; sleep 0.2; done
  echo "Baton did not start"; tail -30 "$WORK/baton.log"; exit 1
}
lead() { curl -s -u "$1:$PASS" -H 'Content-Type: application/json' "${@:2}"; }

psql -h 127.0.0.1 -U postgres -X -qAt -d postgres -c "drop database if exists $DB with (force)" -c "create database $DB"
if [ -z "${SKIP_BUILD:-}" ]; then
  ./mvnw -q -DskipTests package dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt
fi
JAR=$(ls target/baton-*.jar | grep -v original | head -1)
export SPRING_PROFILES_ACTIVE=demo BATON_DEMO_API_KEY=$KEY BATON_DEMO_PASSWORD=$PASS BATON_PORT=$PORT
export BATON_DB_URL=jdbc:postgresql://127.0.0.1:5432/$DB BATON_DB_USER=postgres BATON_DB_PASSWORD=x
echo "== $(date -u +%FT%TZ), load average $(load): $TASKS open tasks, kill -9 at $KILL_AT %"

echo "== 1. 12 TCM discharges through the API (the templates)"
start
for k in $(seq -w 1 12); do
  at=$(date -d "-$((10#$k * 35)) minutes" +%Y-%m-%dT%H:%M:%S%:z)
  complexity=$( (( 10#$k % 2 )) && echo MODERATE || echo HIGH)
  status=$(curl -s -o "$WORK/intake.json" -w '%{http_code}' -H "X-API-Key: $KEY" -H 'Content-Type: application/json' -d '{
    "sourceSystem": "EHR-ADT", "sourceId": "REEVAL-TEMPLATE-'"$k"'",
    "patient": {"id": "reeval-template-'"$k"'", "payer": "MEDICARE", "memberId": "1EG4-TE5-MK'"$k"'", "language": "en",
                "location": "MAIN_CLINIC", "consentOnFile": true},
    "program": "TCM", "complexity": "'"$complexity"'", "dischargeAt": "'"$at"'"}' $BASE/api/v1/intake/discharges)
  [ "$status" = 200 ] || [ "$status" = 201 ] || { echo "intake $k answered $status: $(cat "$WORK/intake.json")"; exit 1; }
done
kill $PID; wait $PID 2>/dev/null || true

echo "== 2. seed: the templates' contact tasks copied to $TASKS plans of their own (Baton stopped)"
t=$(now)
$PSQL -v tasks="$TASKS" -f $HERE/seed.sql
echo "seeded in $(secs "$t" "$(now)") s, load average $(load)"
t=$(now)
start
echo "Baton started in $(secs "$t" "$(now)") s (the dashboards' rollups rebuilt from the seeded projection)"

echo "== 3. the routing change: uploaded by clinlead, approved by clinlead2, activated by clinlead"
lead clinlead -o "$WORK/routing.drl.xlsx" $BASE/api/v1/rule-sets/1/files/routing.drl.xlsx
lead clinlead -o "$WORK/tcm.yaml" $BASE/api/v1/rule-sets/1/files/tcm.yaml
java -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" app.baton.bench.RoutingChangeFiles \
  "$WORK/routing.drl.xlsx" "$WORK/tcm.yaml" "$WORK/change"
V=$(curl -s -u clinlead:$PASS -F files=@"$WORK/change/routing.drl.xlsx" -F files=@"$WORK/change/tcm.yaml" \
  -F changeNote="TCM interactive contacts to the nurses" $BASE/api/v1/rule-sets | jq -r .version.version)
echo "uploaded version $V"
lead clinlead2 -o /dev/null -w "approved by clinlead2: %{http_code}\n" -d '{"note": "checked the TCM scenarios"}' $BASE/api/v1/rule-sets/$V/approval
lead clinlead -o /dev/null -w "activated by clinlead: %{http_code}\n" -d '{"note": "go live"}' $BASE/api/v1/rule-sets/$V/activation
PROGRESS_KEY=$(lead admin -d '{"name": "re-evaluation progress", "roles": ["CLINICAL_LEAD"], "locations": ["MAIN_CLINIC"]}' \
  $BASE/api/v1/api-keys | jq -r .key)
# what the run will find: every open task at clinlead's location as it stands before the apply
$PSQL -c "create table bench_reeval_before as
  select id, patient_id like 'reeval-%' and patient_id not like 'reeval-template-%' as seeded, queue, due_at, version
  from task where status not in ('DONE', 'CANCELLED') and location = 'MAIN_CLINIC'"
echo "open tasks at MAIN_CLINIC: $($PSQL -c "select count(*) || ' (seeded ' || count(*) filter (where seeded) || ')' from bench_reeval_before")"

echo "== 4. apply, killed with -9 at $KILL_AT %"
T0=$(now)
LOAD0=$(load)
status=$(lead clinlead -m 60 -D "$WORK/apply.headers" -o "$WORK/apply.json" -w '%{http_code}' -d '{"preview": false}' \
  $BASE/api/v1/tracker/re-evaluations)
TANSWER=$(now)
[ "$status" = 202 ] || { echo "FAILED: applying answered $status, not 202: $(head -c 300 "$WORK/apply.json")"; exit 1; }
RUN=$(jq -r .id "$WORK/apply.json")
LOCATION=$(tr -d '\r' < "$WORK/apply.headers" | awk 'tolower($1) == "location:" { print $2 }')
echo "202 in $(secs "$T0" "$TANSWER") s: run $RUN, $(jq -r '"\(.status), \(.processed) of \(.total)"' "$WORK/apply.json"), Location $LOCATION"
[ "$LOCATION" = "/api/v1/tracker/re-evaluations/$RUN" ] || echo "FAILED Location header: $LOCATION"
progress() { curl -s -H "X-API-Key: $PROGRESS_KEY" "$BASE$LOCATION" | jq -c 'select(.id) // empty'; }
shown=0
while :; do
  run=$(progress || true)
  if [ -n "$run" ] && [ "$(jq -r .status <<< "$run")" = RUNNING ]; then
    percent=$(jq -r .percent <<< "$run")
    elapsed=$(secs "$T0" "$(now)")
    if (( ${elapsed%.*} >= shown )); then
      echo "  $elapsed s: $(jq -r '"\(.processed) of \(.total) (\(.percent) %)"' <<< "$run"), load average $(load)"
      shown=$(( ${elapsed%.*} + 15 ))
    fi
    if (( percent >= KILL_AT )); then
      kill -9 $PID
      TKILL=$(now)
      LOADKILL=$(load)
      break
    fi
  fi
  sleep 0.5
done
AT_KILL=$($PSQL -c "select processed from re_evaluation_run where id = '$RUN'")
TOTAL=$($PSQL -c "select total from re_evaluation_run where id = '$RUN'")
echo "killed Baton (pid $PID) with -9 $(secs "$T0" "$TKILL") s after the apply began; committed then: $AT_KILL of $TOTAL"

echo "== 5. restart; the resumer finishes the run"
TSTART=$(now)
start
TREADY=$(now)
echo "restarted: ready $(secs "$TSTART" "$TREADY") s after the start, $(secs "$TKILL" "$TREADY") s after the kill"
TRESUMED=""
shown=0
for _ in $(seq 1 7200); do
  run=$(progress || true)
  processed=$(jq -r '.processed // 0' <<< "$run" 2>/dev/null || true)
  processed=${processed:-0}
  if [ -z "$TRESUMED" ] && (( processed > AT_KILL )); then
    TRESUMED=$(now)
    RESUMED_AT=$processed
    echo "  taken over: first page after the restart committed $(secs "$TKILL" "$TRESUMED") s after the kill"
  fi
  [ "$(jq -r .status <<< "$run")" = COMPLETED ] && break
  elapsed=$(secs "$T0" "$(now)")
  if [ -n "$TRESUMED" ] && (( ${elapsed%.*} >= shown )); then
    echo "  $elapsed s: $(jq -r '"\(.processed) of \(.total) (\(.percent) %)"' <<< "$run"), load average $(load)"
    shown=$(( ${elapsed%.*} + 30 ))
  fi
  sleep 0.5
done
TDONE=$(now)
LOADEND=$(load)
echo "run $(jq -r '"\(.id): \(.status), \(.processed) of \(.total), queue changed \(.queueChanged), due changed \(.dueChanged), unchanged \(.unchanged), skipped \(.skipped), \(.examples | length) examples"' <<< "$run")"

echo "== 6. checks"
$PSQL -v run="$RUN" -v version="$V" -f $HERE/check.sql | tee "$WORK/check.txt"
for _ in $(seq 1 120); do
  verify=$(curl -s -u compliance:$PASS $BASE/api/v1/audit/verify)
  [ "$(jq -r .stagedEntries <<< "$verify")" = 0 ] && break
  sleep 1
done
echo "audit chain: $(jq -c '{intact, entries, stagedEntries}' <<< "$verify")"
[ "$(jq -r .intact <<< "$verify")" = true ] || echo "FAILED audit chain not intact"

echo "== timings ($TOTAL open tasks at MAIN_CLINIC, version $V)"
TIMES=$($PSQL -c "select extract(epoch from started_at) || ' ' || extract(epoch from finished_at) from re_evaluation_run where id = '$RUN'")
read -r STARTED FINISHED <<< "$TIMES"
before=$(secs "$STARTED" "$TKILL")
after=$(secs "$TRESUMED" "$FINISHED")
echo "load average: at the apply $LOAD0; at the kill $LOADKILL; at the end $LOADEND"
echo "POST to its 202 answer:    $(secs "$T0" "$TANSWER") s (the run is applied in the background)"
echo "apply to kill -9:          $before s, $AT_KILL tasks committed ($(awk -v n="$AT_KILL" -v s="$before" 'BEGIN { printf "%.0f", n / s }') tasks/s)"
echo "kill to ready again:       $(secs "$TKILL" "$TREADY") s (restart: $(secs "$TSTART" "$TREADY") s)"
echo "ready to the first page:   $(secs "$TREADY" "$TRESUMED") s (a run is taken over once it has not moved for 2 minutes; then its first page)"
echo "first page to completed:   $after s, $((TOTAL - RESUMED_AT)) tasks ($(awk -v n="$((TOTAL - RESUMED_AT))" -v s="$after" 'BEGIN { printf "%.0f", n / s }') tasks/s)"
echo "total, apply to completed: $(secs "$STARTED" "$FINISHED") s ($(awk -v n="$TOTAL" -v s="$(secs "$STARTED" "$FINISHED")" 'BEGIN { printf "%.0f", n / s }') tasks/s overall; $(awk -v n="$TOTAL" -v s="$(awk -v a="$before" -v b="$after" 'BEGIN { print a + b }')" 'BEGIN { printf "%.0f", n / s }') tasks/s while applying)"
kill $PID; wait $PID 2>/dev/null || true
PID=0
if grep -q FAILED "$WORK/check.txt" || [ "$(jq -r .intact <<< "$verify")" != true ]; then
  echo "== FAILED"; exit 1
fi
echo "== every check passed"
