# Sourced by scripts/run-example and benchmarks/load/run.sh: the JVM flags the example servers run with
# unless JAVA_OPTS says otherwise. A small heap that starts small, and native memory the JVM no longer
# uses given back to the OS: measured (benchmarks/load/README.md) RSS after warm-up 120-150 MiB instead
# of 250-260 MiB with the JVM's defaults on a 24 GiB machine, at the same throughput.
MCPOAUTH_DEFAULT_JAVA_OPTS="-Xms16m -Xmx128m -XX:TrimNativeHeapInterval=2000"
