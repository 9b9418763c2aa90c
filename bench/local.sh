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
RUNS=5
ONLY=""
# shellcheck source=bench/lib.sh
. bench/lib.sh
bench_parse_args 2,16 "--only=ONLY" "$@"
bench_prepare cb-bench

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

bench_header "load $(cut -d' ' -f1-3 /proc/loadavg)"
# cpu is user+sys of the whole process tree (bench_time); load is the 1-minute load average when the case finished.
printf '%-18s %-12s %9s %9s %9s %9s %10s %6s %s\n' case variant median_s min_s max_s cpu_s peak_MiB load exit
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
      bench_time "$i" "$cmd"
      echo "$WALL $RSS_KIB $CODE $CPU" >> "$WORK/times.$i"
      bench_expect "$name" "$i" "$expected"
    done
  done
  for i in "${!LABELS[@]}"; do
    wall=$(cut -d' ' -f1 "$WORK/times.$i" | bench_median)
    lo=$(cut -d' ' -f1 "$WORK/times.$i" | sort -n | head -1)
    hi=$(cut -d' ' -f1 "$WORK/times.$i" | sort -n | tail -1)
    rss=$(cut -d' ' -f2 "$WORK/times.$i" | bench_median)
    code=$(cut -d' ' -f3 "$WORK/times.$i" | sort -u | tr '\n' ' ')
    cpu=$(cut -d' ' -f4 "$WORK/times.$i" | bench_median)
    printf '%-18s %-12s %9.2f %9.2f %9.2f %9.2f %10.0f %6s %s\n' "$name" "${LABELS[$i]}" "$wall" "$lo" "$hi" "$cpu" \
      "$(echo "$rss" | awk '{print $1/1024}')" "$(cut -d' ' -f1 /proc/loadavg)" "$code"
  done
done
exit $BENCH_STATUS
