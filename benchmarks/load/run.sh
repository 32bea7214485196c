#!/usr/bin/env bash
# Load benchmark of mcp-oauth against the peer (the official TypeScript MCP SDK's auth stack), in one run.
# Prints one line per figure, `name value unit`; progress goes to stderr. See README.md.
#
# Per MCP mode (stateless, session) four servers run side by side, all pinned to CPU $SERVER_CPU:
#   ours_auth    FileCredentialsServer (examples), the same java command as scripts/run-example
#   ours_noauth  OpenMcpServer (this folder): the same transport, SDK server and tool without the OAuth gate
#   peer_auth    peer-ts server.mjs AUTH=1 (mcpAuthRouter + requireBearerAuth)
#   peer_noauth  peer-ts server.mjs AUTH=0
# wrk (1 thread) and the node clients run on CPU $LOAD_CPU. Measured runs are interleaved ABBA so that
# drift (JIT tier-up, heap growth, other jobs) does not favour one side.
#
# Knobs (env):
#   DUR=10 WARM=10          seconds per measured point / per server warm-up (echo at c16)
#   TOKEN_WARM=4            seconds of token-endpoint warm-up per side (flows, then refresh), 0 to skip
#   CONCS="16 64"           echo concurrencies;  TOKEN_CONC=16  refresh and flow concurrency;  TOKENS=0 skips them
#   MODES="stateless session"
#   HELLO_CONCS="16 64" HELLO_DUR=5   raw Helidon GET /hello on the ours_noauth server (session mode), "" to skip
#   PIN=1 SERVER_CPU=0 LOAD_CPU=1 NICE=0
#   BASE_PORT=29200         127.0.0.1 only
#   JAVA_HOME               default /usr/lib/jvm/temurin-25-jdk-amd64
#   JAVA_OPTS               flags for both of our JVMs; default: those of scripts/run-example (scripts/jvm-defaults.sh)
#   OURS_MODULES            the module path (class path for OpenMcpServer) of our servers; default target/modules
#   AUTH_JAVA_OPTS=""       extra flags for ours_auth only (e.g. -XX:AOTCache=target/app.aot from aot-train.sh)
#   OURS_ARGS=""            extra arguments for FileCredentialsServer (e.g. --store memory)
#   PEER_DIR                a copy of ../shared/bench/peer-ts with node_modules (default target/peer-ts, see setup.sh)
#   PEER_JSON_RESPONSE=0 PEER_SHARED_VALIDATOR=0   the peer's tuning knobs (its defaults: off)
#   KEEP=0                  1: keep the work dir (logs, raw wrk output)
#   QUIET_PCT=25 QUIET_MAX=4 QUIET_BUDGET=20   bounded wait for a quieter machine before each point
set -euo pipefail
cd "$(dirname "$0")"
HERE=$PWD
ROOT=$(cd ../.. && pwd)

DUR=${DUR:-10}
WARM=${WARM:-10}
TOKEN_WARM=${TOKEN_WARM:-4}
CONCS=${CONCS:-"16 64"}
TOKEN_CONC=${TOKEN_CONC:-16}
TOKENS=${TOKENS:-1}
MODES=${MODES:-"stateless session"}
HELLO_CONCS=${HELLO_CONCS-"16 64"}
HELLO_DUR=${HELLO_DUR:-5}
PIN=${PIN:-1}
SERVER_CPU=${SERVER_CPU:-0}
LOAD_CPU=${LOAD_CPU:-1}
NICE=${NICE:-0}
BASE_PORT=${BASE_PORT:-29200}
JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
# shellcheck source=../../scripts/jvm-defaults.sh
source "$ROOT/scripts/jvm-defaults.sh"
JAVA_OPTS=${JAVA_OPTS-$MCPOAUTH_DEFAULT_JAVA_OPTS}
AUTH_JAVA_OPTS=${AUTH_JAVA_OPTS:-}
OURS_ARGS=${OURS_ARGS:-}
PEER_DIR=${PEER_DIR:-$HERE/target/peer-ts}
PEER_JSON_RESPONSE=${PEER_JSON_RESPONSE:-0}
PEER_SHARED_VALIDATOR=${PEER_SHARED_VALIDATOR:-0}
KEEP=${KEEP:-0}
QUIET_PCT=${QUIET_PCT:-25}
QUIET_MAX=${QUIET_MAX:-4}
QUIET_BUDGET=${QUIET_BUDGET:-20}
QUIET_SPENT_MS=0
HZ=$(getconf CLK_TCK)
NCPU=$(nproc)
PROTO=2025-06-18
VERIFIER="bench-verifier-0123456789-abcdefghijklmnopqrstuvwxyz-ABCDEFG"
CHALLENGE="VnbqXeuJTsLy7nKkzMn9YDdWfImEkuMnnxUWWaanBUU" # base64url(sha256(VERIFIER)), as in the Lua scripts
REDIRECT=http://127.0.0.1:9/cb
USER_NAME=alice
USER_PASSWORD=cows
MODULES=${OURS_MODULES:-$HERE/target/modules}
JAVA=$JAVA_HOME/bin/java

