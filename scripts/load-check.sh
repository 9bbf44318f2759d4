#!/bin/sh
# Issue 17's check: `npm test` three times in a row on a clean clone of HEAD while a CPU-heavy neighbour (`next build`
# in a loop, in a second clone) runs on the same machine. Prints each run's closing line; exits non-zero if one failed.
#   sh scripts/load-check.sh            (about an hour on 2 cores)
set -eu
repo=$(cd "$(dirname "$0")/.." && pwd)
# The clones sit beside the repo, so ../shared (Kratos's source and config schema) is where npm test looks for it.
work=$(mktemp -d "$(dirname "$repo")/.truss-load-check.XXXXXX")
git clone -q "$repo" "$work/ci" && git clone -q "$repo" "$work/load"
ln -s ../shared "$work/shared"
cp -a "$repo/node_modules" "$work/ci/" && cp -a "$repo/node_modules" "$work/load/"
(
  cd "$work/load"
  i=0
  while [ $i -lt 40 ] && [ ! -f "$work/stop" ]; do
    i=$((i + 1))
    NEXT_TELEMETRY_DISABLED=1 npx next build > /dev/null 2>&1 || true
  done
) &
status=0
for n in 1 2 3; do
  (cd "$work/ci" && npm test > "$work/run-$n.log" 2>&1) || status=1
  echo "run $n: $(tail -1 "$work/run-$n.log")"
done
touch "$work/stop"
wait
echo "logs: $work"
exit $status
