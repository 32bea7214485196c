#!/usr/bin/env bash
# Not part of run.sh: our authenticated server and the unauthenticated one (sent the same bearer header), side by
# side on CPU 0, wrk on CPU 1. cpu-per-request.sh: req/s and user/system CPU µs per request, two rounds each;
# thread-cpu.sh: CPU ticks per thread name over 10 s after a 20 s warm-up (carrier, GC, JIT).
set -uo pipefail
cd "$(dirname "$0")"
source ../../scripts/jvm-defaults.sh
J=/usr/lib/jvm/temurin-25-jdk-amd64/bin/java
W=$(mktemp -d)
taskset -c 0 $J --enable-native-access=org.xerial.sqlitejdbc $MCPOAUTH_DEFAULT_JAVA_OPTS -Dmcpoauth.mcp.stateless=true -Dmcpoauth.rate.limit.register=off -Dmcpoauth.rate.limit.token=off -Dmcpoauth.rate.limit.login=off --module-path target/modules --module dev.mcpoauth.examples/dev.mcpoauth.examples.FileCredentialsServer --host 127.0.0.1 --port 39330 --db $W/a.db --users ../../examples/users.txt > $W/auth.log 2>&1 &
A=$!
taskset -c 0 $J --enable-native-access=ALL-UNNAMED $MCPOAUTH_DEFAULT_JAVA_OPTS -Dmcpoauth.mcp.stateless=true -cp "target/modules/*:target/classes" dev.mcpoauth.bench.load.OpenMcpServer --host 127.0.0.1 --port 39331 > $W/noauth.log 2>&1 &
N=$!
trap 'kill $A $N 2>/dev/null; rm -rf "$W"' EXIT
for _ in $(seq 1 600); do curl -fs -o /dev/null http://127.0.0.1:39330/.well-known/oauth-protected-resource/mcp && curl -fs -o /dev/null http://127.0.0.1:39331/hello && break; sleep 0.1; done
node client/login-client.mjs http://127.0.0.1:39330 $W/tok 4 stateless >/dev/null 2>&1
export BEARER=$(cat $W/tok/access_token) MCP_PROTO=2025-06-18 MCP_SESSION=""
thr() { for t in /proc/$1/task/*; do echo "$(cat $t/comm | tr ' ' _) $(awk '{print $14+$15}' $t/stat)"; done | awk '{a[$1]+=$2} END {for (k in a) print k, a[k]}' | sort; }
for p in "auth $A 39330" "noauth $N 39331"; do
  set -- $p
  taskset -c 1 wrk -t1 -c16 -d20s -s target/peer-ts/lua/echo.lua http://127.0.0.1:$3/mcp >/dev/null
  thr $2 > /tmp/thr0-$1
  r=$(taskset -c 1 wrk -t1 -c16 -d10s -s target/peer-ts/lua/echo.lua http://127.0.0.1:$3/mcp | awk '/Requests\/sec/{print $2}')
  thr $2 > /tmp/thr1-$1
  echo "== $1 $r req/s; CPU ticks per thread name over 10 s (100/s = one core):"
  join /tmp/thr0-$1 /tmp/thr1-$1 | awk '{d=$3-$2; if (d>3) print "  ", $1, d}' | sort -k2 -n -r | head -8
done
