#!/usr/bin/env bash
# Benchmark of simulate with every workspace action (issue 11, "Cost"; issue 13's 199-workspace target): the
# generated config of N workspaces (bench/gen_config.py: two allowed roles each, one exempt pattern, every control
# on) simulated through the launcher, so each workspace gets every workspace-scoped action of the Service
# Authorization Reference (65) for its allowed principals, an unlisted administrator and the exempt principal.
# Prints per case the number of checks and the median of the runs' wall time, CPU time (user+sys) and peak RSS,
# with the load average before the case: the machine is shared, and CPU time is the figure the load distorts least.
#
# Usage: bench/simulate.sh [--runs N] [--quick] [--sizes "10 100 200"] [LABEL='ENV=VALUE ...' ...]
#   --runs N     runs of every case (default 3); the variants' runs are interleaved, so they are paired
#   --quick      sizes 10 and 100, 1 run (what .ci/run executes so the benchmark cannot rot)
#   --sizes S    workspace counts (default "10 100 199 200": growth, the issue-13 config, the issue-11 case)
#   variants     a label and environment settings for bin/claude-baseline, as in bench/local.sh, e.g.
#                  before='CLAUDE_BASELINE_JAR=/tmp/before.jar'
# Each size runs twice: "simulate-all N" (terminal summary only) and "simulate-all+reports N" (--report-dir: the
# reports hold every check, report.json and junit.xml tens of MB at 200 workspaces).
# Needs GNU time (/usr/bin/time -v; apt-get install time) and python3.
set -euo pipefail
cd "$(dirname "$0")/.."

RUNS=3
SIZES="10 100 199 200"
LABELS=()
ENVS=()
while [ $# -gt 0 ]; do
  case "$1" in
    --runs) RUNS=$2; shift 2 ;;
    --quick) RUNS=1; SIZES="10 100"; shift ;;
    --sizes) SIZES=$2; shift 2 ;;
    -h|--help) sed -n '2,17p' "$0"; exit 0 ;;
    *=*) LABELS+=("${1%%=*}"); ENVS+=("${1#*=}"); shift ;;
    *) echo "bench/simulate.sh: unknown argument $1 (see --help)" >&2; exit 64 ;;
  esac
done
if [ ${#LABELS[@]} -eq 0 ]; then LABELS=(current); ENVS=(""); fi

if [ ! -x /usr/bin/time ] || ! /usr/bin/time -v true >/dev/null 2>&1; then
  echo "bench/simulate.sh: GNU time is required for CPU time and peak RSS (/usr/bin/time -v); install it: apt-get install time" >&2
  exit 3
fi
command -v python3 >/dev/null || { echo "bench/simulate.sh: python3 is required (bench/gen_config.py writes the configs)" >&2; exit 3; }
if [ ! -f cli/target/claude-baseline.jar ]; then
  echo "== building the jar (./mvnw -B -q -DskipTests package)"
  ./mvnw -B -q -DskipTests package
fi

WORK=$(mktemp -d "${TMPDIR:-/tmp}/cb-bench-simulate.XXXXXX")
trap 'rm -rf "$WORK"' EXIT
for n in $SIZES; do python3 bench/gen_config.py "$n" "$WORK/ws$n.yaml"; done

# One unmeasured run per variant first: the launcher's first run with a jar writes its class-data archive.
for i in "${!LABELS[@]}"; do
  # shellcheck disable=SC2086
  env ${ENVS[$i]} bin/claude-baseline simulate --config "$WORK/ws$(echo "$SIZES" | cut -d' ' -f1).yaml" >/dev/null 2>&1 || true
done

echo "== $(java -version 2>&1 | head -1); $(nproc) CPUs; runs $RUNS; $(date -u '+%F %H:%M UTC')"
for i in "${!LABELS[@]}"; do echo "variant ${LABELS[$i]}: ${ENVS[$i]:-(launcher defaults)}"; done
printf '%-26s %-10s %8s %8s %8s %9s %s\n' case variant checks wall_s cpu_s peak_MiB load
median() { sort -n | awk '{v[NR]=$1} END {print (NR % 2) ? v[(NR+1)/2] : (v[NR/2] + v[NR/2+1]) / 2}'; }
status=0
for n in $SIZES; do
  for reports in no yes; do
    name="simulate-all $n"; extra=""
    if [ "$reports" = yes ]; then name="simulate-all+reports $n"; extra="--report-dir $WORK/reports"; fi
    load=$(cut -d' ' -f1 /proc/loadavg)
    for i in "${!LABELS[@]}"; do : > "$WORK/times.$i"; done
    for _ in $(seq "$RUNS"); do
      for i in "${!LABELS[@]}"; do
        rm -rf "$WORK/reports"
        set +e
        # shellcheck disable=SC2086  # the variant's settings and the options are word lists on purpose
        env ${ENVS[$i]} /usr/bin/time -v -o "$WORK/time.txt" bin/claude-baseline simulate --config "$WORK/ws$n.yaml" $extra \
          >"$WORK/cmd.out" 2>&1
        code=$?
        set -e
        if [ "$code" != 0 ]; then
          echo "bench/simulate.sh: '$name' (${LABELS[$i]}) exited $code:" >&2
          tail -5 "$WORK/cmd.out" >&2
          status=1
        fi
        # "52016 passed, 0 warnings, 0 failed (52016 checks)": the first line of the summary.
        checks=$(sed -n 's/.*(\([0-9]*\) checks).*/\1/p' "$WORK/cmd.out" | head -1)
        awk -F': ' -v checks="${checks:-?}" '
          /Elapsed \(wall clock\)/ {n=split($2,t,":"); s=0; for(k=1;k<=n;k++) s=s*60+t[k]; wall=s}
          /User time/ {user=$2} /System time/ {sys=$2} /Maximum resident set size/ {rss=$2}
          END {print wall, user+sys, rss, checks}' "$WORK/time.txt" >> "$WORK/times.$i"
      done
    done
    for i in "${!LABELS[@]}"; do
      wall=$(cut -d' ' -f1 "$WORK/times.$i" | median)
      cpu=$(cut -d' ' -f2 "$WORK/times.$i" | median)
      rss=$(cut -d' ' -f3 "$WORK/times.$i" | median)
      checks=$(cut -d' ' -f4 "$WORK/times.$i" | sort -u | tr '\n' ' ')
      printf '%-26s %-10s %8s %8.2f %8.2f %9.0f %s\n' "$name" "${LABELS[$i]}" "$checks" "$wall" "$cpu" \
        "$(echo "$rss" | awk '{print $1/1024}')" "$load"
    done
  done
done
exit $status
