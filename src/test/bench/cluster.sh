#!/usr/bin/env bash
# A Baton cluster on this machine, with real parts: the local PostgreSQL (127.0.0.1:5432, user postgres,
# trust auth; started when it is not running), three Baton instances (java -jar, demo profile) on loopback
# ports 18201-18203 and HAProxy on 127.0.0.1:18200 in front of them, with health checks on
# /actuator/health/readiness, option redispatch and retries (docs/operations.md, "Running several instances").
# Everything it starts it records under target/cluster and stops again with "stop".
#
# Usage (from the repository root): src/test/bench/cluster.sh start|stop|status
#   start [--fresh]  build the jar when missing, (re)create the database baton_cluster with --fresh, start it all
#   stop             stop the instances and HAProxy it started (and PostgreSQL, if it started it)
#   status           which parts run, and what HAProxy thinks of each instance
#   kill N           kill -9 instance N (1-3), as the proofs do;  restart N  start it again
# Settings: CLUSTER_DB (baton_cluster), CLUSTER_KEY (the demo INTEGRATION key), CLUSTER_PASSWORD (demo
# users' password), CLUSTER_HEAP (-Xmx of each instance, 512m), CLUSTER_LB_PORT (18200) and CLUSTER_PORTS
# ("18201 18202 18203") where something else uses those ports; any BATON_* variable is passed on.
set -euo pipefail
cd "$(dirname "$0")/../../.."
STATE=target/cluster
DB=${CLUSTER_DB:-baton_cluster}
LB_PORT=${CLUSTER_LB_PORT:-18200}
read -r -a PORTS <<< "${CLUSTER_PORTS:-18201 18202 18203}"
PSQL="psql -h 127.0.0.1 -U postgres -qAt"
export SPRING_PROFILES_ACTIVE=demo
export BATON_DEMO_API_KEY=${CLUSTER_KEY:-bk_cluster_proof_key}
export BATON_DEMO_PASSWORD=${CLUSTER_PASSWORD:-cluster-pass}
export BATON_DB_URL=jdbc:postgresql://127.0.0.1:5432/$DB BATON_DB_USER=postgres BATON_DB_PASSWORD=x
# HAProxy adds X-Forwarded-For: rate limits and audit entries see the client's address, not the proxy's
export BATON_FORWARD_HEADERS_STRATEGY=native
# the demo profile's sample plans are for one instance started once; a second instance seeding them later fails
export BATON_TRACKER_DEMOPLANS=false
# a killed instance's claimed scheduler work is taken over after 6 missed heartbeats: 30 s here, not 3 min
export DBSCHEDULER_HEARTBEATINTERVAL=${DBSCHEDULER_HEARTBEATINTERVAL:-5s}

