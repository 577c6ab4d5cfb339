#!/usr/bin/env bash
# One process per chunk: extract 2020, 2021 and 2022 at the same time.
# Run it from the root of the book: bash listings/scripts/ch02-03-all-years.sh
set -euo pipefail

# Build once, then start the program itself: three `cargo run`s at the same
# time would queue up behind each other for cargo's lock on the build.
cargo build --quiet -p listings --example ch02-03-one-year
program="${CARGO_TARGET_DIR:-target}/debug/examples/ch02-03-one-year"

TIMEFORMAT="All years extracted in %2R seconds"
time {
    pids=()
    for year in {2020..2022}; do
        "$program" "$year" & # `&`: start it in the background, do not wait
        pids+=("$!")
    done
    for pid in "${pids[@]}"; do
        wait "$pid" # fails, and so stops the script, if that year failed
    done
}
