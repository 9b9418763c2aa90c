#!/usr/bin/env bash
# Benchmark of the local commands (validate, render, simulate) through the launcher, at growing config sizes
# (see docs/performance.md). Prints, per case and variant, the median wall time and peak RSS of several runs,
# with the JVM's own floor (java -version) measured in the same run.
#
# Usage: bench/local.sh [--runs N] [--quick] [--only CASE-PREFIX] [LABEL='ENV=VALUE ...' ...]
#   --runs N   runs of every case (default 5); the runs of the variants are interleaved, so they are paired
#   --quick    sizes 10 and 100 only, 1 run: what .ci/run executes so the benchmark cannot rot
#   --only P   only the cases whose name starts with P (e.g. --only validate); several prefixes separated by commas
#              (e.g. --only 'render example,validate 10000')
#   variants   a label and environment settings for bin/claude-baseline, e.g.
#                before='CLAUDE_BASELINE_JAR=/tmp/before.jar CLAUDE_BASELINE_CDS=off CLAUDE_BASELINE_JAVA_OPTS='
#                c1="CLAUDE_BASELINE_JAVA_OPTS='-XX:+UseSerialGC -XX:TieredStopAtLevel=1'"   (quote values with spaces)
#              default: one variant, "current", the launcher as a user gets it
# Needs GNU time (/usr/bin/time -v; apt-get install time) and python3 (bench/gen_config.py writes the configs).
# Builds the jar first when cli/target/claude-baseline.jar is missing.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD

RUNS=5
QUICK=0
ONLY=""
LABELS=()
ENVS=()
while [ $# -gt 0 ]; do
  case "$1" in
    --runs) RUNS=$2; shift 2 ;;
    --quick) QUICK=1; RUNS=1; shift ;;
    --only) ONLY=$2; shift 2 ;;
    -h|--help) sed -n '2,16p' "$0"; exit 0 ;;
    *=*) LABELS+=("${1%%=*}"); ENVS+=("${1#*=}"); shift ;;
    *) echo "bench/local.sh: unknown argument $1 (see --help)" >&2; exit 64 ;;
  esac