log() { echo "[load $(date +%T)] $*" >&2; }
die() { log "FATAL: $*"; exit 1; }
declare -A FIG=()
out() { printf '%s %s %s\n' "$1" "$2" "$3"; FIG[$1]=$2; }

for bin in node wrk curl jq taskset awk; do command -v "$bin" >/dev/null || die "missing $bin (run setup.sh)"; done
[ -x "$JAVA" ] || die "no java at $JAVA (set JAVA_HOME to a JDK >= 21)"
[ -d "$MODULES" ] && [ -d "$HERE/target/classes/dev" ] || die "build first: mvn -o -q -B package -f benchmarks/load/pom.xml"
[ -d "$PEER_DIR/node_modules/@modelcontextprotocol/sdk" ] || die "no peer copy with node_modules at $PEER_DIR (run setup.sh)"

if [ "$PIN" = 1 ]; then SRV_PIN=(taskset -c "$SERVER_CPU"); LOAD_PIN=(taskset -c "$LOAD_CPU"); SRV_CORE=cpu$SERVER_CPU
else SRV_PIN=(); LOAD_PIN=(); SRV_CORE=cpu; fi
if [ "$NICE" != 0 ]; then SRV_PIN=(nice -n "$NICE" "${SRV_PIN[@]}"); LOAD_PIN=(nice -n "$NICE" "${LOAD_PIN[@]}"); fi

