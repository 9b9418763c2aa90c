#!/usr/bin/env bash
# The launcher's class-data-sharing archive never changes a run: output and exit code are the same on the run that
# writes the archive, on runs that use it, and when the archive is damaged, stale or cannot be written.
# Usage: cli/src/test/sh/launcher-test.sh [JAR]   (default cli/target/claude-baseline.jar; run by .ci/run)
set -euo pipefail
cd "$(dirname "$0")/../../../.."
src_jar=$(realpath "${1:-cli/target/claude-baseline.jar}")
work=$(mktemp -d "${TMPDIR:-/tmp}/cb-launcher.XXXXXX")
trap 'chmod -R u+w "$work" 2>/dev/null; rm -rf "$work"' EXIT
mkdir "$work/app"
cp "$src_jar" "$work/app/claude-baseline.jar"
export CLAUDE_BASELINE_JAR="$work/app/claude-baseline.jar"
unset CLAUDE_BASELINE_JAVA_OPTS CLAUDE_BASELINE_CDS CLAUDE_BASELINE_CDS_DIR
config=$(realpath examples/claude-baseline.yaml)
failures=0

# Runs the launcher; compares stdout, stderr and exit code with the expected ones (a run without any archive).
check() {
  local what=$1 expected_code=$2; shift 2
  set +e
  bin/claude-baseline "$@" > "$work/out" 2> "$work/err"
  local code=$?
  set -e
  if [ "$code" != "$expected_code" ] || ! cmp -s "$work/out" "$work/expected.out" || ! cmp -s "$work/err" "$work/expected.err"; then
    echo "FAIL: $what: exit $code (expected $expected_code)"; diff "$work/expected.out" "$work/out" || true; diff "$work/expected.err" "$work/err" || true
    failures=$((failures + 1))
  else
    echo "ok: $what"
  fi
}
expect() {  # records the output of a run with class-data sharing off
  set +e; CLAUDE_BASELINE_CDS=off bin/claude-baseline "$@" > "$work/expected.out" 2> "$work/expected.err"; set -e
}
archives() { ls "$1"/claude-baseline.*.jsa 2>/dev/null | wc -l; }
must() { if eval "$2"; then echo "ok: $1"; else echo "FAIL: $1"; failures=$((failures + 1)); fi; }

expect validate --config "$config"
check "first run (writes the archive)" 0 validate --config "$config"
must "the archive is written beside the jar" '[ "$(archives "$work/app")" = 1 ]'
must "no temporary file is left" '[ -z "$(ls "$work/app" | grep -v -e "\.jar$" -e "\.jsa$")" ]'
check "second run (uses the archive)" 0 validate --config "$config"

archive=$(ls "$work/app"/claude-baseline.*.jsa)
printf 'not an archive' > "$archive"
check "damaged archive" 0 validate --config "$config"

touch -d '2001-01-01' "$CLAUDE_BASELINE_JAR"
check "changed jar (first run of the new jar)" 0 validate --config "$config"
must "the changed jar gets its own archive, the old one is removed" '[ "$(archives "$work/app")" = 1 ] && [ ! -e "$archive" ]'
new_archive=$(ls "$work/app"/claude-baseline.*.jsa)
cp "$new_archive" "$work/saved.jsa"
touch -d '2002-02-02' "$CLAUDE_BASELINE_JAR"
rm -f "$work/app"/*.jsa
# A stale archive under the current name: the JVM refuses it (the jar it recorded has another time) and runs on.
key_run() { bin/claude-baseline validate --config "$config" >/dev/null 2>&1 || true; ls "$work/app"/claude-baseline.*.jsa; }
current=$(key_run)
cp "$work/saved.jsa" "$current"
check "stale archive (recorded for another jar)" 0 validate --config "$config"

expect render --config "$config" --no-such-option
rm -f "$work/app"/*.jsa
check "usage error on the archive-writing run keeps exit code 64" 64 render --config "$config" --no-such-option
expect validate --config "$work/missing.yaml"
rm -f "$work/app"/*.jsa
check "failing command on the archive-writing run keeps exit code 1" 1 validate --config "$work/missing.yaml"

expect validate --config "$config"
CLAUDE_BASELINE_CDS_DIR=/proc/claude-baseline-not-writable check "archive directory not writable (even by root)" 0 validate --config "$config"
if [ "$(id -u)" != 0 ]; then
  rm -f "$work/app"/*.jsa; chmod a-w "$work/app"
  check "read-only directory beside the jar" 0 validate --config "$config"
  chmod u+w "$work/app"
fi
CLAUDE_BASELINE_JAVA_OPTS="-Xmx300m -XX:+UseG1GC" check "CLAUDE_BASELINE_JAVA_OPTS replaces the launcher's collector" 0 validate --config "$config"

if [ "$failures" -gt 0 ]; then echo "launcher-test: $failures failure(s)"; exit 1; fi
echo "launcher-test: OK"
