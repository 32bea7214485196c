#!/usr/bin/env bash
# Trains a JDK 25 AOT cache (JEP 483/514/515) for the authenticated example server, for the startup
# experiments (not part of run.sh): one training run that serves the OAuth flow with the login page and
# some tools/call load, then a clean stop, which writes the cache.
#
#   benchmarks/load/aot-train.sh [CACHE_FILE]     (default target/app.aot)
#
# Use it with: AUTH_JAVA_OPTS="-XX:AOTCache=target/app.aot" ./run.sh. The cache is only valid for the
# same JDK, module path (OURS_MODULES) and GC; the JVM says so at startup and runs without it otherwise.
set -euo pipefail
cd "$(dirname "$0")"
HERE=$PWD; ROOT=$(cd ../.. && pwd)
CACHE=$(realpath -m "${1:-$HERE/target/app.aot}")
# shellcheck source=../../scripts/jvm-defaults.sh
source "$ROOT/scripts/jvm-defaults.sh"
JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}; JAVA_OPTS=${JAVA_OPTS-$MCPOAUTH_DEFAULT_JAVA_OPTS}
MODULES=${OURS_MODULES:-$HERE/target/modules}; PEER_DIR=${PEER_DIR:-$HERE/target/peer-ts}; PORT=${PORT:-29295}
WORK=$(mktemp -d -t load-aot.XXXXXX)
# Same CPU pinning as run.sh: the JVM sizes its GC and compiler threads from the CPUs it may use.
# shellcheck disable=SC2086
taskset -c 0 "$JAVA_HOME/bin/java" -XX:AOTCacheOutput="$CACHE" --enable-native-access=org.xerial.sqlitejdbc \
  -Dmcpoauth.rate.limit.register=off -Dmcpoauth.rate.limit.token=off -Dmcpoauth.rate.limit.login=off $JAVA_OPTS \
  --module-path "$MODULES" --module dev.mcpoauth.examples/dev.mcpoauth.examples.FileCredentialsServer \
  --host 127.0.0.1 --port "$PORT" --db "$WORK/auth.db" --users "$ROOT/examples/users.txt" >"$WORK/server.log" 2>&1 &
PID=$!
for _ in $(seq 1 600); do
  curl -fs -o /dev/null "http://127.0.0.1:$PORT/.well-known/oauth-protected-resource/mcp" && break
  kill -0 $PID 2>/dev/null || { cat "$WORK/server.log" >&2; exit 1; }
  sleep 0.1
done
node "$HERE/client/login-client.mjs" "http://127.0.0.1:$PORT" "$WORK/session" 4 session >&2
BEARER=$(cat "$WORK/session/access_token") MCP_SESSION=$(cat "$WORK/session/session_id") MCP_PROTO=2025-06-18 \
  taskset -c 1 wrk -t1 -c4 -d3s -s "$PEER_DIR/lua/echo.lua" "http://127.0.0.1:$PORT/mcp" >/dev/null
kill $PID; wait $PID || true
grep -E 'AOTCache creation is complete' "$WORK/server.log" >&2 || { tail -5 "$WORK/server.log" >&2; exit 1; }
rm -rf "$WORK"
