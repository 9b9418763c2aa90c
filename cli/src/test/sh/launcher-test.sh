#!/usr/bin/env bash
# The launcher's class-data-sharing archive never changes a run: output and exit code are the same on the run that
# writes the archive, on runs that use it, and when the archive is damaged, stale, made by another java or cannot be
# written; a changed jar or java gets a fresh archive; concurrent first runs never see half an archive.
# Usage: cli/src/test/sh/launcher-test.sh [JAR]   (default cli/target/claude-baseline.jar; run by .ci/run)
# A second JDK (CB_JDK25_HOME, default the machine image's Temurin 25) makes the "another java" cases use a real
# other JVM build; without one they use a copy of this java's binary (a changed java, same build).
set -euo pipefail
cd "$(dirname "$0")/../../../.."
src_jar=$(realpath "${1:-cli/target/claude-baseline.jar}")
work=$(mktemp -d "${TMPDIR:-/tmp}/cb-launcher.XXXXXX")
trap 'chmod -R u+w "$work" 2>/dev/null; rm -rf "$work"' EXIT
mkdir "$work/app"
cp "$src_jar" "$work/app/claude-baseline.jar"
export CLAUDE_BASELINE_JAR="$work/app/claude-baseline.jar"
unset CLAUDE_BASELINE_JAVA_OPTS CLAUDE_BASELINE_CDS CLAUDE_BASELINE_CDS_DIR JAVA_HOME
archive="$work/app/claude-baseline.jsa"
stamp="$archive.java"
config=$(realpath examples/claude-baseline.yaml)
java_bin=$(realpath "$(command -v java)")
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
must() { if eval "$2"; then echo "ok: $1"; else echo "FAIL: $1"; failures=$((failures + 1)); fi; }
same_time() { [ ! "$1" -nt "$2" ] && [ ! "$1" -ot "$2" ]; }
# The archive is current: it and its stamp carry the modification times of the jar and of the given java binary.
current() { [ -s "$archive" ] && [ -f "$stamp" ] && same_time "$CLAUDE_BASELINE_JAR" "$archive" && same_time "$1" "$stamp"; }
no_temporaries() { [ -z "$(ls "$1" | grep -v -x -e 'claude-baseline\.jar' -e 'claude-baseline\.jsa' -e 'claude-baseline\.jsa\.java')" ]; }
# How many classes matching $1 (a regular expression) a run loaded from a source matching $2 (the launcher puts
# -Xlog:disable before these options, so they log).
loaded_classes() {
  CLAUDE_BASELINE_JAVA_OPTS="-Xlog:class+load=info -XX:+UseSerialGC" bin/claude-baseline validate --config "$config" 2>/dev/null \
    | grep -c -E "^\[.*\]\[info\]\[class,load\] ($1).* source: ($2)" || true
}
shared_classes() { loaded_classes "$1" "shared objects file"; }  # taken from the archive

expect validate --config "$config"
# An archive of an earlier launcher (a dynamic one, named with a stamp) is removed when the new one is written.
printf 'old' > "$work/app/claude-baseline.4103860818.jsa"
check "first run (writes the archive)" 0 validate --config "$config"
must "the archive and its stamp are written beside the jar, for this jar and java" 'current "$java_bin"'
must "no temporary file is left, and the earlier launcher's archive is removed" 'no_temporaries "$work/app"'
check "second run (uses the archive)" 0 validate --config "$config"
must "the run maps picocli's and our classes from the archive (the static archive holds Java 5 bytecode)" \
  '[ "$(shared_classes picocli.CommandLine)" -gt 50 ] && [ "$(shared_classes io.claudebaseline.)" -gt 20 ]'
# A lambda for a picocli interface would keep that interface, and the classes behind it, out of the archive.
must "the run reads no class of picocli or of the CLI from the jar itself" \
  '[ "$(loaded_classes "picocli\.|io\.claudebaseline\.cli\." "file:|jar:")" = 0 ]'
# Huge pages are asked for exactly when the kernel hands them out on request (JDK_JAVA_OPTIONS adds to the
# launcher's options instead of replacing them, so the JVM's final flags show what the launcher chose).
thp_flag=$(JDK_JAVA_OPTIONS=-XX:+PrintFlagsFinal bin/claude-baseline validate --config "$config" 2>/dev/null \
  | awk '$2 == "UseTransparentHugePages" {print $4}')
