#!/usr/bin/env bash
# The cluster proofs of docs/operations.md ("Running several instances"), on the cluster of cluster.sh
# (three Baton instances behind HAProxy on one local PostgreSQL). Starts the cluster on a fresh database
# baton_cluster, runs the proofs asked for, stops the cluster. Run from the repository root.
#   failover    wrk sends decisions with unique requestIds through HAProxy for 60 s; instance 2 is killed
#               with -9 after 20 s: every 200 is a row in decision, no requestId has two rows, client errors 0
#   activation  a new rule set version uploaded and approved, then activated and rolled back through HAProxy:
#               per instance, the time from the call's start (HAProxy's log) to the instance's own "now serves
#               rule set version N" line (its log), so the script's own polling adds nothing
#   sweep [N]   N overdue open tasks (default 10,000; the issue's size is 100,000), the escalation sweep on
#               three instances, the instance running it killed with -9 mid-sweep: every step stored once,
#               every notice once, every overdue task escalated
#   console     Chromium logs in through HAProxy, the instance that answered the login is killed with -9,
#               the next console pages load without a new login
#   basic-flood decisions through HAProxy for 20 s, then again while wrk sends HTTP Basic attempts with wrong
#               credentials from random addresses straight to every instance: decisions/s and p99 of both
# Usage: src/test/bench/cluster-proofs.sh [failover] [activation] [sweep [N]] [console] [basic-flood]  (none: all)
# Takes about 6 minutes for all four at the default sweep size.
set -euo pipefail
cd "$(dirname "$0")/../../.."
STATE=target/cluster
LB_PORT=${CLUSTER_LB_PORT:-18200}
LB=http://127.0.0.1:$LB_PORT
read -r -a PORTS <<< "${CLUSTER_PORTS:-18201 18202 18203}"
DB=${CLUSTER_DB:-baton_cluster}
export CLUSTER_KEY=${CLUSTER_KEY:-bk_cluster_proof_key} CLUSTER_PASSWORD=${CLUSTER_PASSWORD:-cluster-pass}
KEY=$CLUSTER_KEY PASS=$CLUSTER_PASSWORD
PSQL="psql -h 127.0.0.1 -U postgres -qAt -d $DB"
# the sweep runs every 5 s (instead of every minute) so the proof does not wait for it
export BATON_SWEEP_INTERVAL=${BATON_SWEEP_INTERVAL:-5s}
# and raises steps at any hour: the proof is about each step stored and sent once, and would otherwise wait
# (raising nothing) whenever it is run outside the practice's business hours
export BATON_SWEEP_BUSINESS_HOURS_ONLY=${BATON_SWEEP_BUSINESS_HOURS_ONLY:-false}
PROOFS=("$@"); [ ${#PROOFS[@]} -eq 0 ] && PROOFS=(failover activation sweep console basic-flood)

./mvnw -q -DskipTests package
./mvnw -o -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt
CP="target/test-classes:target/classes:$(cat target/bench-classpath.txt)"
trap 'src/test/bench/cluster.sh stop' EXIT
src/test/bench/cluster.sh start --fresh
echo "machine: $(nproc) cores, $(free -g | awk '/Mem/ {print $2}') GB, load average $(cut -d' ' -f1-3 /proc/loadavg)"

decide() { # version served by the instance on port $1
  curl -s -H "X-API-Key: $KEY" -H 'Content-Type: application/json' \
    -d "$(sed "s/REQUEST_ID/$(cat /proc/sys/kernel/random/uuid)/" src/test/bench/worked-example.json)" \
    "localhost:$1/api/v1/decisions" | python3 -c 'import json,sys; print(json.load(sys.stdin).get("ruleSetVersion"))' 2>/dev/null || true
}

restart_if_down() {
  [ -n "${CLUSTER_NO_RESTART:-}" ] && return  # CLUSTER_NO_RESTART=1: go on with the instances left (a slow machine)
  for n in 1 2 3; do kill -0 "$(cat $STATE/baton-$n.pid 2>/dev/null || echo 0)" 2>/dev/null || src/test/bench/cluster.sh restart $n; done
  sleep 3
}

failover() {
  echo "== failover: 60 s of decisions through HAProxy, instance 2 killed with -9 after 20 s"
  rm -f $STATE/answers-*.txt
  : > $STATE/haproxy.log
  BATON_API_KEY=$KEY wrk -t2 -c16 -d60s --timeout 30s --latency -s src/test/bench/cluster-decisions.lua $LB > $STATE/wrk.txt 2>&1 &
  local load=$!
  sleep 20
  src/test/bench/cluster.sh kill 2
  wait $load
  sed -n '/Thread Stats/,$p' $STATE/wrk.txt
  cat $STATE/answers-*.txt > $STATE/answers.txt
  awk '{print $1}' $STATE/answers.txt | sort | uniq -c | sed 's/^/answers with status: /'
  grep '^200 ' $STATE/answers.txt | awk '{print $2}' > $STATE/ok.txt
  $PSQL -c "create temp table ok (id uuid)" -c "\copy ok from '$PWD/$STATE/ok.txt'" \
    -c "select '200s: ' || count(*) || ', distinct decision ids: ' || count(distinct id) || ', without their decision row: ' || count(*) filter (where not exists (select 1 from decision d where d.id = ok.id)) from ok"
  $PSQL -c "select 'decision rows: ' || count(*) || ', requestIds with more than one row: ' || (select count(*) from (select idempotency_key from decision where idempotency_key is not null group by 1 having count(*) > 1) t) from decision"
  # the retries field of HAProxy's log ("+N" when the request was redispatched to another instance)
  # field 11 of HAProxy's httplog line: actconn/feconn/beconn/srv_conn/retries, "+N" when redispatched
  awk '$4 ~ /^instances\// {split($11, f, "/"); if (f[5] != "0") n++} END {print "requests HAProxy retried (+N: on another instance): " n + 0}' $STATE/haproxy.log
  awk '$4 ~ /^instances\// {split($11, f, "/"); if (f[5] != "0") print "  retried: " $4 " " $6 " " $11}' $STATE/haproxy.log | sort | uniq -c | head -5
  grep -ac 'is DOWN' $STATE/haproxy.log | sed 's/^/health-check DOWN events (the killed instance, and any instance too slow to answer its check): /' 
  grep -ao 'instances/baton[0-9]' $STATE/haproxy.log | sort | uniq -c | sed 's/^/answered by: /'
  [ -z "${CLUSTER_NO_RESTART:-}" ] && src/test/bench/cluster.sh restart 2
  return 0
}

log_sizes() { for f in $STATE/baton-1.log $STATE/baton-2.log $STATE/baton-3.log $STATE/haproxy.log; do stat -c %s "$f"; done | paste -sd' '; }

wait_for_logs() { # until every instance's log, after the offsets $3, has a line with $1; at most $2 s
  local deadline=$(( $(date +%s) + $2 )) sizes=($3) n
  for n in 1 2 3; do
    until tail -c +$(( ${sizes[$((n - 1))]} + 1 )) $STATE/baton-$n.log | grep -aq "$1"; do
      [ "$(date +%s)" -gt $deadline ] && { echo "  instance $n: no \"$1\" in its log after $2 s"; return 1; }
      sleep 0.1
    done
  done
}

switch_report() { # from the logs after the offsets $3: when the $2 call of version $1 started (HAProxy) and each instance's switch
  python3 - "$1" "$2" "$STATE" $3 <<'PY'
import datetime, re, sys
version, what, state = sys.argv[1], sys.argv[2], sys.argv[3]
offsets = [int(o) for o in sys.argv[4:8]]
def since(path, offset):
    with open(path, 'rb') as f:
        f.seek(offset)
        return f.read().decode('utf-8', 'replace').splitlines()
# HAProxy's httplog line: client [accept date] frontend backend/server TR/Tw/Tc/Tr/Ta status ...
call = re.compile(r'\[(\d+/\w+/\d+:\d+:\d+:\d+\.\d+)\] \S+ (\S+) (-?\d+)/(-?\d+)/(-?\d+)/(-?\d+)/(-?\d+) (\d+) .*"POST /api/v1/rule-sets/%s/activation ' % version)
# the whole log (HAProxy writes at its own offset, so its size before the call says little): the last such call
found = [m for m in (call.search(l) for l in since(f'{state}/haproxy.log', 0)) if m]
if not found:
    sys.exit(f'  no {what} call of version {version} in HAProxy\'s log')
m = found[-1]
started = datetime.datetime.strptime(m.group(1), '%d/%b/%Y:%H:%M:%S.%f').astimezone()  # HAProxy logs local time
print(f'  {what} call accepted by HAProxy at {started.strftime("%H:%M:%S.%f")[:-3]}, sent to {m.group(2)}, '
      f'answered {m.group(8)} after {int(m.group(7)) / 1000:.3f} s')
# Baton's line: 2026-12-04T00:59:42.184Z  INFO ... this instance now serves rule set version N (...)
line = re.compile(r'^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d+)(Z|[+-]\d\d:?\d\d)?.*this instance now serves rule set version %s \((.*)\)' % version)
delays = []
for n in (1, 2, 3):
    hits = [m for m in (line.search(l) for l in since(f'{state}/baton-{n}.log', offsets[n - 1])) if m]
    if not hits:
        print(f'  instance {n}: no switch to version {version} in its log'); continue
    h = hits[0]
    at = datetime.datetime.fromisoformat(h.group(1) + ('+00:00' if h.group(2) in (None, 'Z') else h.group(2)))
    delay = (at - started).total_seconds()
    delays.append(delay)
    print(f'  instance {n} serves version {version} {delay:.3f} s after the {what} call started (at {at.strftime("%H:%M:%S.%f")[:-3]}; {h.group(3)})')
done = re.compile(r'rule set version %s activated by \S+ in (\d+) ms \((.*)\)' % version)
for n in (1, 2, 3):
    for l in since(f'{state}/baton-{n}.log', offsets[n - 1]):
        d = done.search(l)
        if d:
            print(f'  instance {n} took the call: the activation itself (files, verification, transaction, switch) took {d.group(1)} ms; {d.group(2)}')
if delays:
    print(f'  {what}: every instance within {max(delays):.3f} s of the call\'s start (target 2 s: {"met" if max(delays) <= 2 else "NOT met"})')
PY
}

activation() {
  echo "== activation and rollback reach every instance (times from the instances' and HAProxy's logs)"
  restart_if_down
  local work; work=$(mktemp -d)
  curl -s -u clinlead:$PASS -o $work/routing.drl.xlsx $LB/api/v1/rule-sets/1/files/routing.drl.xlsx
  curl -s -u clinlead:$PASS -o $work/tcm.yaml $LB/api/v1/rule-sets/1/files/tcm.yaml
  java -cp "$CP" app.baton.bench.RoutingChangeFiles $work/routing.drl.xlsx $work/tcm.yaml $work/out
  local v sizes
  v=$(curl -s -u clinlead:$PASS -F files=@$work/out/routing.drl.xlsx -F files=@$work/out/tcm.yaml -F changeNote="TCM contacts to nursing" \
    $LB/api/v1/rule-sets | python3 -c 'import json,sys; print(json.load(sys.stdin)["version"]["version"])')
  sizes=$(log_sizes)
  curl -s -o /dev/null -w "uploaded version $v; approval: %{http_code}\n" -u clinlead2:$PASS -H 'Content-Type: application/json' -d '{"note":"ok"}' $LB/api/v1/rule-sets/$v/approval
  # every instance loads and warms an approved version when it hears of the approval: wait for all three
  wait_for_logs "approved rule set version $v is" 60 "$sizes" || true
  for n in 1 2 3; do
    echo "  instance $n: $(tail -c +$(( $(echo $sizes | cut -d' ' -f$n) + 1 )) $STATE/baton-$n.log | grep -a "rule set version $v \(loaded\|compiled\|warmed\)\|approved rule set version $v is" | sed 's/.*\] [^:]* : //' | paste -sd';' | sed 's/;/; /g')"
  done
  sleep 1
  echo "  load average before the calls: $(cut -d' ' -f1-3 /proc/loadavg)"
  # what any call as a person costs (HTTP Basic: one bcrypt check, then the filters), to set the calls below against
  curl -s -o /dev/null -w "  for comparison, a read as clinlead through HAProxy (GET /api/v1/rule-sets/$v): %{time_total} s\n" -u clinlead:$PASS $LB/api/v1/rule-sets/$v
  for target in "$v activation" "1 rollback"; do
    set -- $target
    sizes=$(log_sizes)
    curl -s -o /dev/null -w "$2 of version $1 through HAProxy: %{http_code} in %{time_total} s (as curl saw it)\n" -u clinlead:$PASS \
      -H 'Content-Type: application/json' -d "{\"note\":\"$2\"}" $LB/api/v1/rule-sets/$1/activation
    wait_for_logs "this instance now serves rule set version $1 " 30 "$sizes" || true
    sleep 0.5  # HAProxy writes its line when the answer is sent
    switch_report "$1" "$2" "$sizes" || true
    for n in 1 2 3; do
      echo "  instance $n answers a decision with version $(decide ${PORTS[$((n - 1))]})"
    done
  done
  rm -rf $work
}

sweep() {
  local tasks=${1:-10000}
  echo "== escalation sweep over $tasks overdue open tasks on three instances, the sweeping instance killed with -9"
  restart_if_down
  local plan
  plan=$(curl -s -H "X-API-Key: $KEY" -H 'Content-Type: application/json' -d '{"sourceSystem": "CLUSTER", "sourceId": "'"$(cat /proc/sys/kernel/random/uuid)"'",
    "patient": {"id": "cluster", "payer": "MEDICARE", "memberId": "C-1", "language": "en", "location": "MAIN_CLINIC", "consentOnFile": true},
    "program": "TCM", "complexity": "HIGH", "dischargeAt": "2026-03-09T08:00:00-04:00"}' $LB/api/v1/intake/discharges | python3 -c 'import json,sys; print(json.load(sys.stdin)["planId"])')
  # overdue open tasks of that plan straight into PostgreSQL, as the sweep benchmark seeds them
  $PSQL -c "insert into task (id, plan_id, purpose, position, patient_id, location, program, task_type, status, stage, priority,
                              priority_rank, queue, role, due_at, sla_basis, rule_set_version, created_at, status_since)
            select gen_random_uuid(), '$plan', 'PLAN', 0, 'cluster', 'MAIN_CLINIC', 'TCM',
                   (array['TCM_INTERACTIVE_CONTACT', 'MEDICATION_RECONCILIATION', 'TCM_FACE_TO_FACE'])[1 + g % 3], 'READY', 'COORDINATION',
                   'ROUTINE', 2, (array['CARE_COORDINATION', 'NURSING', 'SCHEDULING'])[1 + g % 3],
                   (array['CARE_COORDINATOR', 'CLINICAL_STAFF', 'FRONT_DESK'])[1 + g % 3],
                   now() - (1 + (g * 7919) % 43200) * interval '1 minute', '2 business days after discharge', 1,
                   now() - interval '40 days', now() - interval '40 days'
            from generate_series(1, $tasks) g" -c "analyze task"
  local started; started=$(date +%s)
  local alerts=0 killed=""
  while true; do
    alerts=$($PSQL -c "select count(*) from task_alert a join task t on t.id = a.task_id where t.plan_id = '$plan' and a.kind = 'ESCALATION'")
    if [ -z "$killed" ] && [ "$alerts" -gt $((tasks / 4)) ]; then
      local name; name=$($PSQL -c "select picked_by from scheduled_tasks where task_name = 'tracker-escalation-sweep' and picked")
      killed=${name##*-}
      if [ -n "$killed" ]; then
        src/test/bench/cluster.sh kill "$killed"
        echo "  killed instance $killed ($name, running the sweep) after $alerts steps, $(( $(date +%s) - started )) s"
      fi
    fi
    local open_without; open_without=$($PSQL -c "select count(*) from task t where t.plan_id = '$plan' and t.created_at < now() - interval '39 days' and not exists (select 1 from task_alert a where a.task_id = t.id and a.kind = 'ESCALATION' and a.level = 1)")
    [ "$open_without" = 0 ] && [ -n "$killed" ] && break
    [ $(( $(date +%s) - started )) -gt 900 ] && { echo "  not done after 15 minutes"; break; }
    sleep 2
  done
  echo "  every task escalated $(( $(date +%s) - started )) s after the tasks were stored (the sweep resumed on another instance)"
  sleep 10  # one more sweep of the survivors: it must find nothing new
  $PSQL -c "select '  escalation steps stored: ' || count(*) || ', distinct (task, level): ' || count(distinct (task_id, level)) || ', tasks escalated: ' || count(distinct task_id) from task_alert a join task t on t.id = a.task_id where t.plan_id = '$plan' and a.kind = 'ESCALATION'"
  $PSQL -c "select '  escalation notices: ' || count(*) || ', keys notified more than once: ' || (select count(*) from (select codes->>'escalationKey' from notification_outbox where kind = 'ESCALATION' group by 1 having count(*) > 1) d) from notification_outbox where kind = 'ESCALATION'"
  $PSQL -c "select '  steps without their notice: ' || count(*) from task_alert a where a.kind = 'ESCALATION' and not exists (select 1 from notification_outbox n where n.kind = 'ESCALATION' and n.codes->>'escalationKey' = a.alert_key)"
  [ -n "$killed" ] && [ -z "${CLUSTER_NO_RESTART:-}" ] && src/test/bench/cluster.sh restart "$killed"
  return 0
}

basic_flood() {
  echo "== decisions while a flood of HTTP Basic attempts with wrong credentials arrives from many addresses"
  restart_if_down
  BATON_API_KEY=$KEY wrk -t1 -c8 -d20s --timeout 30s --latency -s src/test/bench/decisions.lua $LB > $STATE/quiet.txt 2>&1
  echo "  without the flood: $(grep 'Requests/sec' $STATE/quiet.txt | awk '{print $2}') decisions/s, p99 $(grep ' 99%' $STATE/quiet.txt | awk '{print $2}')"
  local floods=()
  for port in "${PORTS[@]}"; do
    FLOOD_AUTH=$(printf 'nobody-at-all:a wrong guess' | base64) wrk -t1 -c16 -d30s -s src/test/bench/basic-flood.lua "http://127.0.0.1:$port" > $STATE/flood-$port.txt 2>&1 &
    floods+=($!)
  done
  sleep 5
  BATON_API_KEY=$KEY wrk -t1 -c8 -d20s --timeout 30s --latency -s src/test/bench/decisions.lua $LB > $STATE/flooded.txt 2>&1
  wait "${floods[@]}"
  echo "  during the flood: $(grep 'Requests/sec' $STATE/flooded.txt | awk '{print $2}') decisions/s, p99 $(grep ' 99%' $STATE/flooded.txt | awk '{print $2}'), non-2xx: $(grep -o 'Non-2xx or 3xx responses: [0-9]*' $STATE/flooded.txt || echo 0)"
  for port in "${PORTS[@]}"; do
    echo "  flood on $port: $(grep 'Requests/sec' $STATE/flood-$port.txt | awk '{print $2}') attempts/s answered"
  done
  $PSQL -c "select '  failed logins audited (each one bcrypt check): ' || count(*) from audit_event where action = 'LOGIN_FAILED' and object_id = 'nobody-at-all'"
}

console() {
  echo "== console: log in through HAProxy, the instance that answered the login killed with -9, the next pages"
  restart_if_down
  java -cp "$CP" app.baton.console.ClusterConsoleProof $LB_PORT clinlead "$PASS" "src/test/bench/cluster.sh kill-login"
}

while [ ${#PROOFS[@]} -gt 0 ]; do
  proof=${PROOFS[0]}; PROOFS=("${PROOFS[@]:1}")
  case $proof in
    failover) failover ;;
    activation) activation ;;
    sweep) if [[ ${PROOFS[0]:-} =~ ^[0-9]+$ ]]; then sweep "${PROOFS[0]}"; PROOFS=("${PROOFS[@]:1}"); else sweep; fi ;;
    console) console ;;
    basic-flood) basic_flood ;;
    *) echo "unknown proof $proof"; exit 2 ;;
  esac
done
