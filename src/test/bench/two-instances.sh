#!/usr/bin/env bash
# Two Baton processes on one external PostgreSQL: a version uploaded on A, approved on B, activated on
# A is served by B within moments; a rollback on B reaches A. Needs a PostgreSQL server (default: the
# local one on 127.0.0.1:5432, user postgres, trust auth) and psql; creates the database baton_two_instances.
# Run from the repository root; takes about 1 minute. Usage: src/test/bench/two-instances.sh
set -euo pipefail
cd "$(dirname "$0")/../../.."
PGHOST_PORT=${PGHOST_PORT:-127.0.0.1:5432}
psql -h "${PGHOST_PORT%:*}" -p "${PGHOST_PORT#*:}" -U postgres -d postgres -qAtc "drop database if exists baton_two_instances" -c "create database baton_two_instances"
./mvnw -q -DskipTests package dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt
JAR=$(ls target/baton-*.jar | grep -v original | head -1)
WORK=$(mktemp -d)
export SPRING_PROFILES_ACTIVE=demo BATON_DEMO_API_KEY=bk_multi_proof_key BATON_DEMO_PASSWORD=multi-pass
export BATON_DB_URL=jdbc:postgresql://$PGHOST_PORT/baton_two_instances BATON_DB_USER=postgres BATON_DB_PASSWORD=x
BATON_PORT=18181 java -Xmx768m -jar $JAR > $WORK/a.log 2>&1 &
A=$!
sleep 1
BATON_PORT=18182 java -Xmx768m -jar $JAR > $WORK/b.log 2>&1 &
B=$!
trap 'kill $A $B 2>/dev/null; rm -rf "$WORK"' EXIT
for p in 18181 18182; do for _ in $(seq 1 900); do curl -sf localhost:$p/actuator/health/readiness >/dev/null && break; sleep 0.2; done; done
echo "both ready"
decide() { curl -s -H 'X-API-Key: bk_multi_proof_key' -H 'Content-Type: application/json' -d "$(sed "s/REQUEST_ID/$(cat /proc/sys/kernel/random/uuid)/" src/test/bench/worked-example.json)" localhost:$1/api/v1/decisions | python3 -c 'import json,sys; d=json.load(sys.stdin); print(d["ruleSetVersion"], d["routing"]["queue"])'; }
echo "A: $(decide 18181)   B: $(decide 18182)"
curl -s -u clinlead:multi-pass -o $WORK/routing.drl.xlsx localhost:18181/api/v1/rule-sets/1/files/routing.drl.xlsx
curl -s -u clinlead:multi-pass -o $WORK/tcm.yaml localhost:18181/api/v1/rule-sets/1/files/tcm.yaml
java -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" app.baton.bench.RoutingChangeFiles $WORK/routing.drl.xlsx $WORK/tcm.yaml $WORK/out
V=$(curl -s -u clinlead:multi-pass -F files=@$WORK/out/routing.drl.xlsx -F files=@$WORK/out/tcm.yaml -F changeNote="TCM contacts to nursing" localhost:18181/api/v1/rule-sets | python3 -c 'import json,sys; print(json.load(sys.stdin)["version"]["version"])')
echo "uploaded version $V on A"
curl -s -o /dev/null -w "approve on B: %{http_code}\n" -u clinlead2:multi-pass -H 'Content-Type: application/json' -d '{"note":"ok"}' localhost:18182/api/v1/rule-sets/$V/approval
sleep 2
start=$(date +%s%N)
curl -s -o /dev/null -w "activate on A: %{http_code}\n" -u clinlead:multi-pass -H 'Content-Type: application/json' -d '{"note":"go"}' localhost:18181/api/v1/rule-sets/$V/activation
until [ "$(decide 18182 | cut -d' ' -f1)" = "$V" ]; do sleep 0.02; done
echo "B serves version $V $(( ($(date +%s%N) - start) / 1000000 )) ms after the activation call started"
echo "A: $(decide 18181)   B: $(decide 18182)"
start=$(date +%s%N)
curl -s -o /dev/null -w "rollback on B: %{http_code}\n" -u clinlead2:multi-pass -H 'Content-Type: application/json' -d '{"note":"back"}' localhost:18182/api/v1/rule-sets/1/activation
until [ "$(decide 18181 | cut -d' ' -f1)" = "1" ]; do sleep 0.02; done
echo "A serves version 1 $(( ($(date +%s%N) - start) / 1000000 )) ms after the rollback call started"
echo "A: $(decide 18181)   B: $(decide 18182)"
psql -h "${PGHOST_PORT%:*}" -p "${PGHOST_PORT#*:}" -U postgres -d baton_two_instances -Atc "select version, status from rule_set_version order by version"
