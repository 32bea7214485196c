#!/usr/bin/env bash
# Runs the mcp-oauth JMH benchmarks, building the benchmark jar first when it is missing or older
# than the sources. Extra arguments go to JMH and win over the defaults below, e.g.
#   benchmarks/jmh.sh Bearer                    # benchmarks whose name matches a regex
#   benchmarks/jmh.sh StoreSize -p grants=1000  # one parameter value
#   benchmarks/jmh.sh Refresh -prof gc          # with a profiler (-lprof lists them)
#   benchmarks/jmh.sh -l                        # list the benchmarks
# The defaults suit a noisy 2-core machine: 2 forks, 3 x 1 s warmup, 5 x 1 s measurement, 1 thread,
# results also written as JSON to benchmarks/target/jmh-result.json.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=../scripts/jdk.sh
source "$here/../scripts/jdk.sh"

jar="$here/target/benchmarks.jar"
if [ ! -f "$jar" ] || [ -n "$(find "$here/src" "$here/pom.xml" -newer "$jar" -print -quit)" ]; then
  echo "building $jar" >&2
  # Offline first (the usual case: dependencies are in ~/.m2); online if something is missing.
  mvn -o -q -B package -f "$here/pom.xml" || mvn -q -B package -f "$here/pom.xml"
fi

# A default applies only when the caller did not pass that option (as "-f 1" or "-f1").
given() {
  local flag="$1" arg
  for arg in "${@:2}"; do
    if [ "$arg" = "$flag" ] || [[ "$arg" =~ ^$flag[0-9] ]]; then
      return 0
    fi
  done
  return 1
}
defaults=()
for pair in "-f 2" "-wi 3" "-w 1s" "-i 5" "-r 1s" "-t 1" "-rf json" "-rff $here/target/jmh-result.json"; do
  read -r flag value <<<"$pair"
  given "$flag" "$@" || defaults+=("$flag" "$value")
done

exec "$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED -jar "$jar" "${defaults[@]}" "$@"
