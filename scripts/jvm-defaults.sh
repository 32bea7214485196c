# Sourced by scripts/run-example and benchmarks/load/run.sh: the JVM flags the example servers run with
# unless JAVA_OPTS says otherwise. A small heap, and native memory the JVM no longer uses given back to the
# OS: measured (benchmarks/load/README.md) RSS after warm-up 115-145 MiB instead of 250-260 MiB with the
# JVM's defaults on a 24 GiB machine. The heap starts at 48 MiB, not less: a tools/call allocates ~40 KB,
# and with -Xms16m the young generation stayed so small that the server ran 140-155 young GCs a second
# under load (76 with -Xms48m, for ~8 MiB more RSS).
MCPOAUTH_DEFAULT_JAVA_OPTS="-Xms48m -Xmx128m -XX:TrimNativeHeapInterval=2000"
