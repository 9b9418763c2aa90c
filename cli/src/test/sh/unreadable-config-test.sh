#!/usr/bin/env bash
# A config file the user may not read (mode 000) is refused with "permission denied" naming the file and exit 1,
# never "file not found" or an internal error. ConfigFileTest checks this in JUnit but must skip as root, because
# root reads any file; CI runs as root, so this script drops to an unprivileged user (nobody, uid 65534) for the run.
# Usage: cli/src/test/sh/unreadable-config-test.sh [JAR]   (default cli/target/claude-baseline.jar; run by .ci/run)
set -euo pipefail
cd "$(dirname "$0")/../../../.."
src_jar=$(realpath "${1:-cli/target/claude-baseline.jar}")
java_bin=$(command -v java)
java_bin=$(realpath "$java_bin")

# The unprivileged user must reach the jar and the folder, so both live in a world-readable temporary folder.
work=$(mktemp -d "${TMPDIR:-/tmp}/cb-unreadable.XXXXXX")
trap 'rm -rf "$work"' EXIT
chmod 755 "$work"
cp "$src_jar" "$work/claude-baseline.jar"
chmod 644 "$work/claude-baseline.jar"
cp examples/claude-baseline.yaml "$work/config.yaml"
chmod 000 "$work/config.yaml"

run=()
if [ "$(id -u)" = 0 ]; then
  command -v setpriv >/dev/null || { echo "unreadable-config-test: setpriv not found (Debian package util-linux) but needed to drop root"; exit 1; }
  run=(setpriv --reuid=65534 --regid=65534 --clear-groups env HOME="$work")
  # Guard against a test that passes vacuously: the dropped user really must be unable to read the file.
  if "${run[@]}" cat "$work/config.yaml" >/dev/null 2>&1; then
    echo "unreadable-config-test: uid 65534 can read a mode-000 file; the check would prove nothing"; exit 1
  fi
fi

set +e
"${run[@]}" "$java_bin" -jar "$work/claude-baseline.jar" validate --config "$work/config.yaml" >"$work/out" 2>"$work/err"
code=$?
set -e
failures=0
must() { if eval "$2"; then echo "ok: $1"; else echo "FAIL: $1"; failures=$((failures + 1)); fi; }
must "exit code 1 (invalid configuration), got $code" '[ "$code" = 1 ]'
must "the message says permission denied and names the file" \
  'grep -q "permission denied: cannot read $work/config.yaml" "$work/err" "$work/out"'
must "no 'not found' and no internal error" '! grep -q -i -e "not found" -e "internal error" -e "Exception" "$work/err" "$work/out"'
if [ "$failures" -gt 0 ]; then echo "--- stdout"; cat "$work/out"; echo "--- stderr"; cat "$work/err"; echo "unreadable-config-test: $failures failure(s)"; exit 1; fi
echo "unreadable-config-test: OK (as uid $("${run[@]}" id -u))"
