#!/bin/sh
# Two runs of the same chapter's starter at once, N times (default 20), for each chapter given
# (default 1 3 14): every pair must print the same verdicts as a run alone.
#
#   xtask/at-once.sh [-n N] [CHAPTER...]
set -eu
cd "$(dirname "$0")/.."
times=20
if [ "${1:-}" = "-n" ]; then times=$2; shift 2; fi
chapters=${*:-1 3 14}
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
for n in $chapters; do
    binary=$(cargo test -p "chapter-$n" --no-run 2>&1 | sed -n 's/.*Executable.*(\(.*\)).*/\1/p' | head -1)
    "$binary" 2>/dev/null | grep '^test .* \.\.\. ' | sort > "$scratch/alone" || true
    differ=0
    i=0
    while [ $i -lt "$times" ]; do
        "$binary" 2>/dev/null | grep '^test .* \.\.\. ' | sort > "$scratch/a" &
        "$binary" 2>/dev/null | grep '^test .* \.\.\. ' | sort > "$scratch/b" &
        wait
        cmp -s "$scratch/a" "$scratch/alone" || differ=$((differ + 1))
        cmp -s "$scratch/b" "$scratch/alone" || differ=$((differ + 1))
        i=$((i + 1))
    done
    echo "chapter-$n: $times pairs at once, $differ of $((times * 2)) runs differ from a run alone ($(wc -l < "$scratch/alone") checks)"
done
