# Sourced by cpu-split.sh, header-cost.sh, profile.sh and startup.sh: the java commands of our two servers,
# pinned to CPU 0 as in run.sh (whose own launch lines also pin per variant and record PIDs for its cleanup).
# JVM flags: JAVA_OPTS if set (even empty), else those of scripts/run-example (scripts/jvm-defaults.sh);
# flags given to a call come after them. Each call starts one server in the background and sets SERVER_PID.
LOAD_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source=../../scripts/jvm-defaults.sh
source "$LOAD_DIR/../../scripts/jvm-defaults.sh"
LOAD_JAVA=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java

# start_auth MODULES PORT DB LOG [FLAG...]: FileCredentialsServer (examples/users.txt), rate limits off.
start_auth() {
  local modules=$1 port=$2 db=$3 log=$4
  shift 4
  # shellcheck disable=SC2086 # JAVA_OPTS is a list of flags
  taskset -c 0 "$LOAD_JAVA" --enable-native-access=org.xerial.sqlitejdbc ${JAVA_OPTS-$MCPOAUTH_DEFAULT_JAVA_OPTS} \
    -Dmcpoauth.rate.limit.register=off -Dmcpoauth.rate.limit.token=off -Dmcpoauth.rate.limit.login=off "$@" \
    --module-path "$modules" --module dev.mcpoauth.examples/dev.mcpoauth.examples.FileCredentialsServer \
    --host 127.0.0.1 --port "$port" --db "$db" --users "$LOAD_DIR/../../examples/users.txt" >"$log" 2>&1 &
  SERVER_PID=$!
}

# start_noauth PORT LOG [FLAG...]: OpenMcpServer, on the class path of target/modules and this folder's classes.
start_noauth() {
  local port=$1 log=$2
  shift 2
  # shellcheck disable=SC2086 # JAVA_OPTS is a list of flags
  taskset -c 0 "$LOAD_JAVA" --enable-native-access=ALL-UNNAMED ${JAVA_OPTS-$MCPOAUTH_DEFAULT_JAVA_OPTS} "$@" \
    -cp "$LOAD_DIR/target/modules/*:$LOAD_DIR/target/classes" dev.mcpoauth.bench.load.OpenMcpServer \
    --host 127.0.0.1 --port "$port" >"$log" 2>&1 &
  SERVER_PID=$!
}
