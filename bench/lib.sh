# shellcheck shell=bash
# What bench/local.sh and bench/simulate.sh share: their common options, the checks of what they need, the jar,
# the scratch directory and one timed run of the launcher. Sourced, not run; the script sets -euo pipefail and
# changes to the repository's root first.
#
# After bench_parse_args the script reads RUNS, QUICK (1 with --quick, which also means one run), LABELS and
# ENVS (the variants, one label and its environment settings each; default one variant "current", the launcher
# as a user gets it) and the variables of its own options.

BENCH=bench/$(basename "$0")
QUICK=0
LABELS=()
ENVS=()

# bench_parse_args HELP_LINES OWN_OPTIONS ARGS...
#   HELP_LINES   the sed range of the script's header that --help prints (e.g. 2,16)
#   OWN_OPTIONS  the script's own options that take a value, as --option=VARIABLE words (e.g. "--only=ONLY")
# Exits 64 on an argument neither the common options nor OWN_OPTIONS know.
bench_parse_args() {
  local help=$1 own=$2 opt var
  shift 2
  while [ $# -gt 0 ]; do
    case "$1" in
      --runs) RUNS=$2; shift 2; continue ;;
      --quick) QUICK=1; RUNS=1; shift; continue ;;
      -h|--help) sed -n "${help}p" "$0"; exit 0 ;;
      -*) ;;
      *=*) LABELS+=("${1%%=*}"); ENVS+=("${1#*=}"); shift; continue ;;
    esac
    var=""
    for opt in $own; do
      if [ "$1" = "${opt%%=*}" ]; then var=${opt#*=}; fi
    done
    if [ -z "$var" ]; then
      echo "$BENCH: unknown argument $1 (see --help)" >&2
      exit 64
    fi
    [ $# -ge 2 ] || { echo "$BENCH: $1 needs a value (see --help)" >&2; exit 64; }
    printf -v "$var" '%s' "$2"
    shift 2
  done
  if [ ${#LABELS[@]} -eq 0 ]; then LABELS=(current); ENVS=(""); fi
}

# GNU time and python3 present, the CLI jar built (built here when missing), a scratch directory $WORK removed on
# exit. PREFIX names the scratch directory.
bench_prepare() {
  local prefix=$1
  if [ ! -x /usr/bin/time ] || ! /usr/bin/time -v true >/dev/null 2>&1; then
    echo "$BENCH: GNU time is required for CPU time and peak RSS (/usr/bin/time -v); install it: apt-get install time" >&2
    exit 3
  fi
  command -v python3 >/dev/null || { echo "$BENCH: python3 is required (bench/gen_config.py writes the configs)" >&2; exit 3; }
  if [ ! -f cli/target/claude-baseline.jar ]; then
    echo "== building the jar (./mvnw -B -q -DskipTests package)"
    ./mvnw -B -q -DskipTests package
  fi
  WORK=$(mktemp -d "${TMPDIR:-/tmp}/$prefix.XXXXXX")
  # shellcheck disable=SC2064  # $WORK is fixed from here on
  trap "rm -rf '$WORK'" EXIT
}

# The first line of the figures: JDK, CPUs, runs and time (EXTRA is printed after the CPUs), then the variants.
bench_header() {
  local extra=${1:-} i
  echo "== $(java -version 2>&1 | head -1); $(nproc) CPUs;${extra:+ $extra;} runs $RUNS; $(date -u '+%F %H:%M UTC')"
  for i in "${!LABELS[@]}"; do echo "variant ${LABELS[$i]}: ${ENVS[$i]:-(launcher defaults)}"; done
}

# bench_time I COMMAND...: runs COMMAND (a plain word list) with variant I's settings under GNU time, its output
# in $WORK/cmd.out. Sets CODE (its exit code), WALL and CPU (user+sys of the whole process tree, JIT and GC
# threads included: less distorted than wall time when others share the machine), in seconds, and RSS_KIB (peak).
bench_time() {
  local i=$1
  shift
  set +e
  # eval: a variant's settings are shell words, so a value with spaces can be quoted
  # (e.g. opts="CLAUDE_BASELINE_JAVA_OPTS='-XX:+UseSerialGC -Xmx256m'").
  eval "env ${ENVS[$i]} /usr/bin/time -v -o \"\$WORK/time.txt\" $*" >"$WORK/cmd.out" 2>&1
  CODE=$?
  set -e
  read -r WALL CPU RSS_KIB < <(awk -F': ' '
    /Elapsed \(wall clock\)/ {n=split($2,t,":"); s=0; for(k=1;k<=n;k++) s=s*60+t[k]; wall=s}
    /User time|System time/ {cpu+=$2} /Maximum resident set size/ {rss=$2}
    END {print wall, cpu, rss}' "$WORK/time.txt")
}

# bench_expect NAME I EXPECTED: after bench_time, a CODE other than EXPECTED is reported with the command's last
# lines and makes the benchmark exit 1 at the end (BENCH_STATUS).
BENCH_STATUS=0
bench_expect() {
  if [ "$CODE" != "$3" ]; then
    echo "$BENCH: '$1' (${LABELS[$2]}) exited $CODE, expected $3:" >&2
    tail -5 "$WORK/cmd.out" >&2
    BENCH_STATUS=1
  fi
}

# The median of the numbers on stdin, one a line.
bench_median() { sort -n | awk '{v[NR]=$1} END {print (NR % 2) ? v[(NR+1)/2] : (v[NR/2] + v[NR/2+1]) / 2}'; }
