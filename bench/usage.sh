#!/usr/bin/env bash
# Benchmark of `usage`'s trail reader (see docs/performance.md, "usage: reading the trail back").
# Usage: bench/usage.sh [EVENTS [EVENTS_PER_FILE]]     default 1000000 events, 5000 per gzip file, 1% Claude events
# Env:   CB_BENCH_BUILD_DIR (default target-bench), CB_BENCH_XMX (default 512m), CB_PYTHON (default python3)
# Builds core with its tests (not running them), then runs io.claudebaseline.usage.UsageBenchmark: it writes the
# files to a temporary directory, reads them from disk (1 and 8 threads), then uploads them to a moto it starts on
# 127.0.0.1 and reads them through S3. Not part of the default build or test run.
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD_DIR="${CB_BENCH_BUILD_DIR:-target-bench}"
XMX="${CB_BENCH_XMX:-512m}"
PY="${CB_PYTHON:-python3}"

"$PY" -c 'import moto' 2>/dev/null || { echo "bench/usage.sh: python3 with moto 5.2.1 is required (pip install 'moto[server]==5.2.1')" >&2; exit 3; }

./mvnw -B -q -o -Dcb.buildDir="$BUILD_DIR" -pl core -DskipTests test-compile
CP_FILE="$PWD/core/$BUILD_DIR/bench.classpath"
./mvnw -B -q -o -Dcb.buildDir="$BUILD_DIR" -pl core dependency:build-classpath -Dmdep.outputFile="$CP_FILE" -Dmdep.includeScope=test
CP="core/$BUILD_DIR/classes:core/$BUILD_DIR/test-classes:$(cat "$CP_FILE")"

exec java -Xmx"$XMX" -Dcb.python="$PY" -cp "$CP" io.claudebaseline.usage.UsageBenchmark "$@"
