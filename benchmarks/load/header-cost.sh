#!/usr/bin/env bash
# Decomposes "auth overhead" (not part of run.sh): the unauthenticated server (OpenMcpServer, pinned like run.sh)
# under tools/call at c16 with and without a 600-byte bearer header, which it ignores; three pairs, req/s.
set -euo pipefail
cd "$(dirname "$0")"
source ./servers.sh
start_noauth 29320 /tmp/hdr-srv.log -Dmcpoauth.mcp.stateless=true
P=$SERVER_PID
trap 'kill $P 2>/dev/null || true' EXIT
for _ in $(seq 1 600); do curl -fs -o /dev/null http://127.0.0.1:29320/hello && break; sleep 0.05; done
TOKEN=$(head -c 450 /dev/urandom | base64 -w0 | tr '+/' '-_' | tr -d '=')
export MCP_PROTO=2025-06-18 MCP_SESSION=""
BEARER="" taskset -c 1 wrk -t1 -c16 -d10s -s target/peer-ts/lua/echo.lua http://127.0.0.1:29320/mcp >/dev/null
for i in 1 2 3; do
  for h in none bearer; do
    if [ $h = bearer ]; then export BEARER=$TOKEN; else export BEARER=""; fi
    r=$(taskset -c 1 wrk -t1 -c16 -d8s -s target/peer-ts/lua/echo.lua http://127.0.0.1:29320/mcp | awk '/Requests\/sec/{print $2}')
    echo "$i $h $r"
  done
done
