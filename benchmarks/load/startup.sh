#!/usr/bin/env bash
# Not part of run.sh: spawn -> first HTTP 200 of our authenticated example server, for one or more module
# directories (e.g. target/modules and a copy with another build of one jar), alternating, no AOT cache.
#
#   benchmarks/load/startup.sh [-n ROUNDS] [-db fresh|existing] DIR [DIR ...]
#
# Each start gets the flags of servers.sh (JAVA_OPTS, or those of scripts/run-example) plus EXTRA, CPU 0; the poll runs
# on CPU 1 every 5 ms. "fresh": a new database file per start (migrations, key generation); "existing": one
# file per DIR kept across its starts (its first start creates it). Prints every start, then the median [min-max] per DIR.
set -euo pipefail
cd "$(dirname "$0")"
ROUNDS=5; DB=fresh
while [ $# -gt 0 ]; do
  case "$1" in
    -n) ROUNDS=$2; shift 2 ;;
    -db) DB=$2; shift 2 ;;
    *) break ;;
  esac
done
[ $# -ge 1 ] || { echo "usage: startup.sh [-n ROUNDS] [-db fresh|existing] DIR [DIR ...]" >&2; exit 2; }
source ./servers.sh
W=$(mktemp -d); trap 'rm -rf "$W"' EXIT
start_once() { # $1 = module dir, $2 = database file -> ms
  local t0 pid
  t0=$(date +%s%N)
  # shellcheck disable=SC2086 # EXTRA is a list of flags
  start_auth "$1" 29401 "$2" "$W/server.log" ${EXTRA:-}
  pid=$SERVER_PID
  for _ in $(seq 1 2000); do
    taskset -c 1 curl -fs -o /dev/null http://127.0.0.1:29401/.well-known/oauth-protected-resource/mcp && break
    kill -0 $pid 2>/dev/null || { cat "$W/server.log" >&2; exit 1; }
    sleep 0.005
  done
  echo $(( ($(date +%s%N) - t0) / 1000000 ))
  kill $pid; wait $pid 2>/dev/null || true
}
for round in $(seq 1 "$ROUNDS"); do
  i=0
  for dir in "$@"; do
    i=$((i + 1))
    db="$W/existing-$i.db"; [ "$DB" = fresh ] && db="$W/fresh-$i-$round.db"
    ms=$(start_once "$dir" "$db")
    echo "round $round $dir: $ms ms"
    echo "$ms" >> "$W/times-$i"
  done
done
i=0
for dir in "$@"; do
  i=$((i + 1))
  sort -n "$W/times-$i" | awk -v d="$dir" '{v[NR]=$1} END {printf "%s: median %d [%d-%d] ms over %d starts\n", d, v[int((NR+1)/2)], v[1], v[NR], NR}'
done