if grep -q '\[madvise\]' /sys/kernel/mm/transparent_hugepage/enabled 2>/dev/null; then
  must "transparent huge pages on (the kernel's mode is madvise)" '[ "$thp_flag" = true ]'
else
  must "transparent huge pages left to the kernel (its mode is not madvise)" '[ "$thp_flag" = false ]'
fi
must "CLAUDE_BASELINE_JAVA_OPTS replaces the huge-page setting too" \
  '[ "$(JDK_JAVA_OPTIONS=-XX:+PrintFlagsFinal CLAUDE_BASELINE_JAVA_OPTS=-XX:+UseSerialGC bin/claude-baseline validate --config "$config" 2>/dev/null | awk '"'"'$2 == "UseTransparentHugePages" {print $4}'"'"')" = false ]'

# An archive written by a run that named the jar relative to its directory serves runs from anywhere else.
rm -f "$archive" "$stamp"
repo=$PWD
(cd "$work/app" && CLAUDE_BASELINE_JAR=claude-baseline.jar "$repo/bin/claude-baseline" validate --config "$config" >/dev/null 2>&1)
must "an archive written with a relative jar path serves a run from another directory" \
  'current "$java_bin" && [ "$(shared_classes picocli.CommandLine)" -gt 50 ]'
cp "$archive" "$work/good.jsa"
printf 'not an archive' > "$archive"
check "damaged archive (the run after it is written)" 0 validate --config "$config"
must "a damaged archive is replaced by a fresh one" 'current "$java_bin" && [ "$(wc -c < "$archive")" -gt 1000000 ]'
printf 'not an archive' > "$archive"; touch -r "$CLAUDE_BASELINE_JAR" "$archive"
check "damaged archive that looks current (the JVM refuses it)" 0 validate --config "$config"
head -c 1000000 "$work/good.jsa" > "$archive"; touch -r "$CLAUDE_BASELINE_JAR" "$archive"
check "half an archive that looks current (the JVM refuses it)" 0 validate --config "$config"
rm -f "$archive"

check "no archive again (writes it)" 0 validate --config "$config"
touch -d '2001-01-01' "$CLAUDE_BASELINE_JAR"
check "changed jar, older than the archive (first run of the new jar)" 0 validate --config "$config"
must "the changed jar gets a fresh archive" 'current "$java_bin"'
touch -d '+1 hour' "$CLAUDE_BASELINE_JAR"
check "changed jar, newer than the archive" 0 validate --config "$config"
must "the newer jar gets a fresh archive" 'current "$java_bin"'

# A stale archive that the launcher takes for current: recorded for another jar (another size), given this jar's
# time. The JVM refuses it (the jar it recorded differs) and the run goes on without it.
python3 -c 'import sys, zipfile; zipfile.ZipFile(sys.argv[1], "a").writestr("launcher-test.txt", "another jar")' "$CLAUDE_BASELINE_JAR"
expect validate --config "$config"
touch -r "$CLAUDE_BASELINE_JAR" "$archive"
check "stale archive (recorded for another jar, same time)" 0 validate --config "$config"

