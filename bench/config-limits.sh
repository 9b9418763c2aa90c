#!/usr/bin/env bash
# How fast oversized configs (a 5 MB description, an 8 MB comment line, ...) are refused: see docs/performance.md.
# Usage: bench/config-limits.sh        Env: CB_BENCH_BUILD_DIR (default target-bench), CB_BENCH_XMX (default 256m)
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD_DIR="${CB_BENCH_BUILD_DIR:-target-bench}"
XMX="${CB_BENCH_XMX:-256m}"
./mvnw -B -q -o -Dcb.buildDir="$BUILD_DIR" -pl core -DskipTests test-compile
CP_FILE="$PWD/core/$BUILD_DIR/bench.classpath"
./mvnw -B -q -o -Dcb.buildDir="$BUILD_DIR" -pl core dependency:build-classpath -Dmdep.outputFile="$CP_FILE" -Dmdep.includeScope=test
CP="core/$BUILD_DIR/classes:core/$BUILD_DIR/test-classes:$(cat "$CP_FILE")"
exec java -Xmx"$XMX" -cp "$CP" io.claudebaseline.config.OversizedInputBenchmark