pg_cluster() { ls /etc/postgresql/*/ -d | head -1 | xargs basename; }

start_instance() {
  local n=$1 port=${PORTS[$(($1 - 1))]}
  local jar; jar=$(ls target/baton-*.jar | grep -v original | head -1)
  BATON_PORT=$port DBSCHEDULER_SCHEDULERNAME=baton-$n nohup java -Xmx${CLUSTER_HEAP:-512m} -XX:+UseSerialGC -jar "$jar" >> "$STATE/baton-$n.log" 2>&1 &
  echo $! > "$STATE/baton-$n.pid"
}

wait_ready() {
  local n=$1 port=${PORTS[$(($1 - 1))]}
  for _ in $(seq 1 900); do
    curl -sf "localhost:$port/actuator/health/readiness" > /dev/null && return 0
    kill -0 "$(cat "$STATE/baton-$n.pid")" 2>/dev/null || { echo "instance $n did not start:"; tail -30 "$STATE/baton-$n.log"; return 1; }
    sleep 0.2
  done
  echo "instance $n not ready after 180 s"; return 1
}

haproxy_config() {
  cat > "$STATE/haproxy.cfg" <<EOF
global
    maxconn 4096
    stats socket $PWD/$STATE/haproxy.sock mode 600 level admin

defaults
    mode http
    timeout connect 2s
    timeout client 60s
    # longer than the slowest call: an upload compiles its rule set before it answers
    timeout server 120s
    timeout check 3s
    timeout http-request 10s
    option forwardfor
    # try another instance when the chosen one is down or goes away mid-request
    option redispatch 1
    retries 3
    # L7 retries: also after the request was sent, when the instance closed the connection without an
    # answer (killed), did not answer in time, or answered 503 (not ready, stopping)
    retry-on conn-failure empty-response junk-response response-timeout 503
    # one line per request (which instance answered, how many retries, redispatch flag) in target/cluster/haproxy.log
    log stdout format raw local0
    option httplog

frontend baton
    bind 127.0.0.1:$LB_PORT
    bind [::1]:$LB_PORT
    # the client's own X-Forwarded-For is dropped: Baton would believe it (rate limits, audit), so only ours counts
    http-request del-header X-Forwarded-For
    default_backend instances

backend instances
    balance roundrobin
    # only requests that are safe to send twice are retried after they were sent: reads, and the POSTs
    # whose body names the request (a decision's requestId, an intake's sourceSystem + sourceId), which
    # Baton answers from what it recorded the first time. Every other change is retried only when it
    # never reached an instance (conn-failure).
    acl idempotent_post path /api/v1/decisions /api/v1/decisions/batch /api/v1/intake/discharges
    http-request disable-l7-retry if !METH_GET !METH_HEAD !idempotent_post
    option httpchk GET /actuator/health/readiness
    http-check expect status 200
    default-server inter 1s fastinter 500ms downinter 1s fall 2 rise 2 check
    server baton1 127.0.0.1:${PORTS[0]}
    server baton2 127.0.0.1:${PORTS[1]}
    server baton3 127.0.0.1:${PORTS[2]}
EOF
}

start() {
  mkdir -p "$STATE"
  if [ -f "$STATE/haproxy.pid" ] && kill -0 "$(cat "$STATE/haproxy.pid")" 2>/dev/null; then echo "already running (stop it first)"; exit 1; fi
  command -v haproxy > /dev/null || { apt-get update -qq && apt-get install -y -qq haproxy > /dev/null; }
  if ! pg_isready -h 127.0.0.1 -q; then
    pg_ctlcluster --skip-systemctl-redirect "$(pg_cluster)" main start
    touch "$STATE/started-postgres"
  fi
  if [ "${1:-}" = "--fresh" ]; then
    $PSQL -d postgres -c "drop database if exists $DB" -c "create database $DB"
  elif [ -z "$($PSQL -d postgres -c "select 1 from pg_database where datname = '$DB'")" ]; then
    $PSQL -d postgres -c "create database $DB"
  fi
  ls target/baton-*.jar > /dev/null 2>&1 || ./mvnw -q -DskipTests package
  # the first instance migrates the schema (and seeds the demo data on an empty database); then the others
  start_instance 1; wait_ready 1
  start_instance 2; start_instance 3; wait_ready 2; wait_ready 3
  haproxy_config
  # a new file for each start: HAProxy writes its log at its own offset (not appending), so what an earlier
  # run left in the file would be overwritten from the start, and a reader counting bytes would miss lines
  rm -f "$STATE/haproxy.log"
  nohup haproxy -f "$STATE/haproxy.cfg" -db >> "$STATE/haproxy.log" 2>&1 &
  echo $! > "$STATE/haproxy.pid"
  for _ in $(seq 1 50); do [ "$(up_count)" = 3 ] && break; sleep 0.2; done
  echo "cluster up: http://127.0.0.1:$LB_PORT -> instances on ${PORTS[*]} (database $DB); $(up_count) of 3 UP in HAProxy"
}

up_count() { echo "show stat" | socat stdio "unix-connect:$STATE/haproxy.sock" 2>/dev/null | grep -c '^instances,baton[0-9],.*,UP' || true; }

stop() {
  for n in 1 2 3; do
    [ -f "$STATE/baton-$n.pid" ] && kill "$(cat "$STATE/baton-$n.pid")" 2>/dev/null || true
  done
  [ -f "$STATE/haproxy.pid" ] && kill "$(cat "$STATE/haproxy.pid")" 2>/dev/null || true
  for n in 1 2 3; do
    if [ -f "$STATE/baton-$n.pid" ]; then
      pid=$(cat "$STATE/baton-$n.pid")
      for _ in $(seq 1 150); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
      kill -9 "$pid" 2>/dev/null || true
      rm -f "$STATE/baton-$n.pid"
    fi
  done
  rm -f "$STATE/haproxy.pid"
  if [ -f "$STATE/started-postgres" ]; then
    pg_ctlcluster --skip-systemctl-redirect "$(pg_cluster)" main stop; rm -f "$STATE/started-postgres"
  fi
  echo "cluster stopped"
}

status() {
  pg_isready -h 127.0.0.1 -q && echo "PostgreSQL: up (database $DB)" || echo "PostgreSQL: down"
  for n in 1 2 3; do
    port=${PORTS[$((n - 1))]}
    if [ -f "$STATE/baton-$n.pid" ] && kill -0 "$(cat "$STATE/baton-$n.pid")" 2>/dev/null; then
      echo "instance $n (port $port, pid $(cat "$STATE/baton-$n.pid")): $(curl -s -o /dev/null -w '%{http_code}' "localhost:$port/actuator/health/readiness") on readiness"
    else
      echo "instance $n (port $port): not running"
    fi
  done
  if [ -f "$STATE/haproxy.pid" ] && kill -0 "$(cat "$STATE/haproxy.pid")" 2>/dev/null; then
    echo "HAProxy on 127.0.0.1:$LB_PORT:"
    echo "show stat" | socat stdio "unix-connect:$STATE/haproxy.sock" | awk -F, '$1 == "instances" && $2 ~ /^baton/ {print "  " $2 ": " $18}'
  else
    echo "HAProxy: not running"
  fi
}

case "${1:-}" in
  start) start "${2:-}" ;;
  stop) stop ;;
  status) status ;;
  kill) kill -9 "$(cat "$STATE/baton-$2.pid")"; echo "killed instance $2 with -9" ;;
  # the instance that answered the last console login through HAProxy (from its log), killed with -9
  kill-login) n=$(grep -a '"POST /login ' "$STATE/haproxy.log" | tail -1 | grep -o 'instances/baton[0-9]' | grep -o '[0-9]$')
    kill -9 "$(cat "$STATE/baton-$n.pid")"; echo "killed instance $n (it answered the login) with -9" ;;
  restart) start_instance "$2"; wait_ready "$2"; echo "instance $2 ready again" ;;
  *) echo "usage: $0 start [--fresh]|stop|status|kill N|restart N"; exit 2 ;;
esac