# Another java: the archive gets remade for it; an archive made by another JVM build, stamped as if made by this
# one, is refused by the JVM.
other_home="${CB_JDK25_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
if [ ! -x "$other_home/bin/java" ]; then
  other_home="$work/jdk-copy"; real_home=$(dirname "$(dirname "$java_bin")")
  mkdir -p "$other_home/bin"
  for f in "$real_home"/*; do [ "$(basename "$f")" = bin ] || ln -s "$f" "$other_home/"; done
  cp "$java_bin" "$other_home/bin/java"; touch -d '2003-03-03' "$other_home/bin/java"
fi
echo "another java: $other_home ($("$other_home/bin/java" -version 2>&1 | head -1))"
JAVA_HOME="$other_home" expect validate --config "$config"
JAVA_HOME="$other_home" check "another java (first run with it)" 0 validate --config "$config"
must "another java gets its own archive" 'current "$other_home/bin/java"'
expect validate --config "$config"
check "back to the first java" 0 validate --config "$config"
must "and the first java its own again" 'current "$java_bin"'
JAVA_HOME="$other_home" expect validate --config "$config"
touch -r "$other_home/bin/java" "$stamp"
JAVA_HOME="$other_home" check "archive of another java stamped as this one's" 0 validate --config "$config"

expect render --config "$config" --no-such-option
rm -f "$archive" "$stamp"
check "usage error on a first run keeps exit code 64" 64 render --config "$config" --no-such-option
must "a usage error writes no archive (too few classes; the next run tries again)" '[ ! -e "$archive" ] && no_temporaries "$work/app"'
expect validate --config "$work/missing.yaml"
check "failing command on a first run keeps exit code 1" 1 validate --config "$work/missing.yaml"
must "a failed command writes no archive" '[ ! -e "$archive" ]'

expect render --config "$config" --out "$work/rendered"
check "render on a first run (writes the archive)" 0 render --config "$config" --out "$work/rendered"
check "render with the archive" 0 render --config "$config" --out "$work/rendered"

# Concurrent first runs: each writes its own temporary files and moves them into place, and a run that starts
# meanwhile uses no archive or a whole one.
expect validate --config "$config"
rm -f "$archive" "$stamp"
pids=()
for i in 1 2 3 4; do
  (bin/claude-baseline validate --config "$config" > "$work/out.$i" 2> "$work/err.$i"; echo $? > "$work/code.$i") &
  pids+=($!)
done
for i in 1 2 3 4 5 6; do sleep 1; bin/claude-baseline validate --config "$config" > "$work/out.r$i" 2> "$work/err.r$i" || echo $? > "$work/code.r$i"; done
wait "${pids[@]}"
concurrent_ok=1
for i in 1 2 3 4 r1 r2 r3 r4 r5 r6; do
  if ! cmp -s "$work/out.$i" "$work/expected.out" || ! cmp -s "$work/err.$i" "$work/expected.err" \
      || { [ -f "$work/code.$i" ] && [ "$(cat "$work/code.$i")" != 0 ]; }; then concurrent_ok=0; echo "run $i differs"; fi
done
rm -f "$work"/out.* "$work"/err.* "$work"/code.*
must "concurrent first runs, and runs started meanwhile, all give the expected output" '[ "$concurrent_ok" = 1 ]'
must "after them one current archive, no temporary file" 'current "$java_bin" && no_temporaries "$work/app"'

CLAUDE_BASELINE_CDS_DIR=/proc/claude-baseline-not-writable check "archive directory not writable (even by root)" 0 validate --config "$config"
mkdir "$work/cds"
CLAUDE_BASELINE_CDS_DIR="$work/cds" check "CLAUDE_BASELINE_CDS_DIR (writes the archive there)" 0 validate --config "$config"
must "the archive is written in CLAUDE_BASELINE_CDS_DIR" '[ -s "$work/cds/claude-baseline.jsa" ] && [ -f "$work/cds/claude-baseline.jsa.java" ] && no_temporaries "$work/cds"'
rm -f "$archive" "$stamp"
CLAUDE_BASELINE_CDS=off check "CLAUDE_BASELINE_CDS=off" 0 validate --config "$config"
CLAUDE_BASELINE_JAVA_OPTS="-Xshare:off" check "options that mention -Xshare" 0 validate --config "$config"
must "no archive with CLAUDE_BASELINE_CDS=off or -Xshare in the options" '[ ! -e "$archive" ]'
if [ "$(id -u)" != 0 ]; then
  chmod a-w "$work/app"
  check "read-only directory beside the jar" 0 validate --config "$config"
  chmod u+w "$work/app"
fi
mkdir "$archive"
check "a directory where the archive would go" 0 validate --config "$config"
rmdir "$archive"
CLAUDE_BASELINE_JAVA_OPTS="-Xmx300m -XX:+UseG1GC" check "CLAUDE_BASELINE_JAVA_OPTS replaces the launcher's collector" 0 validate --config "$config"
must "CLAUDE_BASELINE_JAVA_OPTS replaces the collector (G1 in use)" \
  '[ "$(CLAUDE_BASELINE_JAVA_OPTS="-XX:+UseG1GC -Xlog:gc*=info" bin/claude-baseline validate --config "$config" | grep -c "Using G1")" = 1 ]'

if [ "$failures" -gt 0 ]; then echo "launcher-test: $failures failure(s)"; exit 1; fi
echo "launcher-test: OK"
