#!/usr/bin/env bash
# In-process decision benchmark (JMH). Prints throughput with 2 threads, then p50/p99 from
# sampled latencies. Run from the repository root; takes about 3 minutes.
set -euo pipefail
cd "$(dirname "$0")/../../.."
./mvnw -q -DskipTests test-compile dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt
CP="target/test-classes:target/classes:$(cat target/bench-classpath.txt)"
java -cp "$CP" org.openjdk.jmh.Main DecisionBenchmark -f 1 -wi 3 -w 10s -i 5 -r 10s -t 2 -bm thrpt -tu s "$@"
java -cp "$CP" org.openjdk.jmh.Main DecisionBenchmark -f 1 -wi 3 -w 10s -i 5 -r 10s -t 2 -bm sample -tu us "$@"
