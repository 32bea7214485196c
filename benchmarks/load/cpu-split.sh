#!/usr/bin/env bash
# Not part of run.sh: our authenticated server and the unauthenticated one (sent the same bearer header), side by
# side on CPU 0, wrk on CPU 1.
#
#   benchmarks/load/cpu-split.sh per-request   req/s and user/system CPU µs per request, two rounds each
#   benchmarks/load/cpu-split.sh per-thread    CPU ticks per thread name over 10 s after a 20 s warm-up (carrier, GC, JIT)
#   benchmarks/load/cpu-split.sh interleaved   ROUNDS (default 10) pairs of SECS-second points (default 30), auth then
#                                              noauth, after a 30 s warm-up of each: the auth/noauth ratio per pair, and
#                                              the median ratio with its spread (the auth-overhead target, ABAB)
set -uo pipefail
MODE=${1:-}
case "$MODE" in
  per-request|per-thread|interleaved) ;;
  *) echo "usage: cpu-split.sh per-request|per-thread|interleaved" >&2; exit 2 ;;
esac
cd "$(dirname "$0")"
source ./servers.sh
W=$(mktemp -d)
start_auth target/modules 29330 "$W/a.db" "$W/auth.log" -Dmcpoauth.mcp.stateless=true
A=$SERVER_PID
start_noauth 29331 "$W/noauth.log" -Dmcpoauth.mcp.stateless=true
N=$SERVER_PID
trap 'kill $A $N 2>/dev/null; rm -rf "$W"' EXIT
for _ in $(seq 1 600); do curl -fs -o /dev/null http://127.0.0.1:29330/.well-known/oauth-protected-resource/mcp && curl -fs -o /dev/null http://127.0.0.1:29331/hello && break; sleep 0.1; done
node client/login-client.mjs http://127.0.0.1:29330 $W/tok 4 stateless >/dev/null 2>&1
export BEARER=$(cat $W/tok/access_token) MCP_PROTO=2025-06-18 MCP_SESSION=""
per_request() {
HZ=$(getconf CLK_TCK)
for round in 1 2; do
for p in "auth $A 29330" "noauth $N 29331"; do
  set -- $p
  taskset -c 1 wrk -t1 -c16 -d10s -s target/peer-ts/lua/echo.lua http://127.0.0.1:$3/mcp >/dev/null
  read u0 s0 < <(awk '{print $14, $15}' /proc/$2/stat)
  r=$(taskset -c 1 wrk -t1 -c16 -d10s -s target/peer-ts/lua/echo.lua http://127.0.0.1:$3/mcp | awk '/Requests\/sec/{print $2}')
  read u1 s1 < <(awk '{print $14, $15}' /proc/$2/stat)
  echo "round $round $1: $r req/s, user $(( (u1-u0)*100/HZ/10 ))% sys $(( (s1-s0)*100/HZ/10 ))% ; us/request user $(awk -v u=$((u1-u0)) -v hz=$HZ -v r=$r 'BEGIN{printf "%.1f", u/hz/10/r*1e6}') sys $(awk -v s=$((s1-s0)) -v hz=$HZ -v r=$r 'BEGIN{printf "%.1f", s/hz/10/r*1e6}')"
done
done
}
per_thread() {
thr() { for t in /proc/$1/task/*; do echo "$(cat $t/comm | tr ' ' _) $(awk '{print $14+$15}' $t/stat)"; done | awk '{a[$1]+=$2} END {for (k in a) print k, a[k]}' | sort; }
for p in "auth $A 29330" "noauth $N 29331"; do
  set -- $p
  taskset -c 1 wrk -t1 -c16 -d20s -s target/peer-ts/lua/echo.lua http://127.0.0.1:$3/mcp >/dev/null
  thr $2 > $W/thr0-$1
  r=$(taskset -c 1 wrk -t1 -c16 -d10s -s target/peer-ts/lua/echo.lua http://127.0.0.1:$3/mcp | awk '/Requests\/sec/{print $2}')
  thr $2 > $W/thr1-$1
  echo "== $1 $r req/s; CPU ticks per thread name over 10 s (100/s = one core):"
  join $W/thr0-$1 $W/thr1-$1 | awk '{d=$3-$2; if (d>3) print "  ", $1, d}' | sort -k2 -n -r | head -8
done
}
interleaved() {
ROUNDS=${ROUNDS:-10}; SECS=${SECS:-30}
point() { taskset -c 1 wrk -t1 -c16 -d"$1"s -s target/peer-ts/lua/echo.lua http://127.0.0.1:$2/mcp | awk '/Requests\/sec/{print $2}'; }
point 30 29330 >/dev/null; point 30 29331 >/dev/null
for round in $(seq 1 "$ROUNDS"); do
  a=$(point "$SECS" 29330); n=$(point "$SECS" 29331)
  echo "round $round: auth $a noauth $n ratio $(awk -v a="$a" -v n="$n" 'BEGIN{printf "%.3f", a/n}')"
done | tee $W/rounds
sort -t' ' -k8 -n $W/rounds | awk '{r[NR]=$8; a[NR]=$4; n[NR]=$6} END {m=int((NR+1)/2);
  printf "auth/noauth over %d pairs: median ratio %.3f [%.3f-%.3f]\n", NR, r[m], r[1], r[NR]}'
for col in 4 6; do sort -t' ' -k$col -n $W/rounds | awk -v c=$col '{v[NR]=$c} END {m=int((NR+1)/2);
  printf "%s req/s: median %.0f [%.0f-%.0f]\n", (c==4 ? "auth" : "noauth"), v[m], v[1], v[NR]}'; done
}
case "$MODE" in
  per-request) per_request ;;
  per-thread) per_thread ;;
  interleaved) interleaved ;;
esac
