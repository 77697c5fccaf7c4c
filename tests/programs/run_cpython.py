#!/usr/bin/python3
"""Run a plain asyncio program under CPython in virtual time: the reference side of the corpus.

Usage: run_cpython.py PROGRAM.py

The clock is the one tests/lessons/run_listing.py gives lesson listings (a VirtualLoop whose
selector jumps to the next timer, time.sleep / perf_counter / monotonic on the virtual clock,
to_thread workers parked until the clock reaches their deadline, `cpu_work(seconds)` blocking
the loop for `seconds`), so CPython's scheduling decides the printed order and no real time
passes. Exit status: 0 if the program ran, 1 if it raised (traceback on stderr).
"""
import asyncio
import importlib.util
import os
import sys
import traceback

HERE = os.path.dirname(os.path.abspath(__file__))
spec = importlib.util.spec_from_file_location("run_listing", os.path.join(HERE, "..", "lessons", "run_listing.py"))
run_listing = importlib.util.module_from_spec(spec)
spec.loader.exec_module(run_listing)


def _select(self, timeout=None):
    """run_listing's VirtualSelector.select, with the select timeout kept absolute: after a jump
    to a worker's deadline, the next timer is still `start + timeout`, not `deadline + timeout`
    (otherwise a to_thread result arriving before the next timer delays that timer)."""
    events = self._real.select(0)
    if events or timeout == 0:
        return events
    clock = self._clock
    deadline = None if timeout is None else clock.now + timeout
    while True:
        if clock.busy_workers() > 0:
            events = self._real.select(0.001)
            if events:
                return events
            continue
        targets = [] if deadline is None else [deadline]
        parked = clock.earliest_parked()
        if parked is not None:
            targets.append(parked)
        if not targets:
            events = self._real.select(30)
            if not events:
                raise RuntimeError("virtual loop: nothing can ever happen (deadlock)")
            return events
        target = min(targets)
        clock.advance_to(target)
        if parked is not None and parked <= target:
            events = self._real.select(0.001)
            if events:
                return events
            continue
        return []


run_listing.VirtualSelector.select = _select


def main(argv):
    if len(argv) != 2:
        print("usage: run_cpython.py PROGRAM.py", file=sys.stderr)
        return 2
    with open(argv[1], encoding="utf-8") as f:
        source = f.read()
    namespace = {"__name__": "__main__", "__file__": argv[1]}
    run_listing._install_clock()
    asyncio.run = run_listing.make_runner(namespace, None)
    sys.stdout.reconfigure(line_buffering=True)
    try:
        exec(compile(source, argv[1], "exec"), namespace)
    except SystemExit:
        raise
    except BaseException:
        traceback.print_exc()
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
