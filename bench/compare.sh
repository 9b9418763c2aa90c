#!/usr/bin/env bash
# Checks that two builds of the CLI give byte-identical outputs: render (every file), validate and simulate
# (stdout, stderr and exit code) on the bundled examples and on generated configs of 10, 100 and 199 workspaces
# (bench/gen_config.py), in both layouts, and on the rejected 1,000-workspace config.
# Usage: bench/compare.sh BEFORE.jar [AFTER.jar]      (AFTER defaults to cli/target/claude-baseline.jar)
# Prints one line per comparison and exits 1 on the first difference found (after printing a diff).
set -euo pipefail
cd "$(dirname "$0")/.."
before=${1:?usage: bench/compare.sh BEFORE.jar [AFTER.jar]}
after=${2:-cli/target/claude-baseline.jar}
work=$(mktemp -d "${TMPDIR:-/tmp}/cb-compare.XXXXXX")
trap 'rm -rf "$work"' EXIT

configs=(examples/claude-baseline.yaml examples/guide-parity.yaml examples/legacy-limits-per-control.yaml)
for n in 10 100 199 1000; do
  python3 bench/gen_config.py "$n" "$work/ws$n.yaml"
  configs+=("$work/ws$n.yaml")
done
for n in 10 100 199; do
  sed 's/^layout: .*/layout: "per-control"/' "$work/ws$n.yaml" > "$work/ws$n-per-control.yaml"
  configs+=("$work/ws$n-per-control.yaml")
done

before=$(realpath "$before"); after=$(realpath "$after")
for i in "${!configs[@]}"; do configs[$i]=$(realpath "${configs[$i]}"); done
status=0
for config in "${configs[@]}"; do
  name=$(basename "$config" .yaml)
  for cmd in validate render simulate; do
    for side in before after; do
      jar=$before; [ "$side" = after ] && jar=$after
      dir="$work/$side/$name-$cmd"
      mkdir -p "$dir"
      set +e
      # The output directory's path appears in render's messages: run from the same place on both sides.
      (cd "$dir" && java -jar "$jar" "$cmd" --config "$config" $([ "$cmd" = render ] && echo --out out) > stdout 2> stderr
       echo $? > exit)
      set -e
    done
    if diff -r "$work/before/$name-$cmd" "$work/after/$name-$cmd" > "$work/diff"; then
      echo "same: $cmd $name (exit $(cat "$work/after/$name-$cmd/exit"))"
    else
      echo "DIFFERENT: $cmd $name"; head -40 "$work/diff"; status=1
    fi
  done
done
exit $status
