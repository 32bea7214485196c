#!/usr/bin/env bash
# A/B of two benchmark jars on this noisy machine: runs the same JMH selection ROUNDS times,
# alternating the jars (A, B, A, B, ...), and prints each run's score and, per benchmark and
# parameter set, the median of each side and the ratio B/A of the medians.
#   benchmarks/ab.sh OLD.jar NEW.jar ROUNDS JMH-ARGS...
# Build a jar of another commit with: git worktree add /tmp/base <rev>; (cd /tmp/base && mvn -q -B
# install -DskipTests && cd benchmarks && mvn -q -B package); cp /tmp/base/benchmarks/target/benchmarks.jar OLD.jar
# (the benchmark jar bundles the modules installed in ~/.m2 when it is packaged).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=../scripts/jdk.sh
source "$here/../scripts/jdk.sh"
[ $# -ge 3 ] || { echo "usage: $0 A.jar B.jar ROUNDS JMH-ARGS..." >&2; exit 2; }
a="$1" b="$2" rounds="$3"
shift 3
out="$(mktemp -d)"
for ((r = 1; r <= rounds; r++)); do
  for side in A B; do
    jar="$a"; [ "$side" = B ] && jar="$b"
    "$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED -jar "$jar" -rf json -rff "$out/$side-$r.json" "$@" \
      > "$out/$side-$r.log" 2>&1 || { cat "$out/$side-$r.log" >&2; exit 1; }
  done
done
python3 - "$out" "$rounds" <<'PY'
import json, statistics, sys
out, rounds = sys.argv[1], int(sys.argv[2])
scores = {}
for side in "AB":
    for r in range(1, rounds + 1):
        for result in json.load(open(f"{out}/{side}-{r}.json")):
            key = result["benchmark"].split(".")[-1] + str(result.get("params", {}))
            scores.setdefault(key, {"A": [], "B": []})[side].append(result["primaryMetric"]["score"])
            unit = result["primaryMetric"]["scoreUnit"]
for key, s in scores.items():
    ma, mb = statistics.median(s["A"]), statistics.median(s["B"])
    g = lambda x: f"{x:.4g}"
    print(f"{key}: A {g(ma)} [{g(min(s['A']))}-{g(max(s['A']))}]  B {g(mb)} [{g(min(s['B']))}-{g(max(s['B']))}] {unit}"
          f"  B/A {mb / ma:.3f}  (runs A {', '.join(map(g, s['A']))}; B {', '.join(map(g, s['B']))})")
PY