done
if [ ${#LABELS[@]} -eq 0 ]; then LABELS=(current); ENVS=(""); fi

if [ ! -x /usr/bin/time ] || ! /usr/bin/time -v true >/dev/null 2>&1; then
  echo "bench/local.sh: GNU time is required for peak RSS (/usr/bin/time -v); install it: apt-get install time" >&2
  exit 3
fi
command -v python3 >/dev/null || { echo "bench/local.sh: python3 is required (bench/gen_config.py writes the configs)" >&2; exit 3; }
if [ ! -f cli/target/claude-baseline.jar ]; then
  echo "== building the jar (./mvnw -B -q -DskipTests package)"
  ./mvnw -B -q -DskipTests package
fi

WORK=$(mktemp -d "${TMPDIR:-/tmp}/cb-bench.XXXXXX")
trap 'rm -rf "$WORK"' EXIT

if [ "$QUICK" = 1 ]; then
  VALIDATE_SIZES="10 100"; RENDER_SIZES="10 100"; SIMULATE_SIZES="10 100"
else
  VALIDATE_SIZES="10 100 1000 10000"; RENDER_SIZES="10 100 199 1000 10000"; SIMULATE_SIZES="10 100 199 1000 10000"
fi
# Up to 199 workspaces the configs hold AWS's limits; from 1,000 on, validate measures the rejection (the baseline
# needs far more SCPs than a target holds) while render and simulate use the what-if config (limit raised) so that
# they do the whole job at that size.
for n in $VALIDATE_SIZES $RENDER_SIZES $SIMULATE_SIZES; do
  [ -f "$WORK/ws$n.yaml" ] || python3 bench/gen_config.py "$n" "$WORK/ws$n.yaml"
  [ "$n" -lt 1000 ] || [ -f "$WORK/ws$n-what-if.yaml" ] || python3 bench/gen_config.py "$n" "$WORK/ws$n-what-if.yaml" what-if
done
# The largest validate also as JSON (JsonTreeReader instead of SnakeYAML), outside --quick.
[ "$QUICK" = 1 ] || python3 bench/gen_config.py 10000 "$WORK/ws10000.json" json
what_if() { if [ "$1" -ge 1000 ]; then echo "$WORK/ws$1-what-if.yaml"; else echo "$WORK/ws$1.yaml"; fi; }

# name|expected exit code|command (run through the launcher, or java itself for the floor)
CASES=("floor java -version|0|java -version")
CASES+=("render example|0|bin/claude-baseline render --config examples/claude-baseline.yaml --out $WORK/out")
CASES+=("simulate example|0|bin/claude-baseline simulate --config examples/claude-baseline.yaml")
for n in $VALIDATE_SIZES; do
  exit_code=0; [ "$n" -lt 1000 ] || exit_code=1
  CASES+=("validate $n|$exit_code|bin/claude-baseline validate --config $WORK/ws$n.yaml")
done
[ "$QUICK" = 1 ] || CASES+=("validate 10000 json|1|bin/claude-baseline validate --config $WORK/ws10000.json")
for n in $RENDER_SIZES; do CASES+=("render $n|0|bin/claude-baseline render --config $(what_if "$n") --out $WORK/out"); done
for n in $SIMULATE_SIZES; do CASES+=("simulate $n|0|bin/claude-baseline simulate --config $(what_if "$n")"); done

echo "== $(java -version 2>&1 | head -1); $(nproc) CPUs; load $(cut -d' ' -f1-3 /proc/loadavg); runs $RUNS; $(date -u '+%F %H:%M UTC')"
for i in "${!LABELS[@]}"; do echo "variant ${LABELS[$i]}: ${ENVS[$i]:-(launcher defaults)}"; done
# CPU is user+sys of the whole process tree (JIT and GC threads included): less distorted than wall time when
# others share the machine. load is the 1-minute load average when the case finished.
printf '%-18s %-12s %9s %9s %9s %9s %10s %6s %s\n' case variant median_s min_s max_s cpu_s peak_MiB load exit
median() { awk '{v[NR]=$1} END {print (NR % 2) ? v[(NR+1)/2] : (v[NR/2] + v[NR/2+1]) / 2}'; }
status=0
for entry in "${CASES[@]}"; do
  name=${entry%%|*}; rest=${entry#*|}; expected=${rest%%|*}; cmd=${rest#*|}
  wanted=0
  IFS=, read -r -a prefixes <<< "$ONLY"
  [ ${#prefixes[@]} -gt 0 ] || prefixes=("")
  for prefix in "${prefixes[@]}"; do case "$name" in "$prefix"*) wanted=1 ;; esac; done
  [ "$wanted" = 1 ] || [ "$name" = "floor java -version" ] || continue
  for i in "${!LABELS[@]}"; do : > "$WORK/times.$i"; done
  for _ in $(seq "$RUNS"); do
    for i in "${!LABELS[@]}"; do
      rm -rf "$WORK/out"
      set +e
      # eval: a variant's settings are shell words, so a value with spaces can be quoted
      # (e.g. opts="CLAUDE_BASELINE_JAVA_OPTS='-XX:+UseSerialGC -Xmx256m'"); the command is a plain word list.
      eval "env ${ENVS[$i]} /usr/bin/time -v -o \"\$WORK/time.txt\" $cmd" >"$WORK/cmd.out" 2>&1
      code=$?
      set -e
      wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {n=split($2,t,":"); s=0; for(k=1;k<=n;k++) s=s*60+t[k]; print s}' "$WORK/time.txt")
      rss=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$WORK/time.txt")
      cpu=$(awk -F': ' '/User time|System time/ {s+=$2} END {print s}' "$WORK/time.txt")
      echo "$wall $rss $code $cpu" >> "$WORK/times.$i"
      if [ "$code" != "$expected" ]; then
        echo "bench/local.sh: '$name' (${LABELS[$i]}) exited $code, expected $expected:" >&2
        tail -5 "$WORK/cmd.out" >&2
        status=1
      fi
    done
  done
  for i in "${!LABELS[@]}"; do
    wall=$(cut -d' ' -f1 "$WORK/times.$i" | sort -n | median)
    lo=$(cut -d' ' -f1 "$WORK/times.$i" | sort -n | head -1)
    hi=$(cut -d' ' -f1 "$WORK/times.$i" | sort -n | tail -1)
    rss=$(cut -d' ' -f2 "$WORK/times.$i" | sort -n | median)
    code=$(cut -d' ' -f3 "$WORK/times.$i" | sort -u | tr '\n' ' ')
    cpu=$(cut -d' ' -f4 "$WORK/times.$i" | sort -n | median)
    printf '%-18s %-12s %9.2f %9.2f %9.2f %9.2f %10.0f %6s %s\n' "$name" "${LABELS[$i]}" "$wall" "$lo" "$hi" "$cpu" \
      "$(echo "$rss" | awk '{print $1/1024}')" "$(cut -d' ' -f1 /proc/loadavg)" "$code"
  done
done
exit $status
