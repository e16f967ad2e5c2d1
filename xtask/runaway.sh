#!/bin/sh
# How long a reader waits for the verdict when their function never returns.
#
#   xtask/runaway.sh [CHAPTER...]     (default: every chapter)
#
# For each chapter, every `pub fn` of its src/lib.rs (methods too) whose signature fits on one line gets an
# endless loop as its first statement; the chapter's checks are built, then run and timed;
# the starter is put back, whatever happens. Prints one line per chapter: the seconds from
# start to verdict, and how many checks were stopped.
set -eu
cd "$(dirname "$0")/.."
chapters=${*:-$(ls -d exercises/chapter-* | sed 's/.*chapter-//' | sort -n)}
for n in $chapters; do
    lib=exercises/chapter-$n/src/lib.rs
    cp "$lib" "$lib.runaway-backup"
    # Put back with a fresh mtime: cargo would otherwise keep the looping build.
    trap 'mv "$lib.runaway-backup" "$lib"; touch "$lib"' EXIT INT TERM
    perl -0pi -e 's/^([ \t]*pub fn [^\n]*\{)[ \t]*$/$1 loop { std::hint::black_box(()); }/mg' "$lib"
    cargo test -q -p "chapter-$n" --no-run 2>/dev/null
    start=$(date +%s.%N)
    out=$(cargo test -q -p "chapter-$n" 2>&1 || true)
    end=$(date +%s.%N)
    mv "$lib.runaway-backup" "$lib"
    touch "$lib"
    trap - EXIT INT TERM
    stopped=$(printf '%s\n' "$out" | grep -c -- '^stopped after ' || true)
    printf 'chapter-%s: verdict after %.1f s, %s checks stopped\n' "$n" "$(echo "$end - $start" | bc)" "$stopped"
done
