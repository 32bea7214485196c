#!/usr/bin/env bash
# Profiles our authenticated server under one kind of load with JDK Flight Recorder (not part of run.sh).
#
#   benchmarks/load/profile.sh echo|refresh|flow [session|stateless] [OUT_DIR]
#
# Starts FileCredentialsServer pinned like run.sh (CPU 0; wrk on CPU 1), warms it WARM s (default 15),
# records PROF s (default 20) of the same load with JFR (settings=profile), and prints JFR's views of hot
# methods, lock contention, virtual-thread pinning and allocation. Extra JVM flags: JAVA_OPTS; JFR=0: no recording.
set -euo pipefail
cd "$(dirname "$0")"
HERE=$PWD
KIND=${1:?usage: profile.sh echo|refresh|flow [session|stateless] [OUT_DIR]}; MODE=${2:-session}
OUT=${3:-$(mktemp -d -t load-prof.XXXXXX)}; mkdir -p "$OUT"
WARM=${WARM:-15}; PROF=${PROF:-20}; CONC=${CONC:-16}; PORT=${PORT:-29290}
JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}; JAVA_OPTS=${JAVA_OPTS:-}
PEER_DIR=${PEER_DIR:-$HERE/target/peer-ts}
stateless=false; [ "$MODE" = stateless ] && stateless=true
source ./servers.sh
start_auth "${OURS_MODULES:-$HERE/target/modules}" "$PORT" "$OUT/auth.db" "$OUT/server.log" -Dmcpoauth.mcp.stateless=$stateless
PID=$SERVER_PID
trap 'kill $PID 2>/dev/null; wait $PID 2>/dev/null || true' EXIT
for _ in $(seq 1 600); do
  curl -fs -o /dev/null "http://127.0.0.1:$PORT/.well-known/oauth-protected-resource/mcp" && break
  kill -0 $PID 2>/dev/null || { cat "$OUT/server.log" >&2; exit 1; }
  sleep 0.1
done
BASE=http://127.0.0.1:$PORT
node "$HERE/client/login-client.mjs" "$BASE" "$OUT/warm" $(( CONC + 2 )) "$MODE" >&2
node "$HERE/client/login-client.mjs" "$BASE" "$OUT/main" $(( CONC + 2 )) "$MODE" >&2
export MCP_PROTO=2025-06-18 WRK_THREADS=1 SCOPE_ENC=mcp RESOURCE_ENC="http%3A%2F%2F127.0.0.1%3A$PORT%2Fmcp"
load() { # $1 = token dir, $2 = seconds
  export BEARER CLIENT_ID REFRESH_FILE="$1/refresh_tokens" MCP_SESSION=""
  BEARER=$(cat "$1/access_token"); CLIENT_ID=$(cat "$1/client_id")
  [ "$MODE" = session ] && MCP_SESSION=$(cat "$1/session_id")
  case "$KIND" in
    echo) taskset -c 1 wrk -t1 -c"$CONC" -d"$2s" --latency -s "$PEER_DIR/lua/echo.lua" "$BASE/mcp" ;;
    refresh) taskset -c 1 wrk -t1 -c"$CONC" -d"$2s" --latency -s "$PEER_DIR/lua/refresh.lua" "$BASE/token" ;;
    flow) taskset -c 1 wrk -t1 -c"$CONC" -d"$2s" --latency -s "$HERE/lua/flow-login.lua" "$BASE/" ;;
  esac
}
load "$OUT/warm" "$WARM" >"$OUT/warm.wrk"
[ "${JFR:-1}" = 1 ] && "$JAVA_HOME/bin/jcmd" $PID JFR.start name=load settings=profile ${JFR_EVENTS:-} filename="$OUT/$KIND.jfr" >/dev/null
t0=$(awk '{print $14 + $15}' /proc/$PID/stat)
load "$OUT/main" "$PROF" | tee "$OUT/main.wrk" | grep -E 'Requests/sec|LUA|50%|99%' >&2
echo "server CPU: $(awk -v a="$t0" -v hz="$(getconf CLK_TCK)" -v t="$PROF" '{printf "%.0f", 100*($14+$15-a)/hz/t}' /proc/$PID/stat)% of a core over ${PROF}s; RSS $(awk '$1=="VmRSS:"{printf "%d", $2/1024}' /proc/$PID/status) MiB" >&2
[ -z "${NMT:-}" ] || "$JAVA_HOME/bin/jcmd" $PID VM.native_memory summary | grep -E '^-|committed=' | grep -vE '^\s+\(' | head -40
[ "${JFR:-1}" = 1 ] || exit 0
"$JAVA_HOME/bin/jcmd" $PID JFR.stop name=load >/dev/null
for view in hot-methods contention-by-site pinned-threads allocation-by-class; do
  echo "== jfr view $view"; "$JAVA_HOME/bin/jfr" view --width 200 "$view" "$OUT/$KIND.jfr" | head -32
done
echo "recording: $OUT/$KIND.jfr"
