#!/bin/sh
# A second opinion on chapter 9's profile: Valgrind's DHAT on the profile listing built
# WITHOUT dhat (`--cfg valgrind` leaves out dhat's allocator and profiler), set beside the
# profile that dhat-rs writes when the same listing runs normally.
#
# Run it from anywhere:   sh chapters/09-heap-profiles/valgrind.sh
# It needs valgrind and python3. The book shows what it printed last, saved with
#   sh chapters/09-heap-profiles/valgrind.sh > chapters/09-heap-profiles/valgrind.txt
# `cargo xtask generate` does not run it (CI has no valgrind), so rerun it by hand after
# changing profile.rs.
set -eu
cd "$(dirname "$0")/../.."
out=target/valgrind
mkdir -p "$out"

# 1. dhat-rs: the listing as the book runs it writes target/seek-and-destroy/ch09-profile/dhat-heap.json.
cargo run --quiet --example ch09-profile > /dev/null 2>&1

# 2. Valgrind's DHAT: the same listing, built without dhat, into a folder of its own.
RUSTFLAGS="--cfg valgrind" cargo build --quiet --example ch09-profile --target-dir "$out"
valgrind --tool=dhat --num-callers=40 --dhat-out-file="$out/dhat.out" "$out/debug/examples/ch09-profile" \
    > /dev/null 2> "$out/valgrind.log"
echo "Valgrind's summary (the whole process, from its first allocation to its last):"
grep -E "Total:|At t-gmax:|At t-end:" "$out/valgrind.log" | sed 's/^==[0-9]*== /    /'
echo

# 3. Both profiles, one row per line of profile.rs that allocated.
python3 - "$out/dhat.out" target/seek-and-destroy/ch09-profile/dhat-heap.json <<'PY'
import json, re, sys

def sites(path):
    profile = json.load(open(path))
    rows = {}
    for point in profile["pps"]:
        site = "outside profile.rs"
        for index in point["fs"]:
            frame = profile["ftbl"][index]
            match = re.search(r"profile\.rs:(\d+)", frame)
            if match and "__rust" not in frame:
                site = "profile.rs:" + match.group(1)
                break
        row = rows.setdefault(site, [0, 0, 0])
        row[0] += point["tbk"]
        row[1] += point["tb"]
        row[2] += point["gb"]
    return rows

valgrind, dhat_rs = sites(sys.argv[1]), sites(sys.argv[2])
def key(site):
    return (site == "outside profile.rs", int(site.split(":")[1]) if ":" in site else 0)
print("Per line of profile.rs: total blocks / total bytes / bytes at t-gmax")
print(f"{'':20} {'dhat-rs':>26}   {'Valgrind DHAT':>26}")
for site in sorted(set(valgrind) | set(dhat_rs), key=key):
    cells = []
    for rows in (dhat_rs, valgrind):
        if site in rows:
            blocks, total, at_gmax = rows[site]
            cells.append(f"{blocks:>5} / {total:>7} / {at_gmax:>6}")
        else:
            cells.append(f"{'(not seen)':>26}")
    print(f"{site:20} {cells[0]:>26}   {cells[1]:>26}")
PY
