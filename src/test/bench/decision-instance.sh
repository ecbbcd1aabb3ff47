# Sourced by the decision API benchmarks (decision-cpu.sh, decision-fixed-rate.sh, decision-ratio.sh): starting a jar
# on a database of the local PostgreSQL, CPU ticks from /proc, and wrk's answers counted. Not a script of its own.

# Starts <jar> with the demo profile (sweep off, the INTEGRATION key $BATON_API_KEY) on database <db> of the local
# PostgreSQL, on <port>, logging to <log>, and waits until it is ready. Sets JAVA to its pid; the caller stops it.
start_demo_instance() {
  local jar="$1" db="$2" port="$3" log="$4"
  SPRING_PROFILES_ACTIVE=demo BATON_DEMO_API_KEY="$BATON_API_KEY" BATON_PORT="$port" BATON_SWEEP_ENABLED=false \
    BATON_DB_URL="jdbc:postgresql://127.0.0.1:5432/$db" BATON_DB_USER=postgres BATON_FHIR_VALIDATOR_WARM_UP=false \
    java -Xmx1g -jar "$jar" > "$log" 2>&1 &
  JAVA=$!
  until curl -sf "http://localhost:$port/actuator/health/readiness" > /dev/null; do
    kill -0 $JAVA 2>/dev/null || { cat "$log"; return 1; }
    sleep 1
  done
}

# CPU ticks (user + system) a process has used; 0 once it is gone
ticks() { awk '{print $14 + $15}' "/proc/$1/stat" 2>/dev/null || echo 0; }
# the same, summed over every postgres process
pg_ticks() { local sum=0; for p in $(pgrep -u postgres postgres); do sum=$((sum + $(ticks "$p"))); done; echo $sum; }

# Answers with 2xx per second in wrk's output on stdin: a 429 (the key's rate limit) is not an answer, so it is not counted
ok_per_second() { awk '/requests in/ {n = $1; d = $4; sub(/s,?$/, "", d)} /Non-2xx/ {bad = $NF} END {printf "%.1f", (n - bad) / d}'; }

# Writes to <file> a wrk script that sends GET /api/v1/me with the key in $BATON_API_KEY
write_me_script() {
  cat > "$1" <<'LUA'
local api_key = os.getenv("BATON_API_KEY")
function request() return wrk.format("GET", "/api/v1/me", { ["X-API-Key"] = api_key }) end
LUA
}
