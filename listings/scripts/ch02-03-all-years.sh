#!/usr/bin/env bash
# One process per chunk: extract each year at the same time, 2020 to 2022
# unless other years are given. Every process is waited for, every failure
# is reported, and the script fails if any year failed.
# Run it from the root of the book: bash listings/scripts/ch02-03-all-years.sh
set -euo pipefail

years=("$@")
if [ ${#years[@]} -eq 0 ]; then
    years=({2020..2022})
fi

# Build once, then start the program itself: three `cargo run`s would each
# check the build, taking turns for cargo's lock, inside the timed block.
cargo build --quiet -p listings --example ch02-03-one-year
program="${CARGO_TARGET_DIR:-target}/debug/examples/ch02-03-one-year"

# `stamp WORDS` prints WORDS after the time since `start`, as in `0.00 s  start
# 2020`. $EPOCHREALTIME (bash 5.0 and newer) is the time in seconds with six
# decimals: without its decimal point, it counts microseconds.
start=${EPOCHREALTIME/[.,]/}
stamp() {
    local micros=$((${EPOCHREALTIME/[.,]/} - start))
    printf '%d.%02d s  %s\n' $((micros / 1000000)) $((micros / 10000 % 100)) "$*"
}

failed=()
TIMEFORMAT="All years done in %2R seconds"
time {
    pids=()
    for year in "${years[@]}"; do
        stamp "start $year"
        "$program" "$year" & # `&`: start it in the background, do not wait
        pids+=("$!")
    done
    for i in "${!pids[@]}"; do
        status=0
        wait "${pids[i]}" || status=$? # that process's exit status
        if [ "$status" -ne 0 ]; then
            echo "${years[i]}: failed with exit code $status" >&2
            failed+=("${years[i]}")
        fi
    done
}
if [ ${#failed[@]} -gt 0 ]; then
    echo "${#failed[@]} of ${#years[@]} years failed: ${failed[*]}" >&2
    exit 1
fi
