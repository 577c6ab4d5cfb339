#!/usr/bin/env bash
# Runs a program under the Rust Playground's limits, as its container has them
# (rust-lang/rust-playground, compiler/base/orchestrator/src/coordinator.rs:
# `docker run --cap-drop=ALL --net none --memory 512m --memory-swap 640m
# --pids-limit 512`): in a cgroup of 512 MB of memory (640 MB with swap) and
# 512 tasks (processes and threads), in a network namespace of its own with
# only loopback, as an unprivileged user (nobody) without capabilities, with
# a bare environment, in the program's own directory. Linux, as root
# (cgroups v1 or v2).
#
#   sandbox.sh STATS SECONDS PROGRAM [ARGUMENTS...]
#
# PROGRAM is an absolute path. Stops the program after SECONDS (TERM, then
# KILL 2 s later). Exits as the program does (124 if it was stopped by TERM,
# 137 by KILL); writes to STATS the memory it peaked at, in bytes, how many
# times the kernel killed it for lack of memory, and how many of its
# processes were still running when it ended (the Playground waits for those
# that still hold its output).
set -euo pipefail
stats=$1
seconds=$2
shift 2
# Named after the directory of STATS, which the caller makes its own.
name=$(basename "$(dirname "$stats")")-sandbox
# shellcheck disable=SC2317 # called by the trap
cleanup() {
  # Nothing stops the cleanup half-way.
  trap '' TERM INT HUP
  # Whatever the program left running goes with its cgroup.
  for group in "${groups[@]}"; do
    [ -d "$group" ] || continue
    for _ in $(seq 50); do
      # (cgroup files have no size: read them to see what they hold)
      procs=$(cat "$group/cgroup.procs")
      [ -n "$procs" ] || break
      if [ -f "$group/cgroup.kill" ]; then echo 1 >"$group/cgroup.kill"; fi
      for pid in $procs; do kill -KILL "$pid" 2>/dev/null || true; done
      sleep 0.1
    done
    for _ in $(seq 10); do rmdir "$group" 2>/dev/null && break; sleep 0.1; done
    if [ -d "$group" ]; then
      echo "sandbox.sh: could not empty and remove the cgroup $group" >&2
      failed=1
    fi
  done
  if [ -n "${failed:-}" ]; then exit 1; fi
}
groups=()
trap cleanup EXIT
if [ -f /sys/fs/cgroup/cgroup.controllers ]; then
  mkdir "/sys/fs/cgroup/$name"
  groups=("/sys/fs/cgroup/$name")
  echo 512M >"${groups[0]}/memory.max"
  if [ -f "${groups[0]}/memory.swap.max" ]; then
    echo 128M >"${groups[0]}/memory.swap.max"
  fi
  echo 512 >"${groups[0]}/pids.max"
  # (memory.peak came with Linux 5.19)
  peak() { cat "${groups[0]}/memory.peak" 2>/dev/null || echo 0; }
  ooms() { awk '$1 == "oom_kill" { print $2 }' "${groups[0]}/memory.events"; }
else
  mkdir "/sys/fs/cgroup/memory/$name"
  groups=("/sys/fs/cgroup/memory/$name")
  mkdir "/sys/fs/cgroup/pids/$name"
  groups+=("/sys/fs/cgroup/pids/$name")
  echo 512M >"${groups[0]}/memory.limit_in_bytes"
  if [ -f "${groups[0]}/memory.memsw.limit_in_bytes" ]; then
    echo 640M >"${groups[0]}/memory.memsw.limit_in_bytes"
  fi
  echo 512 >"${groups[1]}/pids.max"
  peak() { cat "${groups[0]}/memory.max_usage_in_bytes"; }
  ooms() { awk '$1 == "oom_kill" { print $2 }' "${groups[0]}/memory.oom_control"; }
fi
status=0
# The program's stderr is this script's, through fd 3: what bash says of a
# program killed by a signal ("Aborted") is not mixed into it (and no core
# is dumped, for timeout to speak of).
exec 3>&2
# shellcheck disable=SC2016 # expanded by the inner shell
{ GROUPS_TO_JOIN="${groups[*]}" timeout --kill-after=2 "$seconds" unshare --net -- bash -c '
  exec 2>&3 3>&-
  set -e
  ulimit -c 0
  ip link set lo up
  for group in $GROUPS_TO_JOIN; do echo $$ >"$group/cgroup.procs"; done
  cd "$(dirname "$1")"
  exec env -i PATH=/usr/local/bin:/usr/bin:/bin USER=playground HOME="$PWD" \
    setpriv --reuid=65534 --regid=65534 --clear-groups \
    --bounding-set=-all --inh-caps=-all --no-new-privs -- "$@"
' sandbox "$@" 2>&3; } 2>/dev/null || status=$?
left=$(wc -l <"${groups[0]}/cgroup.procs")
printf '%s %s %s\n' "$(peak)" "$(ooms)" "$left" >"$stats"
exit "$status"
