#!/usr/bin/env bash
# One-time setup for run.sh: the load generator and tools from Debian, a writable copy of the peer
# harness (../shared/bench/peer-ts, read-only) with its npm dependencies, and this folder's build.
#
#   benchmarks/load/setup.sh            (as root; needs apt, npm and Maven Central access once)
set -euo pipefail
cd "$(dirname "$0")"
HERE=$PWD
PEER_SRC=${PEER_SRC:-$(cd ../../.. && pwd)/shared/bench/peer-ts}
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}

if ! command -v wrk >/dev/null || ! command -v jq >/dev/null || ! command -v curl >/dev/null; then
  apt-get update && apt-get install -y wrk jq curl
fi
[ -d "$PEER_SRC" ] || { echo "peer harness not found at $PEER_SRC (set PEER_SRC)" >&2; exit 1; }
mkdir -p target
rm -rf target/peer-ts
cp -r "$PEER_SRC" target/peer-ts
chmod -R u+w target/peer-ts
(cd target/peer-ts && npm ci --no-audit --no-fund)
# The project must be installed (mvn -o -q -B install -DskipTests at the root) before this folder builds.
(cd ../.. && mvn -o -q -B package -f benchmarks/load/pom.xml)
echo "setup done: peer copy in $HERE/target/peer-ts, servers in $HERE/target"
