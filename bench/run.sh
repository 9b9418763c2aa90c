#!/usr/bin/env bash
# Benchmark of verify's organisation audit on moto organisations (see docs/performance.md).
# Usage: bench/run.sh [--member-audit] [--layout=root|ous] [ACCOUNTS...]     default sizes: 100 1000 5000
# Env:   CB_BENCH_BUILD_DIR (default target-bench), CB_BENCH_XMX (default 512m), CB_PYTHON (default python3)
# Builds core with its tests (not running them), then runs io.claudebaseline.org.OrgBenchmark, which starts its
# own moto through tools/moto/launcher.py on 127.0.0.1. Not part of the default build or test run.
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD_DIR="${CB_BENCH_BUILD_DIR:-target-bench}"
XMX="${CB_BENCH_XMX:-512m}"
PY="${CB_PYTHON:-python3}"

"$PY" -c 'import moto' 2>/dev/null || { echo "bench/run.sh: python3 with moto 5.2.1 is required (pip install 'moto[server]==5.2.1')" >&2; exit 3; }

./mvnw -B -q -Dcb.buildDir="$BUILD_DIR" -pl core -DskipTests test-compile
CP_FILE="$PWD/core/$BUILD_DIR/bench.classpath"
./mvnw -B -q -Dcb.buildDir="$BUILD_DIR" -pl core dependency:build-classpath -Dmdep.outputFile="$CP_FILE" -Dmdep.includeScope=test
CP="core/$BUILD_DIR/classes:core/$BUILD_DIR/test-classes:$(cat "$CP_FILE")"

exec java -Xmx"$XMX" -Dcb.python="$PY" -cp "$CP" io.claudebaseline.org.OrgBenchmark "$@"
