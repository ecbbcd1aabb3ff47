#!/usr/bin/env bash
# Reliability proofs with a real Baton process and a real PostgreSQL server (the local PostgreSQL 15 on
# 127.0.0.1:5432, user postgres, trust auth; this script STOPS AND STARTS that server in part 2):
#   1. kill -9 in the middle of a stream of discharge intakes, restart, send every intake again (as a
#      client does with what was not acknowledged): every acknowledged intake is there, each source event
#      has exactly one plan, and no plan lacks its tasks;
#   2. PostgreSQL stopped while decisions flow: clients get 503 problems, Baton recovers by itself when the
#      database is back, and every 200 has its decision row (nothing acknowledged lost, nothing half-written);
#   3. two instances sweeping escalations on one database, one killed with -9 mid-sweep and restarted: every
#      escalation step is stored once and notified once, and every overdue task got its step.
# Run from the repository root as root; takes about 5 minutes. Usage: src/test/bench/reliability.sh
set -euo pipefail
cd "$(dirname "$0")/../../.."
PORT=18190
DB=baton_reliability
KEY=bk_reliability_key
PSQL="psql -h 127.0.0.1 -U postgres -qAt"
CLUSTER=$(ls /etc/postgresql | head -1)
$PSQL -d postgres -c "drop database if exists $DB" -c "create database $DB"
./mvnw -q -DskipTests package
JAR=$(ls target/baton-*.jar | grep -v original | head -1)
WORK=$(mktemp -d)
export SPRING_PROFILES_ACTIVE=demo BATON_DEMO_API_KEY=$KEY BATON_DEMO_PASSWORD=reliability-pass BATON_PORT=$PORT
export BATON_DB_URL=jdbc:postgresql://127.0.0.1:5432/$DB BATON_DB_USER=postgres BATON_DB_PASSWORD=x
start() { java -Xmx768m -jar "$JAR" >> "$WORK/baton.log" 2>&1 & PID=$!
  for _ in $(seq 1 900); do curl -sf localhost:$PORT/actuator/health/readiness >/dev/null && return; sleep 0.2; done
  echo "Baton did not start"; tail -30 "$WORK/baton.log"; exit 1; }
trap 'kill -9 ${PID:-0} 2>/dev/null; pg_ctlcluster --skip-systemctl-redirect $CLUSTER main start 2>/dev/null || true; rm -rf "$WORK"' EXIT

echo "== 1. kill -9 during intake"
start
RUN="run$(date +%s)"
python3 src/test/bench/reliability.py intake-load "http://localhost:$PORT" $KEY $RUN 400 8 "$WORK/acked-1.txt" &
LOAD=$!
sleep 3
kill -9 $PID
echo "killed Baton (pid $PID) with -9 while intakes were in flight"
wait $LOAD || true
ACKED=$(grep -c . "$WORK/acked-1.txt" || true)
start
python3 src/test/bench/reliability.py intake-load "http://localhost:$PORT" $KEY $RUN 400 8 "$WORK/acked-2.txt"
$PSQL -d $DB -c "create temp table acked (source_id text)" -c "\copy acked from '$WORK/acked-1.txt'" \
  -c "select 'acknowledged before the kill: ' || count(*) || ', of them missing after restart: ' || count(*) filter (where i.source_id is null) from acked a left join intake i on i.source_system = 'RELIABILITY' and i.source_id = a.source_id"
$PSQL -d $DB -c "select 'intakes: ' || count(*) || ', distinct source events: ' || count(distinct source_id) from intake where source_system = 'RELIABILITY'"
$PSQL -d $DB -c "select 'plans from these intakes: ' || count(*) || ', plans without tasks: ' || count(*) filter (where not exists (select 1 from task t where t.plan_id = p.id)) from care_plan p join intake i on i.plan_id = p.id where i.source_system = 'RELIABILITY'"
echo "(acknowledged before the kill by the client: $ACKED)"

echo "== 2. PostgreSQL stopped while decisions flow"
python3 src/test/bench/reliability.py decide-load "http://localhost:$PORT" $KEY 40 "$WORK/decisions.txt" &
LOAD=$!
sleep 8
pg_ctlcluster --skip-systemctl-redirect $CLUSTER main stop -m fast
echo "PostgreSQL stopped at $(date +%T)"
sleep 12
pg_ctlcluster --skip-systemctl-redirect $CLUSTER main start
echo "PostgreSQL started at $(date +%T)"
wait $LOAD
awk '{print $1, $3}' "$WORK/decisions.txt" | sort | uniq -c | sed 's/^/answers: /'
tail -5 "$WORK/decisions.txt" | awk '{print "last answers: " $1}' | sort | uniq -c
grep '^200 ' "$WORK/decisions.txt" | awk '{print $2}' > "$WORK/ok.txt"
$PSQL -d $DB -c "create temp table ok (request_id text)" -c "\copy ok from '$WORK/ok.txt'" \
  -c "select '200s: ' || count(*) || ', without their decision row: ' || count(*) filter (where not exists (select 1 from decision d where d.idempotency_key like '%|' || ok.request_id)) from ok"
curl -s localhost:$PORT/actuator/health/readiness; echo
echo "== 3. two instances sweeping escalations, one killed with -9 in the middle"
kill $PID; wait $PID 2>/dev/null || true
export BATON_SWEEP_INTERVAL=2s BATON_SWEEP_PAGE_SIZE=50
start; A=$PID
BATON_PORT=$((PORT + 1)) java -Xmx768m -jar "$JAR" >> "$WORK/baton-b.log" 2>&1 & B=$!
for _ in $(seq 1 900); do curl -sf localhost:$((PORT + 1))/actuator/health/readiness >/dev/null && break; sleep 0.2; done
RUN3="sweep$(date +%s)"
python3 src/test/bench/reliability.py intake-load "http://localhost:$PORT" $KEY $RUN3 600 8 "$WORK/acked-3.txt"
sleep 2
kill -9 $A
echo "killed instance A with -9 while both instances swept"
sleep 20
PID=$B
start; A=$PID
sleep 20
$PSQL -d $DB -c "select 'escalation steps stored: ' || count(*) || ', tasks escalated: ' || count(distinct task_id) from task_alert where kind = 'ESCALATION'"
$PSQL -d $DB -c "select 'escalation notices: ' || count(*) || ', keys notified more than once: ' || (select count(*) from (select codes->>'escalationKey' from notification_outbox where kind = 'ESCALATION' group by 1 having count(*) > 1) d) from notification_outbox where kind = 'ESCALATION'"
$PSQL -d $DB -c "select 'steps without their notice: ' || count(*) from task_alert a where a.kind = 'ESCALATION' and not exists (select 1 from notification_outbox n where n.kind = 'ESCALATION' and n.codes->>'escalationKey' = a.alert_key)"
$PSQL -d $DB -c "select 'overdue open tasks of this run without a level-1 step: ' || count(*) from task t join care_plan p on p.id = t.plan_id join intake i on i.plan_id = p.id where i.source_id like '$RUN3-%' and t.status not in ('DONE','CANCELLED') and t.due_at < now() - interval '1 minute' and not exists (select 1 from task_alert a where a.task_id = t.id and a.kind = 'ESCALATION' and a.level = 1)"
kill $B $A 2>/dev/null || true

# any 500 names its exception in the log (never patient data): show which
grep '"request failed' "$WORK/baton.log" | grep -o '"error":{"type":"[^"]*","message":"[^"]*"' | sort | uniq -c | sed 's/^/500 because: /' || true
