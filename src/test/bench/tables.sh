#!/usr/bin/env bash
# Validate + compile generated routing tables (default 1,000 and 10,000 rows; pass other sizes
# as arguments). Prints seconds and the heap the compiled version keeps. Run from anywhere.
set -euo pipefail
cd "$(dirname "$0")/../../.."
./mvnw -q -DskipTests test-compile dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt
CP="target/test-classes:target/classes:$(cat target/bench-classpath.txt)"
java -Xmx2g -cp "$CP" app.baton.bench.TableValidationBenchmark "$@"
