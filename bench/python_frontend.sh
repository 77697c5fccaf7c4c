#!/bin/sh
# python_frontend.sh — the Python front end against CPython asyncio on the same programs.
#
# Usage: bench/python_frontend.sh [LOOPSCOPE]        (default: build/loopscope)
#
# Runs bench/python/{spawn,ring,timers}.py (10k tasks spawned and gathered; a 1,000-task
# sleep(0) ring of 100 rounds; 100k timers of x % 101 ms) under /usr/bin/python3 (asyncio,
# real clock: the timers really wait up to 0.1 s) and under `loopscope run --clock virtual`
# (engine + Python front end), best of 3 each, whole processes (start-up included; the
# start-up of an empty program is printed too). One line per (implementation, workload) and a
# ratio line per workload. Not a timed test: numbers depend on the host.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
loopscope=${1:-$here/../build/loopscope}
exec /usr/bin/python3 - "$loopscope" "$here/python" <<'PY'
import os, subprocess, sys, tempfile, time

loopscope, progs = sys.argv[1], sys.argv[2]

def best(cmd, runs=3):
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL)
        times.append(time.perf_counter() - t0)
    return min(times)

with tempfile.NamedTemporaryFile("w", suffix=".py", delete=False) as f:
    f.write("import asyncio\n\nasync def main():\n    pass\n\nasyncio.run(main())\n")
    empty = f.name
try:
    cp0 = best(["/usr/bin/python3", empty])
    ls0 = best([loopscope, "run", empty, "--clock", "virtual"])
finally:
    os.unlink(empty)
print(f"peer=cpython workload=startup seconds={cp0:.4f}")
print(f"peer=loopscope workload=startup seconds={ls0:.4f}")
for name in ["spawn", "ring", "timers"]:
    path = os.path.join(progs, name + ".py")
    cp = best(["/usr/bin/python3", path])
    ls = best([loopscope, "run", path, "--clock", "virtual", "--limits", "large"])
    print(f"peer=cpython workload=py_{name} seconds={cp:.4f}")
    print(f"peer=loopscope workload=py_{name} seconds={ls:.4f}")
    print(f"ratio workload=py_{name} cpython/loopscope={cp / ls:.1f}x (without start-up: {(cp - cp0) / max(ls - ls0, 1e-4):.1f}x)")
PY
