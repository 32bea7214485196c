#!/usr/bin/env python3
"""Share of JFR CPU samples whose stack contains each given frame (inclusive time), for profile.sh.

    jfr-inclusive.py RECORDING.jfr 'Class.method' ['Other.frame' ...]
    jfr-inclusive.py RECORDING.jfr --children 'Class.method'    (split of its time by the frame it called)

A frame matches when "<class>.<method>" contains the given text. Samples: jdk.ExecutionSample (Java code
only), or EVENT=jdk.CPUTimeSample for JDK 25's CPU-time sampler, which also counts native code such as
SQLite's (record it with JFR_EVENTS='jdk.CPUTimeSample#enabled=true jdk.CPUTimeSample#throttle=1ms' profile.sh).
"""
import collections
import json
import os
import subprocess
import sys

jfr = os.path.join(os.environ.get("JAVA_HOME", "/usr/lib/jvm/temurin-25-jdk-amd64"), "bin", "jfr")
rec, args = sys.argv[1], sys.argv[2:]
data = json.loads(subprocess.run([jfr, "print", "--json", "--stack-depth", "256", "--events", os.environ.get("EVENT", "jdk.ExecutionSample"), rec],
                                 check=True, capture_output=True, text=True).stdout)
stacks = [[f["method"]["type"]["name"] + "." + f["method"]["name"] for f in e["values"]["stackTrace"]["frames"]]
          for e in data["recording"]["events"]]  # innermost frame first
print(f"{len(stacks)} samples")
if args and args[0] == "--children":
    parent, split = args[1], collections.Counter()
    for frames in stacks:
        # the outermost occurrence of the parent; the frame just inside it is the child
        idx = [i for i, f in enumerate(frames) if parent in f]
        if idx:
            i = idx[-1]
            split[frames[i - 1] if i > 0 else "(self)"] += 1
    for child, n in split.most_common(20):
        print(f"{100.0 * n / max(1, len(stacks)):6.1f}%  {child}")
else:
    for w in args:
        n = sum(1 for frames in stacks if any(w in f for f in frames))
        print(f"{100.0 * n / max(1, len(stacks)):6.1f}%  {w}")
