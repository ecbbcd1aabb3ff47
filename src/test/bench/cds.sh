#!/usr/bin/env bash
# Faster start-up with Spring Boot's class data sharing (CDS) support: extracts the fat jar into the layout
# the JVM can archive (an application jar with its libraries next to it, not nested), makes a training run that
# stops once the Spring context is refreshed and writes the archive of the classes it loaded, then measures
# start to ready (GET /actuator/health/readiness) of the plain `java -jar` and of the extracted jar with the
# archive, one after the other, on the same existing database.
#
# Run from the repository root after `./mvnw -DskipTests package`, with the database settings of an existing
# installation (the training run starts Baton against it, so Flyway has nothing left to migrate), e.g.
#   BATON_DB_URL=jdbc:postgresql://127.0.0.1:5432/baton BATON_DB_USER=postgres src/test/bench/cds.sh
# Usage: [CDS_ONLY=1] src/test/bench/cds.sh [directory]   (default target/cds; created or replaced)
#   CDS_ONLY=1 measures only the start with the archive.
# Operators then start Baton with (same JVM version and the same jar as the archive was made with):
#   java -XX:SharedArchiveFile=<directory>/baton.jsa -jar <directory>/baton.jar
set -euo pipefail
cd "$(dirname "$0")/../../.."
DIR="${1:-target/cds}"
PORT=${BATON_PORT:-18181}
export BATON_PORT=$PORT
JAR=$(ls target/baton-*.jar | grep -v original | head -1)
: "${BATON_DB_URL:?set BATON_DB_URL (and BATON_DB_USER, BATON_DB_PASSWORD) to an existing database}"
if ss -ltn | grep -q ":$PORT "; then echo "port $PORT is in use"; exit 1; fi

rm -rf "$DIR"
java -Djarmode=tools -jar "$JAR" extract --destination "$DIR" > /dev/null
mv "$DIR/$(basename "$JAR")" "$DIR/baton.jar"
echo "== extracted to $DIR ($(ls "$DIR/lib" | wc -l) libraries)"

echo "== training run: starts Baton, stops after the context refresh, writes $DIR/baton.jsa"
started=$(date +%s%N)
# Only the refresh: a training run that went on until ready (the rule set compiled) and was then stopped
# crashed OpenJDK 17.0.15 while it wrote the archive (SIGSEGV in adjust_lambda_proxy_class_dictionary).
java -XX:ArchiveClassesAtExit="$DIR/baton.jsa" -Dspring.context.exit=onRefresh -jar "$DIR/baton.jar" > "$DIR/training.log" 2>&1 || true
[ -f "$DIR/baton.jsa" ] || { echo "no archive written:"; tail -20 "$DIR/training.log"; exit 1; }
echo "   $(( ($(date +%s%N) - started) / 1000000 )) ms, archive $(du -h "$DIR/baton.jsa" | cut -f1)"

# start to ready of one command line; stops it afterwards
ready_after() {
  local log=$1; shift
  local began pid
  began=$(date +%s%N)
  "$@" > "$log" 2>&1 &
  pid=$!
  for _ in $(seq 1 12000); do
    curl -sf "localhost:$PORT/actuator/health/readiness" > /dev/null && break
    kill -0 $pid 2>/dev/null || { echo "did not start:"; tail -20 "$log"; return 1; }
    sleep 0.05
  done
  echo "$(( ($(date +%s%N) - began) / 1000000 )) ms to ready ($(grep -o 'Started BatonApplication in [0-9.]* seconds' "$log"))"
  kill $pid; wait $pid 2>/dev/null || true
}

echo "== load average: $(cut -d' ' -f1-3 /proc/loadavg), $(nproc) cores"
[ -n "${CDS_ONLY:-}" ] || { echo -n "java -jar (fat jar):                   "; ready_after "$DIR/plain.log" java -jar "$JAR"; }
echo -n "extracted jar with the CDS archive:    "; ready_after "$DIR/cds.log" java -XX:SharedArchiveFile="$DIR/baton.jsa" -jar "$DIR/baton.jar"
[ -n "${CDS_ONLY:-}" ] || { echo -n "extracted jar without the archive:     "; ready_after "$DIR/extracted.log" java -jar "$DIR/baton.jar"; }
echo "== load average: $(cut -d' ' -f1-3 /proc/loadavg)"