WORK=$(mktemp -d -t load-run.XXXXXX)
PIDS=()
# stop_pid PID: SIGTERM, then SIGKILL after 10 s (a JVM whose listener thread died of OutOfMemoryError
# never finishes Helidon's shutdown hook).
stop_pid() {
  kill "$1" 2>/dev/null || return 0
  for _ in $(seq 1 100); do kill -0 "$1" 2>/dev/null || break; sleep 0.1; done
  if kill -0 "$1" 2>/dev/null; then log "process $1 ignored SIGTERM for 10 s: SIGKILL"; kill -9 "$1" 2>/dev/null || true; fi
  wait "$1" 2>/dev/null || true
}
cleanup() {
  for p in "${PIDS[@]:-}"; do
    [ -n "$p" ] && stop_pid "$p"
  done
  if [ "$KEEP" = 1 ]; then log "work dir kept: $WORK"; else rm -rf "$WORK"; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

now_ms() { echo $(( $(date +%s%N) / 1000000 )); }
proc_cpu() { awk '{print $14 + $15}' "/proc/$1/stat"; } # utime+stime of all threads, clock ticks
sys_busy() { awk -v c="$1" '$1==c{print $2+$3+$4+$7+$8+$9}' /proc/stat; }
rss_mib() { awk -v k="$2:" '$1==k{printf "%d", $2/1024}' "/proc/$1/status"; }
to_ms() { awk -v v="$1" 'BEGIN{ if (v ~ /us$/) {sub(/us$/,"",v); printf "%.3f", v/1000} else if (v ~ /ms$/) {sub(/ms$/,"",v); printf "%.2f", v} else if (v ~ /m$/) {sub(/m$/,"",v); printf "%.0f", v*60000} else {sub(/s$/,"",v); printf "%.1f", v*1000} }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN{ printf "%.3f", (b > 0 ? a / b : 0) }'; }
urlenc() { jq -rn --arg v "$1" '$v|@uri'; }

# wait_up NAME PID URL T0 -> prints NAME_startup_first_response (spawn -> first 200 on URL, polled every 5 ms)
wait_up() {
  local name=$1 pid=$2 url=$3 t0=$4 deadline=$(( $4 + 60000 ))
  until "${LOAD_PIN[@]}" curl -fs -o /dev/null --max-time 1 "$url"; do
    kill -0 "$pid" 2>/dev/null || { cat "$WORK/$name.log" >&2; die "$name exited during startup"; }
    [ "$(now_ms)" -lt "$deadline" ] || die "$name not up after 60 s"
    sleep 0.005
  done
  out "${name}_startup_first_response" $(( $(now_ms) - t0 )) ms
}

# First successful tools/call after spawn: for auth servers one cold OAuth flow by curl first (ours with the
# login page GET + POST), for session mode an initialize. Sets HDR (curl header args for later calls).
first_call() {
  local name=$1 base=$2 auth=$3 side=$4 mode=$5 t0=$6 cid loc code at sid body page cookie state csrf res
  HDR=()
  if [ "$auth" = 1 ]; then
    cid=$(curl -fsS --max-time 5 -H 'content-type: application/json' \
      -d "{\"redirect_uris\":[\"$REDIRECT\"],\"token_endpoint_auth_method\":\"none\"}" "$base/register" | jq -r .client_id)
    res=$(urlenc "$base/mcp")
    loc=$(curl -sS --max-time 5 -o /dev/null -w '%{redirect_url}' \
      "$base/authorize?response_type=code&client_id=$cid&redirect_uri=$(urlenc $REDIRECT)&code_challenge=$CHALLENGE&code_challenge_method=S256&state=x&resource=$res")
    if [ "$side" = ours ]; then # the login page: GET (CSRF cookie + hidden fields), then POST the form
      page=$(curl -sS --max-time 5 -D "$WORK/$name.page.h" "$loc")
      cookie=$(tr -d '\r' <"$WORK/$name.page.h" | awk -F': ' 'tolower($1)=="set-cookie"{split($2,a,";"); print a[1]}')
      state=$(sed -n 's/.*name="state" value="\([^"]*\)".*/\1/p' <<<"$page")
      csrf=$(sed -n 's/.*name="csrf_token" value="\([^"]*\)".*/\1/p' <<<"$page")
      loc=$(curl -sS --max-time 5 -o /dev/null -w '%{redirect_url}' -H "cookie: $cookie" --data-urlencode "state=$state" \
        --data-urlencode "csrf_token=$csrf" --data-urlencode "username=$USER_NAME" --data-urlencode "password=$USER_PASSWORD" \
        "$base/oauth/login")
    fi
    code=$(sed -n 's/.*[?&]code=\([^&]*\).*/\1/p' <<<"$loc")
    at=$(curl -fsS --max-time 5 --data-urlencode grant_type=authorization_code --data-urlencode "code=$code" \
      --data-urlencode "code_verifier=$VERIFIER" --data-urlencode "client_id=$cid" --data-urlencode "redirect_uri=$REDIRECT" \
      --data-urlencode "resource=$base/mcp" "$base/token" | jq -r .access_token)
    [ -n "$at" ] && [ "$at" != null ] || die "$name: first OAuth flow failed (redirect: $loc)"
    HDR=(-H "authorization: Bearer $at")
  fi
  if [ "$mode" = session ]; then
    sid=$(curl -fsS --max-time 5 -D - -o /dev/null "${HDR[@]}" -H 'content-type: application/json' -H 'accept: application/json, text/event-stream' \
      -d "{\"jsonrpc\":\"2.0\",\"id\":0,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"$PROTO\",\"capabilities\":{},\"clientInfo\":{\"name\":\"b\",\"version\":\"0\"}}}" \
      "$base/mcp" | tr -d '\r' | awk -F': ' 'tolower($1)=="mcp-session-id"{print $2}')
    HDR+=(-H "mcp-session-id: $sid" -H "mcp-protocol-version: $PROTO")
  fi
  body=$(curl -fsS --max-time 5 "${HDR[@]}" -H 'content-type: application/json' -H 'accept: application/json, text/event-stream' \
    -d '{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"echo","arguments":{"message":"first"}}}' "$base/mcp")
  grep -q '"text":"\(Echo: \)\?first"' <<<"$body" || die "$name: first tools/call failed: $body"
  out "${name}_startup_first_tools_call" $(( $(now_ms) - t0 )) ms
}

# start_server NAME SIDE AUTH MODE PORT -> sets SPID
start_server() {
  local name=$1 side=$2 auth=$3 mode=$4 port=$5 t0 url stateless=false
  [ "$mode" = stateless ] && stateless=true
  t0=$(now_ms)
  case "$side/$auth" in
    ours/1) # the java command of scripts/run-example, without its JDK probe (one extra JVM start)
      # shellcheck disable=SC2086
      "${SRV_PIN[@]}" "$JAVA" --enable-native-access=org.xerial.sqlitejdbc \
        "-Djava.util.logging.SimpleFormatter.format=%1\$tF %1\$tT %4\$s %3\$s: %5\$s%6\$s%n" \
        -Dmcpoauth.mcp.stateless=$stateless -Dmcpoauth.rate.limit.register=off -Dmcpoauth.rate.limit.token=off \
        -Dmcpoauth.rate.limit.login=off $JAVA_OPTS $AUTH_JAVA_OPTS \
        --module-path "$MODULES" --module dev.mcpoauth.examples/dev.mcpoauth.examples.FileCredentialsServer \
        --host 127.0.0.1 --port "$port" --db "$WORK/$name.db" --users "$ROOT/examples/users.txt" $OURS_ARGS >"$WORK/$name.log" 2>&1 &
      url="http://127.0.0.1:$port/.well-known/oauth-protected-resource/mcp" ;;
    ours/0) # class path: the transport's internal packages are usable there (see OpenMcpServer)
      # shellcheck disable=SC2086
      "${SRV_PIN[@]}" "$JAVA" --enable-native-access=ALL-UNNAMED \
        "-Djava.util.logging.SimpleFormatter.format=%1\$tF %1\$tT %4\$s %3\$s: %5\$s%6\$s%n" \
        -Dmcpoauth.mcp.stateless=$stateless $JAVA_OPTS -cp "$MODULES/*:$HERE/target/classes" \
        dev.mcpoauth.bench.load.OpenMcpServer --host 127.0.0.1 --port "$port" >"$WORK/$name.log" 2>&1 &
      url="http://127.0.0.1:$port/hello" ;;
    peer/*)
      PORT=$port AUTH=$auth MODE=$mode JSON_RESPONSE=$PEER_JSON_RESPONSE SHARED_VALIDATOR=$PEER_SHARED_VALIDATOR \
        "${SRV_PIN[@]}" node "$PEER_DIR/server.mjs" >"$WORK/$name.log" 2>&1 &
      url="http://127.0.0.1:$port/.well-known/oauth-protected-resource/mcp" ;;
  esac
  SPID=$!
  PIDS+=("$SPID")
  wait_up "$name" "$SPID" "$url" "$t0"
  first_call "$name" "http://127.0.0.1:$port" "$auth" "$side" "$mode" "$t0"
  out "${name}_rss_startup" "$(rss_mib "$SPID" VmRSS)" MiB
}

# Bounded wait while other processes use more than QUIET_PCT % of one core.
wait_quiet() {
  local t0 b0 b1 pct; t0=$(now_ms)
  while :; do
    b0=$(sys_busy cpu); sleep 0.5; b1=$(sys_busy cpu)
    pct=$(( (b1 - b0) * 100 * 2 / HZ ))
    [ "$pct" -lt "$QUIET_PCT" ] && break
    if [ $(( $(now_ms) - t0 )) -ge $(( QUIET_MAX * 1000 )) ] || [ $(( QUIET_SPENT_MS + $(now_ms) - t0 )) -ge $(( QUIET_BUDGET * 1000 )) ]; then
      log "machine busy (${pct}% of a core used by others), measuring anyway"; break
    fi
  done
  QUIET_SPENT_MS=$(( QUIET_SPENT_MS + $(now_ms) - t0 ))
}

# wrk_run NAME SPID CONC DURATION URL SCRIPT [quiet]: sets RPS RPS_CORE P50 P99 WALL; prints figures unless quiet.
wrk_run() {
  local name=$1 spid=$2 conc=$3 dur=$4 url=$5 script=$6 quiet=${7:-}
  local raw="$WORK/$name.wrk" tf="$WORK/$name.time" s0 b0 c0 s1 b1 c1 e0 e1
  [ -n "$quiet" ] || wait_quiet
  s0=$(proc_cpu "$spid"); b0=$(sys_busy cpu); c0=$(sys_busy "$SRV_CORE"); e0=$(now_ms)
  { TIMEFORMAT='%3U %3S'; time timeout $(( dur + 20 )) "${LOAD_PIN[@]}" wrk -t1 -c"$conc" -d"${dur}s" --timeout 10s --latency -s "$script" "$url" >"$raw" 2>&1 ; } 2>"$tf" \
    || { cat "$raw" >&2; die "wrk failed for $name"; }
  s1=$(proc_cpu "$spid"); b1=$(sys_busy cpu); c1=$(sys_busy "$SRV_CORE"); e1=$(now_ms)
  RPS=$(awk '/^Requests\/sec:/{print $2}' "$raw")
  P50=$(to_ms "$(awk '$1=="50%"{print $2}' "$raw")")
  P99=$(to_ms "$(awk '$1=="99%"{print $2}' "$raw")")
  WALL=$(awk '/requests in/{for(i=1;i<=NF;i++) if($i=="in"){v=$(i+1); sub(/s,$/,"",v); print v}}' "$raw")
  local non2xx sockerr
  non2xx=$(awk '/Non-2xx or 3xx responses:/{print $NF}' "$raw"); non2xx=${non2xx:-0}
  sockerr=$(awk '/Socket errors:/{gsub(/,/,""); print $4+$6+$8+$10}' "$raw"); sockerr=${sockerr:-0}
  [ -n "$RPS" ] || { cat "$raw" >&2; die "could not parse wrk output for $name"; }
  [ -n "$quiet" ] && return 0
  local el_s srv_pct wrk_pct foreign_pct
  el_s=$(awk -v a="$e0" -v b="$e1" 'BEGIN{print (b-a)/1000}')
  srv_pct=$(awk -v d=$(( s1 - s0 )) -v hz="$HZ" -v t="$el_s" 'BEGIN{printf "%.1f", 100*d/hz/t}')
  wrk_pct=$(awk -v u="$(cut -d' ' -f1 "$tf")" -v s="$(cut -d' ' -f2 "$tf")" -v t="$el_s" 'BEGIN{printf "%.0f", 100*(u+s)/t}')
  foreign_pct=$(awk -v b=$(( b1 - b0 )) -v d=$(( s1 - s0 )) -v hz="$HZ" -v t="$el_s" -v w="$wrk_pct" 'BEGIN{f=100*(b-d)/hz/t - w; if (f<0) f=0; printf "%.0f", f}')
  RPS_CORE=$(awk -v r="$RPS" -v c="$srv_pct" 'BEGIN{printf "%.1f", (c > 0 ? 100 * r / c : 0)}')
  out "${name}_rps" "$RPS" req/s
  out "${name}_rps_per_server_core" "$RPS_CORE" req/core-s
  out "${name}_p50" "$P50" ms
  out "${name}_p99" "$P99" ms
  out "${name}_errors" $(( non2xx + sockerr )) count
  out "${name}_server_cpu" "$srv_pct" %core
  out "${name}_wrk_cpu" "$wrk_pct" %core
  out "${name}_other_cpu" "$foreign_pct" %core
  if [ "$PIN" = 1 ]; then
    out "${name}_other_cpu_on_server_core" "$(awk -v b=$(( c1 - c0 )) -v d=$(( s1 - s0 )) -v hz="$HZ" -v t="$el_s" 'BEGIN{f=100*(b-d)/hz/t; if (f<0) f=0; printf "%.0f", f}')" %core
  fi
}

ECHO=$PEER_DIR/lua/echo.lua
REFRESH=$PEER_DIR/lua/refresh.lua
FLOW_PEER=$PEER_DIR/lua/flow.lua
FLOW_OURS=$HERE/lua/flow-login.lua
HELLO=$HERE/lua/hello.lua
export MCP_PROTO=$PROTO WRK_THREADS=1

# get_tokens SIDE BASE OUT N MODE: a client with N token pairs (and a session in session mode)
get_tokens() {
  if [ "$1" = ours ]; then "${LOAD_PIN[@]}" node "$HERE/client/login-client.mjs" "$2" "$3" "$4" "$5" "$USER_NAME" "$USER_PASSWORD" >&2
  else "${LOAD_PIN[@]}" node "$PEER_DIR/oauth-client.mjs" "$2" "$3" "$4" "$5" >&2; fi
}

log "work dir $WORK; $("$JAVA" -version 2>&1 | head -1); node $(node --version); wrk $(wrk -v 2>&1 | head -1 | awk '{print $2}'); pin=$PIN"
out java_version "$("$JAVA" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.version = //p' | cut -d. -f1)" major
out peer_sdk_version "$(node -p "require('$PEER_DIR/node_modules/@modelcontextprotocol/sdk/package.json').version" | tr -d .)" digits
T_START=$(now_ms)
first_mode=1
mi=0
for mode in $MODES; do
  p0=$(( BASE_PORT + 10 * mi )); mi=$(( mi + 1 ))
  declare -A PORT_OF=([ours_auth]=$p0 [ours_noauth]=$(( p0 + 1 )) [peer_auth]=$(( p0 + 2 )) [peer_noauth]=$(( p0 + 3 )))
  declare -A PID_OF=()
  VARIANTS="ours_auth ours_noauth peer_auth peer_noauth"
  [ "$mi" = 2 ] && VARIANTS="peer_noauth peer_auth ours_noauth ours_auth" # alternate the start order too
  log "mode=$mode: starting $VARIANTS on ports $p0..$(( p0 + 3 ))"
  for v in $VARIANTS; do
    side=${v%%_*}; auth=1; [ "${v#*_}" = noauth ] && auth=0
    start_server "${side}_${mode}_${v#*_}" "$side" "$auth" "$mode" "${PORT_OF[$v]}"; PID_OF[$v]=$SPID
  done
  for v in ours_auth peer_auth; do
    get_tokens "${v%%_*}" "http://127.0.0.1:${PORT_OF[$v]}" "$WORK/$mode-$v" $(( TOKEN_CONC + 2 )) "$mode"
    get_tokens "${v%%_*}" "http://127.0.0.1:${PORT_OF[$v]}" "$WORK/$mode-$v-warm" $(( TOKEN_CONC + 2 )) "$mode"
  done
  # noauth session servers need a session, opened without a token
  for v in ours_noauth peer_noauth; do
    if [ "$mode" = session ]; then
      curl -fsS --max-time 5 -D - -o /dev/null -H 'content-type: application/json' -H 'accept: application/json, text/event-stream' \
        -d "{\"jsonrpc\":\"2.0\",\"id\":0,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"$PROTO\",\"capabilities\":{},\"clientInfo\":{\"name\":\"b\",\"version\":\"0\"}}}" \
        "http://127.0.0.1:${PORT_OF[$v]}/mcp" | tr -d '\r' | awk -F': ' 'tolower($1)=="mcp-session-id"{print $2}' >"$WORK/$mode-$v.sid"
      curl -fsS --max-time 5 -o /dev/null -H 'content-type: application/json' -H 'accept: application/json, text/event-stream' \
        -H "mcp-session-id: $(cat "$WORK/$mode-$v.sid")" -H "mcp-protocol-version: $PROTO" \
        -d '{"jsonrpc":"2.0","method":"notifications/initialized"}' "http://127.0.0.1:${PORT_OF[$v]}/mcp"
    fi
  done
  # ours_noauthhdr: the unauthenticated server sent the authenticated server's request bytes (the same bearer
  # header, which it ignores), so that auth / noauthhdr is the cost of checking the token, not of carrying it.
  PID_OF[ours_noauthhdr]=${PID_OF[ours_noauth]}; PORT_OF[ours_noauthhdr]=${PORT_OF[ours_noauth]}
  echo_env() { # $1 = variant
    case "$1" in
      ours_noauthhdr) BEARER=$(cat "$WORK/$mode-ours_auth/access_token"); MCP_SESSION=$([ "$mode" = session ] && cat "$WORK/$mode-ours_noauth.sid" || true) ;;
      *_auth) BEARER=$(cat "$WORK/$mode-$1/access_token"); MCP_SESSION=$([ "$mode" = session ] && cat "$WORK/$mode-$1/session_id" || true) ;;
      *) BEARER=""; MCP_SESSION=$([ "$mode" = session ] && cat "$WORK/$mode-$1.sid" || true) ;;
    esac
    export BEARER MCP_SESSION
  }
  log "mode=$mode: warm-up ${WARM}s each"
  for v in $VARIANTS; do
    echo_env "$v"; wrk_run "${v}_warmup" "${PID_OF[$v]}" 16 "$WARM" "http://127.0.0.1:${PORT_OF[$v]}/mcp" "$ECHO" quiet
  done
  for v in $VARIANTS; do out "${v%%_*}_${mode}_${v#*_}_rss_after_warmup" "$(rss_mib "${PID_OF[$v]}" VmRSS)" MiB; done

  order="ours_auth ours_noauth ours_noauthhdr peer_auth peer_noauth"
  for c in $CONCS; do
    log "mode=$mode: echo c=$c, ${DUR}s each, order: $order"
    declare -A R=() RC=() P99S=()
    for v in $order; do
      echo_env "$v"
      wrk_run "${v%%_*}_echo_${mode}_${v#*_}_c$c" "${PID_OF[$v]}" "$c" "$DUR" "http://127.0.0.1:${PORT_OF[$v]}/mcp" "$ECHO"
      R[$v]=$RPS; RC[$v]=$RPS_CORE; P99S[$v]=$P99
    done
    order=$(echo "$order" | awk '{for(i=NF;i>0;i--) printf "%s%s", $i, (i>1?" ":"")}') # ABBA
    out "ours_echo_${mode}_auth_over_noauthhdr_c$c" "$(ratio "${R[ours_auth]}" "${R[ours_noauthhdr]}")" ratio
    for side in ours peer; do
      out "${side}_echo_${mode}_auth_over_noauth_c$c" "$(ratio "${R[${side}_auth]}" "${R[${side}_noauth]}")" ratio
      out "${side}_echo_${mode}_auth_over_noauth_per_core_c$c" "$(ratio "${RC[${side}_auth]}" "${RC[${side}_noauth]}")" ratio
    done
    out "ratio_echo_${mode}_auth_c${c}_rps_ours_over_peer" "$(ratio "${R[ours_auth]}" "${R[peer_auth]}")" ratio
    out "ratio_echo_${mode}_auth_c${c}_rps_per_core_ours_over_peer" "$(ratio "${RC[ours_auth]}" "${RC[peer_auth]}")" ratio
    out "ratio_echo_${mode}_auth_c${c}_p99_ours_over_peer" "$(ratio "${P99S[ours_auth]}" "${P99S[peer_auth]}")" ratio
    out "ratio_echo_${mode}_noauth_c${c}_rps_ours_over_peer" "$(ratio "${R[ours_noauth]}" "${R[peer_noauth]}")" ratio
  done

  if [ "$mode" = session ] && [ -n "$HELLO_CONCS" ]; then
    for c in $HELLO_CONCS; do
      log "raw Helidon GET /hello c=$c, ${HELLO_DUR}s (ceiling)"
      wrk_run hello_warm "${PID_OF[ours_noauth]}" "$c" 2 "http://127.0.0.1:${PORT_OF[ours_noauth]}/hello" "$HELLO" quiet
      wrk_run "ours_hello_c$c" "${PID_OF[ours_noauth]}" "$c" "$HELLO_DUR" "http://127.0.0.1:${PORT_OF[ours_noauth]}/hello" "$HELLO"
    done
  fi

  if [ "$first_mode" = 1 ] && [ "$TOKENS" = 1 ]; then # the token endpoint does not depend on the MCP mode
    c=$TOKEN_CONC
    declare -A FLOW_SCRIPT=([ours]=$FLOW_OURS [peer]=$FLOW_PEER) SCOPE_OF=([ours]=mcp [peer]=mcp%3Atools) GRANTS=() FLOWS=()
    token_env() { # $1 = side, $2 = pool (main|warm)
      local dir="$WORK/$mode-$1_auth"; [ "$2" = warm ] && dir="$dir-warm"
      export CLIENT_ID REFRESH_FILE="$dir/refresh_tokens" SCOPE_ENC=${SCOPE_OF[$1]} \
        RESOURCE_ENC; CLIENT_ID=$(cat "$dir/client_id"); RESOURCE_ENC=$(urlenc "http://127.0.0.1:${PORT_OF[$1_auth]}/mcp")
    }
    if [ "$TOKEN_WARM" != 0 ]; then
      log "token endpoints: warm-up ${TOKEN_WARM}s flows + ${TOKEN_WARM}s refresh per side"
      for side in ours peer; do
        token_env "$side" warm
        wrk_run "${side}_flow_warm" "${PID_OF[${side}_auth]}" "$c" "$TOKEN_WARM" "http://127.0.0.1:${PORT_OF[${side}_auth]}/" "${FLOW_SCRIPT[$side]}" quiet
        wrk_run "${side}_refresh_warm" "${PID_OF[${side}_auth]}" "$c" "$TOKEN_WARM" "http://127.0.0.1:${PORT_OF[${side}_auth]}/token" "$REFRESH" quiet
      done
    fi
    for side in ours peer; do
      log "token endpoint: rotating refresh_token grants, $side, c=$c, ${DUR}s"
      token_env "$side" main
      wrk_run "${side}_token_refresh_c$c" "${PID_OF[${side}_auth]}" "$c" "$DUR" "http://127.0.0.1:${PORT_OF[${side}_auth]}/token" "$REFRESH"
      lua=$(grep '^LUA' "$WORK/${side}_token_refresh_c$c.wrk")
      GRANTS[$side]=$(awk -v n="$(sed -n 's/.* ok=\([0-9]*\).*/\1/p' <<<"$lua")" -v t="$WALL" 'BEGIN{printf "%.1f", n/t}')
      out "${side}_token_refresh_c${c}_grants_per_s" "${GRANTS[$side]}" grants/s
      out "${side}_token_refresh_c${c}_failed" "$(sed -n 's/.* bad=\([0-9]*\).*/\1/p' <<<"$lua")" count
    done
    for side in peer ours; do
      log "token endpoint: complete flows, $side, c=$c, ${DUR}s"
      token_env "$side" main
      wrk_run "${side}_token_flow_c$c" "${PID_OF[${side}_auth]}" "$c" "$DUR" "http://127.0.0.1:${PORT_OF[${side}_auth]}/" "${FLOW_SCRIPT[$side]}"
      lua=$(grep '^LUA' "$WORK/${side}_token_flow_c$c.wrk")
      FLOWS[$side]=$(awk -v n="$(sed -n 's/.*flows=\([0-9]*\).*/\1/p' <<<"$lua")" -v t="$WALL" 'BEGIN{printf "%.1f", n/t}')
      out "${side}_token_flow_c${c}_flows_per_s" "${FLOWS[$side]}" flows/s
      out "${side}_token_flow_c${c}_flows_per_server_core" "$(awk -v f="${FLOWS[$side]}" -v r="$RPS" -v rc="$RPS_CORE" 'BEGIN{printf "%.1f", (r > 0 ? f * rc / r : 0)}')" flows/core-s
      out "${side}_token_flow_c${c}_failed" "$(sed -n 's/.* bad=\([0-9]*\).*/\1/p' <<<"$lua")" count
    done
    out "ratio_token_refresh_c${c}_ours_over_peer" "$(ratio "${GRANTS[ours]}" "${GRANTS[peer]}")" ratio
    out "ratio_token_flow_c${c}_ours_over_peer" "$(ratio "${FLOWS[ours]}" "${FLOWS[peer]}")" ratio
    first_mode=0
  fi

  for v in $VARIANTS; do
    out "${v%%_*}_${mode}_${v#*_}_rss_end" "$(rss_mib "${PID_OF[$v]}" VmRSS)" MiB
    out "${v%%_*}_${mode}_${v#*_}_rss_peak" "$(rss_mib "${PID_OF[$v]}" VmHWM)" MiB
  done
  if grep -qiE 'exception|error' "$WORK/ours_${mode}_auth.log" "$WORK/ours_${mode}_noauth.log"; then
    log "our server logs mention errors:"; grep -hiE 'exception|error' "$WORK/ours_${mode}_"*.log | sort | uniq -c | head -5 >&2
  fi
  for v in $VARIANTS; do stop_pid "${PID_OF[$v]}"; done
  # forget the stopped ones, so that cleanup never signals a reused PID
  left=(); for p in "${PIDS[@]}"; do [[ " ${PID_OF[*]} " == *" $p "* ]] || left+=("$p"); done; PIDS=("${left[@]}")
done

# Ratios of the startup and memory figures of the auth servers, per mode
for mode in $MODES; do
  for f in startup_first_response startup_first_tools_call rss_after_warmup rss_peak; do
    out "ratio_${mode}_auth_${f}_ours_over_peer" "$(ratio "${FIG[ours_${mode}_auth_$f]}" "${FIG[peer_${mode}_auth_$f]}")" ratio
  done
done
out quiet_wait_total $(( QUIET_SPENT_MS / 1000 )) s
out total_wall $(( ($(now_ms) - T_START) / 1000 )) s
