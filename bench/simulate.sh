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
SIZES=""
# shellcheck source=bench/lib.sh
. bench/lib.sh
bench_parse_args 2,17 "--sizes=SIZES" "$@"
if [ -z "$SIZES" ]; then
  if [ "$QUICK" = 1 ]; then SIZES="10 100"; else SIZES="10 100 199 200"; fi
fi
bench_prepare cb-bench-simulate
for n in $SIZES; do python3 bench/gen_config.py "$n" "$WORK/ws$n.yaml"; done

# One unmeasured run per variant first: the launcher's first run with a jar writes its class-data archive.
for i in "${!LABELS[@]}"; do
  bench_time "$i" bin/claude-baseline simulate --config "$WORK/ws${SIZES%% *}.yaml"
done

bench_header
printf '%-26s %-10s %8s %8s %8s %9s %s\n' case variant checks wall_s cpu_s peak_MiB load
for n in $SIZES; do
  for reports in no yes; do
    name="simulate-all $n"; extra=""
    if [ "$reports" = yes ]; then name="simulate-all+reports $n"; extra="--report-dir $WORK/reports"; fi
    load=$(cut -d' ' -f1 /proc/loadavg)
    for i in "${!LABELS[@]}"; do : > "$WORK/times.$i"; done
    for _ in $(seq "$RUNS"); do
      for i in "${!LABELS[@]}"; do
        rm -rf "$WORK/reports"
        bench_time "$i" bin/claude-baseline simulate --config "$WORK/ws$n.yaml" $extra
        bench_expect "$name" "$i" 0
        # "52016 passed, 0 warnings, 0 failed (52016 checks)": the first line of the summary.
        checks=$(sed -n 's/.*(\([0-9]*\) checks).*/\1/p' "$WORK/cmd.out" | head -1)
        echo "$WALL $CPU $RSS_KIB ${checks:-?}" >> "$WORK/times.$i"
      done
    done
    for i in "${!LABELS[@]}"; do
      wall=$(cut -d' ' -f1 "$WORK/times.$i" | bench_median)
      cpu=$(cut -d' ' -f2 "$WORK/times.$i" | bench_median)
      rss=$(cut -d' ' -f3 "$WORK/times.$i" | bench_median)
      checks=$(cut -d' ' -f4 "$WORK/times.$i" | sort -u | tr '\n' ' ')
      printf '%-26s %-10s %8s %8.2f %8.2f %9.0f %s\n' "$name" "${LABELS[$i]}" "$checks" "$wall" "$cpu" \
        "$(echo "$rss" | awk '{print $1/1024}')" "$load"
    done
  done
done
exit $BENCH_STATUS
