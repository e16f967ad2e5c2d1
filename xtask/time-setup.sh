#!/bin/sh
# Times a reader's set-up: from an empty cargo home, an empty target folder and no book tools
# to the book answering on localhost, as `cargo xtask serve` gives it. The registry must be
# reachable (the empty cargo home downloads the index and every crate). Prints the seconds,
# with `uptime` before and after, since a loaded machine makes any figure slower.
#
#   xtask/time-setup.sh [PORT]     (default port 3917)
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
port=${1:-3917}
scratch=$(mktemp -d)
export CARGO_HOME="$scratch/cargo-home" CARGO_TARGET_DIR="$scratch/target"
# Earlier designs installed the book's tools here; it stays empty now.
export SEEK_AND_DESTROY_TOOLS="$scratch/tools"
mkdir -p "$CARGO_HOME"
server=
cleanup() {
    [ -n "$server" ] && kill "$server" 2>/dev/null || true
    rm -rf "$scratch"
}
trap cleanup EXIT INT TERM
echo "before: $(uptime)"
start=$(date +%s.%N)
(cd "$root" && exec cargo xtask serve --port "$port") >"$scratch/serve.log" 2>&1 &
server=$!
until curl -fs -o /dev/null "http://127.0.0.1:$port/" 2>/dev/null; do
    if ! kill -0 "$server" 2>/dev/null; then
        cat "$scratch/serve.log"
        echo "cargo xtask serve stopped before serving the book" >&2
        exit 1
    fi
    sleep 0.5
done
end=$(date +%s.%N)
echo "after: $(uptime)"
grep -E "Built the book|Finished" "$scratch/serve.log" || true
echo "set-up, empty cargo home to a served book: $(echo "$end - $start" | bc) s on $(nproc) cores"
