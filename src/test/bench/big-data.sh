#!/usr/bin/env bash
# Years of data (docs/performance.md, "Years of data"; docs/operations.md, "Partitions and retention").
#
#   big-data.sh fill [DECISIONS]       a fresh database $BIG_DB (default baton_big) with Baton's schema (every
#                                      migration) and DECISIONS decisions (default 1,000,000), twice as many audit
#                                      entries (a real hash chain), DECISIONS/10 tasks (a tenth open) over 24 months
#   big-data.sh tasks TASKS            replaces the tasks of $BIG_DB with TASKS tasks (a tenth open)
#   big-data.sh measure                p99 of a queue page, a decision by id, an audit search by patient over a month
#                                      (pgbench, custom scripts), and the newest month's and the full chain verification
#   big-data.sh migration [DECISIONS]  a fresh database $MIG_DB (default baton_migration) migrated up to just before
#                                      partitioning, filled likewise, then the partitioning migrations timed one by one
#
# PostgreSQL: $PGHOST:$PGPORT as $PGUSER (default 127.0.0.1:5432, postgres; a superuser: the generator skips
# triggers). The full size of issue 15 is DECISIONS=10000000. Run from anywhere.
set -euo pipefail
cd "$(dirname "$0")/../../.."
export PGHOST="${PGHOST:-127.0.0.1}" PGPORT="${PGPORT:-5432}" PGUSER="${PGUSER:-postgres}"
BIG_DB="${BIG_DB:-baton_big}"
MIG_DB="${MIG_DB:-baton_migration}"
HERE=src/test/bench/big-data
MIGRATIONS=src/main/resources/db/migration
DURATION="${BENCH_SECONDS:-30}"

migrations() { # the migration files in version order, those below $1 only when given
    ls "$MIGRATIONS" | sed -n 's/^V\([0-9]*\)__.*\.sql$/\1 &/p' | sort -n |
        awk -v below="${1:-999999}" '$1 < below { print $2 }'
}

migrate() { # database, [below version]
    for f in $(migrations "${2:-}"); do
        psql -q -X -v ON_ERROR_STOP=1 -d "$1" -f "$MIGRATIONS/$f" >/dev/null
    done
}

fresh() {
    psql -q -X -d postgres -c "drop database if exists $1 with (force)" -c "create database $1"
}

seconds() { date +%s.%N; }

case "${1:-}" in
fill)
    n="${2:-1000000}"
    fresh "$BIG_DB"
    migrate "$BIG_DB"
    start=$(seconds)
    psql -X -v ON_ERROR_STOP=1 -v decisions="$n" -d "$BIG_DB" -f "$HERE/generate.sql"
    psql -X -v ON_ERROR_STOP=1 -v decisions="$n" -v tasks=$((n / 10)) -d "$BIG_DB" -f "$HERE/generate-tasks.sql"
    echo "filled $BIG_DB with $n decisions in $(echo "$(seconds) - $start" | bc) s"
    psql -X -d "$BIG_DB" -c "select (select count(*) from decision) decisions, (select count(*) from audit_event) audit_entries,
        (select count(*) from task) tasks, (select count(*) from task where status = 'OPEN') open_tasks,
        pg_size_pretty(pg_database_size(current_database())) size"
    ;;
tasks)
    t="${2:?how many tasks}"
    n=$(psql -X -At -d "$BIG_DB" -c "select count(*) from decision")
    psql -X -q -v ON_ERROR_STOP=1 -d "$BIG_DB" -c "truncate task, care_plan, intake cascade"
    start=$(seconds)
    psql -X -v ON_ERROR_STOP=1 -v decisions="$n" -v tasks="$t" -d "$BIG_DB" -f "$HERE/generate-tasks.sql"
    echo "$t tasks in $(echo "$(seconds) - $start" | bc) s"
    psql -X -d "$BIG_DB" -c "select count(*) tasks, count(*) filter (where status = 'OPEN') open_tasks from task"
    ;;
measure)
    for q in queue-page decision-by-id audit-by-patient; do
        echo "== $q: pgbench, 4 clients, ${DURATION} s"
        pgbench -n -c 4 -j 2 -T "$DURATION" -M prepared -f "$HERE/$q.sql" -D decisions="$(psql -X -At -d "$BIG_DB" -c \
            "select count(*) from decision")" -l --log-prefix="target/bench-$q" "$BIG_DB" | grep -E "latency average|tps ="
        cat target/bench-$q.* | awk '{ print $3 }' | sort -n | awk '{ a[NR] = $1 } END {
            printf "  %d runs: p50 %.2f ms, p99 %.2f ms, max %.2f ms\n", NR, a[int(NR * 0.5)] / 1000, a[int(NR * 0.99)] / 1000, a[NR] / 1000 }'
        rm -f target/bench-$q.*
    done
    ./mvnw -q -DskipTests test-compile dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt
    java -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" app.baton.audit.ChainVerificationBenchmark \
        "jdbc:postgresql://$PGHOST:$PGPORT/$BIG_DB" "$PGUSER"
    ;;
migration)
    n="${2:-1000000}"
    fresh "$MIG_DB"
    migrate "$MIG_DB" 191
    psql -X -q -v ON_ERROR_STOP=1 -v decisions="$n" -d "$MIG_DB" -f "$HERE/generate.sql" >/dev/null
    psql -X -q -v ON_ERROR_STOP=1 -v decisions="$n" -v tasks=$((n / 10)) -d "$MIG_DB" -f "$HERE/generate-tasks.sql" >/dev/null
    psql -X -d "$MIG_DB" -c "select (select count(*) from decision) decisions, (select count(*) from audit_event) audit_entries,
        pg_size_pretty(pg_database_size(current_database())) size"
    for f in $(migrations | awk -F__ '{ v = substr($1, 2) } v >= 191 && v <= 193'); do
        start=$(seconds)
        psql -q -X -v ON_ERROR_STOP=1 -d "$MIG_DB" -f "$MIGRATIONS/$f" >/dev/null
        echo "$f: $(echo "$(seconds) - $start" | bc) s"
    done
    ;;
*)
    sed -n '2,15p' "$0"
    exit 2
    ;;
esac
