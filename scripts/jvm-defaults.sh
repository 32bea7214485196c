# Sourced by scripts/run-example and benchmarks/load/run.sh: the JVM flags the example servers run with
# unless JAVA_OPTS says otherwise. A small heap that starts small, and native memory the JVM no longer uses
# given back to the OS: measured (benchmarks/load/README.md) RSS after warm-up 115-135 MiB instead of
# 250-260 MiB with the JVM's defaults on a 24 GiB machine. The price: under load Serial GC keeps the young
# generation small and collects 140-155 times a second (~7 % of a core); -Xms48m halves that but put the
# session-mode RSS above the TypeScript SDK's in the benchmark. JAVA_OPTS="-Xms48m -Xmx128m" if you prefer.
MCPOAUTH_DEFAULT_JAVA_OPTS="-Xms16m -Xmx128m -XX:TrimNativeHeapInterval=2000"
