"""Runs a conformance scenario under CPython's own asyncio, on a virtual clock.

Usage: python3 run_scenario.py SCENARIO.py

The scenario is an ordinary asyncio program (asyncio.run(main())). Only the clock is replaced:
the loop is CPython's SelectorEventLoop, subclassed so that time() is virtual and, when nothing
is ready, time jumps to the next timer deadline (instead of sleeping). The scheduling logic that
decides the printed order is CPython's, untouched, and the suite stays fast and deterministic
(a scaled-down real sleep would be flaky on a loaded machine).

One more detail mimics real time: each call_at/call_later adds a tiny, increasing epsilon to its
deadline, because with a real clock two timers armed one after another never get exactly the
same deadline (and CPython's heap does not keep exact ties in insertion order). The loop's clock
resolution (asyncio's "due if when < now + resolution") is set well above those epsilons, so
timers armed for the same instant are still due together, as they are with a real clock.
"""
import asyncio
import heapq
import runpy
import sys


class VirtualTimeLoop(asyncio.SelectorEventLoop):
    EPSILON = 1e-12

    def __init__(self):
        super().__init__()
        self._vtime = 0.0
        self._arm_seq = 0
        self._clock_resolution = 1e-6

    def time(self):
        return self._vtime

    def call_at(self, when, callback, *args, context=None):
        self._arm_seq += 1
        return super().call_at(when + self._arm_seq * self.EPSILON, callback, *args, context=context)

    def _run_once(self):
        if not self._ready and not self._stopping:
            while self._scheduled and self._scheduled[0]._cancelled:
                handle = heapq.heappop(self._scheduled)
                handle._scheduled = False
                self._timer_cancelled_count -= 1
            if self._scheduled and self._scheduled[0]._when > self._vtime:
                self._vtime = self._scheduled[0]._when
        super()._run_once()


class VirtualTimePolicy(asyncio.DefaultEventLoopPolicy):
    def new_event_loop(self):
        return VirtualTimeLoop()


def main():
    asyncio.set_event_loop_policy(VirtualTimePolicy())
    runpy.run_path(sys.argv[1], run_name="__main__")


if __name__ == "__main__":
    main()
