#!/usr/bin/env bash
# What the FHIR R4 validator costs (docs/performance.md, "The FHIR R4 validator"): one start of the fat jar, with the
# validator's warm-up on or off, and then
#   - start to ready (GET /actuator/health/readiness answers 200), and when the log says the validator is warm;
#   - the heap in use after a full GC before the first FHIR call and after it (warm-up off: the validator's share);
#   - the first POST /fhir/r4/Task/$decide after ready (and after the warm-up, when it is on);
#   - CALLS more $decide calls one after the other, each a new decision: p50, p95, max.
# Usage: WARM_UP=true|false [CALLS=200] [PORT=18300] [DB=baton_fhir_validator] src/test/bench/fhir-validator.sh
# Needs the fat jar (./mvnw -q package -DskipTests), a PostgreSQL on 127.0.0.1:5432 (user postgres, trust) with the
# database DB (created when missing), curl, jq, jcmd. Sends requests to 127.0.0.1 only; stops the Baton it started.
set -euo pipefail
WARM_UP=${WARM_UP:-true}
CALLS=${CALLS:-200}
PORT=${PORT:-18300}
DB=${DB:-baton_fhir_validator}
JAR=${JAR:-$(ls target/baton-*.jar | grep -v original | head -1)}
KEY=bk_fhir_validator_bench
LOG=$(mktemp /tmp/fhir-validator-bench.XXXXXX.log)

psql -h 127.0.0.1 -U postgres -tAc "select 1 from pg_database where datname = '$DB'" | grep -q 1 \
  || psql -h 127.0.0.1 -U postgres -qc "create database $DB"

start=$(date +%s.%N)
BATON_PORT=$PORT BATON_DB_URL=jdbc:postgresql://127.0.0.1:5432/$DB BATON_DB_USER=postgres BATON_DB_PASSWORD= \
  SPRING_PROFILES_ACTIVE=demo BATON_DEMO_API_KEY=$KEY BATON_FHIR_VALIDATOR_WARM_UP=$WARM_UP \
  java -jar "$JAR" > "$LOG" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null; wait $pid 2>/dev/null || true' EXIT
for _ in $(seq 1 3000); do
  if curl -sf -o /dev/null "localhost:$PORT/actuator/health/readiness"; then break; fi
  kill -0 $pid 2>/dev/null || { echo "Baton stopped; see $LOG"; exit 1; }
  sleep 0.1
done
ready=$(date +%s.%N)
echo "warm-up=$WARM_UP start to ready: $(echo "$ready - $start" | bc) s (load: $(cut -d' ' -f1-3 /proc/loadavg))"

if [ "$WARM_UP" = true ]; then
  for _ in $(seq 1 1200); do grep -q 'FHIR R4 validator warmed' "$LOG" && break; sleep 0.1; done
  warmed=$(date +%s.%N)
  echo "validator warm $(echo "$warmed - $ready" | bc) s after ready; $(grep -o 'FHIR R4 validator warmed in [0-9]* ms' "$LOG")"
fi

heap() { jcmd $pid GC.run > /dev/null; jcmd $pid GC.heap_info | awk '/garbage-first heap/ {for (i=1;i<=NF;i++) if ($i ~ /used/) print $(i+1)}'; }
echo "heap used after a full GC, before the first FHIR call: $(heap)"

body() {
  cat <<JSON
{"resourceType": "Bundle", "type": "collection", "entry": [
  {"fullUrl": "https://ehr.example.org/fhir/Task/bench-$1", "resource": {"resourceType": "Task", "id": "bench-$1",
    "identifier": [{"system": "https://ehr.example.org/task", "value": "bench-$1-$start"}],
    "status": "requested", "intent": "order", "priority": "routine",
    "code": {"coding": [{"system": "https://baton.app/fhir/CodeSystem/task-type", "code": "TCM_INTERACTIVE_CONTACT"}]},
    "for": {"reference": "Patient/pt-bench"}}},
  {"fullUrl": "https://ehr.example.org/fhir/Patient/pt-bench", "resource": {"resourceType": "Patient", "id": "pt-bench",
    "meta": {"profile": ["http://hl7.org/fhir/us/core/StructureDefinition/us-core-patient"]},
    "communication": [{"language": {"coding": [{"system": "urn:ietf:bcp:47", "code": "en"}]}}]}},
  {"fullUrl": "https://ehr.example.org/fhir/Coverage/cov-bench", "resource": {"resourceType": "Coverage", "id": "cov-bench",
    "status": "active", "subscriberId": "1EG4-TE5-MK72", "beneficiary": {"reference": "Patient/pt-bench"}, "payor": [{"display": "MEDICARE"}]}},
  {"fullUrl": "urn:uuid:6f1c2a3e-5b7d-4c8e-9f01-2a3b4c5d6e7f", "resource": {"resourceType": "Encounter", "status": "finished",
    "class": {"system": "http://terminology.hl7.org/CodeSystem/v3-ActCode", "code": "IMP"}, "period": {"end": "2026-03-09T08:00:00-04:00"}}}]}
JSON
}
decide() {
  body "$1" | curl -s -o /dev/null -w '%{http_code} %{time_total}\n' "localhost:$PORT/fhir/r4/Task/\$decide" \
    -H "X-API-Key: $KEY" -H 'Content-Type: application/fhir+json' --data-binary @-
}
first=$(decide 0)
echo "first \$decide after ready: status ${first% *}, $(echo "${first#* } * 1000" | bc) ms"
echo "heap used after a full GC, after the first FHIR call: $(heap)"

times=$(mktemp)
for i in $(seq 1 "$CALLS"); do
  out=$(decide "$i")
  [ "${out% *}" = 200 ] || { echo "call $i answered ${out% *}"; exit 1; }
  echo "${out#* }" >> "$times"
done
sort -n "$times" | awk -v n="$CALLS" '{t[NR]=$1*1000} END {printf "%d calls: p50 %.1f ms, p95 %.1f ms, max %.1f ms\n", n, t[int(n*0.5+0.5)], t[int(n*0.95+0.5)], t[n]}'
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg); log: $LOG"
