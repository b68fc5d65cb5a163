#!/bin/sh
# Runs one fuzz target for a given time: ./run.sh TARGET SECONDS
# (TARGET is read_path or edit). The corpus grows in fuzz/corpus/TARGET
# (not in git), seeded from the small committed fuzz/seeds/TARGET; crashes
# land in fuzz/artifacts/TARGET. Needs `cargo install cargo-fuzz` and a
# nightly toolchain. One process (one job) per target.
set -eu
if [ $# -ne 2 ]; then
    echo "usage: $0 TARGET SECONDS   (TARGET: read_path or edit)" >&2
    exit 2
fi
target=$1
seconds=$2
cd "$(dirname "$0")"
mkdir -p "corpus/$target"
exec cargo +nightly fuzz run "$target" "corpus/$target" "seeds/$target" -- \
    -max_total_time="$seconds" -max_len=4096 -timeout=10 -rss_limit_mb=2048 -print_final_stats=1
