#!/usr/bin/env bash
# Runs the Athena query of `usage --emit-sql athena` on a real Trino engine (see pom.xml and docs/usage.md).
# Needs JDK 25 (Trino 483) at CB_JDK25_HOME (default: the machine image's Temurin 25) and, on a fresh machine,
# Maven Central for Trino's artifacts (about 250 MB); the whole step is time-boxed by ATHENA_CHECK_TIMEOUT seconds.
set -euo pipefail
cd "$(dirname "$0")/../.."

fail() { echo "athena-check: $*" >&2; exit 1; }

jdk25="${CB_JDK25_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
[ -x "$jdk25/bin/java" ] || fail "JDK 25 not found at $jdk25: Trino 483 needs Java 25. Install Temurin 25 there (or set CB_JDK25_HOME)."
major=$("$jdk25/bin/java" -XshowSettings:properties -version 2>&1 | awk -F= '/java.specification.version/ {gsub(/ /,"",$2); print $2}')
[ "${major%%.*}" -ge 25 ] 2>/dev/null || fail "$jdk25 is Java ${major:-unknown}, not 25+"

limit="${ATHENA_CHECK_TIMEOUT:-1500}"
# Its own build directory, so it never mixes with the Java 17 build's target/.
set +e
JAVA_HOME="$jdk25" timeout "$limit" ./mvnw -B ${ATHENA_CHECK_MAVEN_OPTS:-} -P athena-check -pl tools/athena-check -am verify \
  -Dcb.buildDir=target-athena -Dtest=AthenaQueryOnTrinoTest -Dsurefire.failIfNoSpecifiedTests=false
rc=$?
set -e
[ "$rc" -eq 124 ] && fail "timed out after ${limit}s (resolving Trino from Maven Central, or running it); set ATHENA_CHECK_TIMEOUT to allow longer"
[ "$rc" -eq 0 ] || fail "the Trino check failed (exit $rc): see the output above"
echo "athena-check: OK"
