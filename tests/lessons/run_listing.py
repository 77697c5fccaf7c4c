#!/usr/bin/python3
"""Run one lesson step's Python listing under CPython's asyncio, in virtual time.

Usage: run_listing.py LESSON.json STEP [--set NAME=VALUE]... [--source FILE.py] [--facts FILE.json]

Prints exactly what the listing prints (its stdout), in no real time, so that a test can compare
it line by line with what Loopscope's engine prints for the same step.

How time is made virtual (the listing itself is not edited):
  * asyncio.run() is replaced by a runner that uses VirtualLoop, an asyncio.SelectorEventLoop
    whose time() is a virtual clock. Its selector never sleeps: when the loop would wait for the
    next timer, the clock jumps to that deadline instead.
  * Timers with equal deadlines fire in insertion order (see _SeqTimerHandle).
  * time.monotonic, time.perf_counter and time.time read the virtual clock. time.sleep on the
    loop thread advances it at once (the loop is blocked, as in reality: nothing else runs).
  * time.sleep on a worker thread (asyncio.to_thread / run_in_executor) parks the thread until
    the virtual clock reaches its deadline. While a worker is busy with anything else, the
    selector waits for it in real time; time only jumps when every worker is parked.
  * A module-level function named `cpu_work(seconds)` stands for CPU-bound work (its body is a
    busy loop over time.perf_counter(), which on a frozen virtual clock would never end): the
    harness replaces it with one that blocks the loop thread for `seconds` of virtual time.
  * HTTP steps: the harness serves the step's `server` routes (path, latency, status, body) on
    127.0.0.1 from the same virtual-time loop (a small HTTP/1.1 keep-alive server on asyncio
    streams) and sets the listing's global `BASE` to its URL. Before any time jump the selector
    gives loopback traffic a few real milliseconds to arrive, so latency is virtual too.

Params: the defaults of the step's params, changed with --set, replace the listing's top-level
constants named after them (`JOBS = 3` for a param `jobs`) and give a route's latency when it
names a param (`"latency": "orders"`).

--source FILE.py runs that program instead of the step's listing (an exercise's solution or a
learner's edit), with the step's params and server. --facts FILE.json writes what an exercise
check needs besides the output: {"duration": virtual seconds at the end of the run,
"max_tasks_alive": most tasks alive at once (main's included; every task the loop creates counts:
create_task, gather/wait_for wrapping a coroutine, TaskGroup children), "blocking_sections": calls
of time.sleep / cpu_work on the loop thread, "timer_ties": deadlines a timer shared (within 1 us)
with a pending timer armed at another instant, whose order CPython's real clock does not fix,
"error": the exception's "Type: message" or null}.

Exit status: 0 if the listing ran, 1 if it raised (its traceback goes to stderr), 2 on bad usage.
"""

import asyncio
import heapq
import json
import re
import selectors
import sys
import threading
import time
import traceback

# ---- the virtual clock ------------------------------------------------------------------------


class VirtualClock:
    """Virtual seconds since the start of the run, shared by the loop and its worker threads.

    Invariant: `now` only moves forward, and only on the loop thread (selector jumps, time.sleep
    or cpu_work on the loop thread). Worker threads only read it and wait for it.
    """

    def __init__(self):
        self.now = 0.0
        self.cond = threading.Condition()
        self.jobs_in_flight = 0  # executor jobs submitted whose result the loop has not seen yet
        self.parked = {}  # worker thread id -> virtual deadline of its time.sleep

    def advance_to(self, t):
        with self.cond:
            if t > self.now:
                self.now = t
            self.cond.notify_all()

    def busy_workers(self):
        with self.cond:
            return self.jobs_in_flight - len(self.parked)

    def earliest_parked(self):
        with self.cond:
            return min(self.parked.values()) if self.parked else None

    def sleep_in_worker(self, seconds):
        with self.cond:
            deadline = self.now + max(0.0, seconds)
            me = threading.get_ident()
            self.parked[me] = deadline
            try:
                while self.now < deadline:
                    if not self.cond.wait(timeout=30):
                        raise RuntimeError("virtual clock: a worker waited 30 s of real time")
            finally:
                del self.parked[me]


CLOCK = VirtualClock()
LOOP_THREAD = threading.get_ident()
_real_sleep = time.sleep
_EPOCH = 1_700_000_000.0


FACTS = {"max_tasks_alive": 0, "blocking_sections": 0, "timer_ties": []}
_alive = [0]


def _virtual_sleep(seconds):
    if threading.get_ident() == LOOP_THREAD:
        FACTS["blocking_sections"] += 1
        CLOCK.advance_to(CLOCK.now + max(0.0, seconds))
    else:
        CLOCK.sleep_in_worker(seconds)


def _install_clock():
    time.sleep = _virtual_sleep
    time.monotonic = lambda: CLOCK.now
    time.perf_counter = lambda: CLOCK.now
    time.time = lambda: _EPOCH + CLOCK.now


# ---- the selector that jumps instead of sleeping ----------------------------------------------

SETTLE_SECONDS = 0.01  # real time given to loopback traffic before a jump (HTTP steps only)


class VirtualSelector(selectors.BaseSelector):
    def __init__(self, clock, settle):
        self._real = selectors.DefaultSelector()
        self._clock = clock
        self._settle = settle

    def register(self, fileobj, events, data=None):
        return self._real.register(fileobj, events, data)

    def unregister(self, fileobj):
        return self._real.unregister(fileobj)

    def modify(self, fileobj, events, data=None):
        return self._real.modify(fileobj, events, data)

    def get_key(self, fileobj):
        return self._real.get_key(fileobj)

    def get_map(self):
        return self._real.get_map()

    def close(self):
        self._real.close()

    def select(self, timeout=None):
        events = self._real.select(0)
        if events or timeout == 0:
            return events
        clock = self._clock
        while True:
            if clock.busy_workers() > 0:
                # A worker is running real code: wait for it (its result or its next time.sleep).
                events = self._real.select(0.001)
                if events:
                    return events
                continue
            if self._settle and len(self._real.get_map()) > 1:
                events = self._real.select(SETTLE_SECONDS)
                if events:
                    return events
            targets = []
            if timeout is not None:
                targets.append(clock.now + timeout)
            parked = clock.earliest_parked()
            if parked is not None:
                targets.append(parked)
            if not targets:
                # Nothing virtual to wait for: only a real event (a thread) can wake the loop.
                events = self._real.select(30)
                if not events:
                    raise RuntimeError("virtual loop: nothing can ever happen (deadlock)")
                return events
            target = min(targets)
            clock.advance_to(target)
            if parked is not None and parked <= target:
                continue  # woken workers now run for real; wait for them
            return []


class _SeqTimerHandle(asyncio.TimerHandle):
    """A timer ordered by (deadline, insertion). In real time, equal delays scheduled one after
    another get increasing deadlines, so they fire in insertion order; frozen virtual time makes
    the deadlines exactly equal, and heapq alone would then fire them in no stable order."""

    __slots__ = ("_seq", "_armed_at")

    def __lt__(self, other):
        return (self._when, self._seq) < (other._when, other._seq)

    def __le__(self, other):
        return (self._when, self._seq) <= (other._when, other._seq)

    def __gt__(self, other):
        return (self._when, self._seq) > (other._when, other._seq)

    def __ge__(self, other):
        return (self._when, self._seq) >= (other._when, other._seq)


class VirtualLoop(asyncio.SelectorEventLoop):
    def __init__(self, clock, settle=False):
        self._vclock = clock
        super().__init__(VirtualSelector(clock, settle))

    def time(self):
        return self._vclock.now

    def call_at(self, when, callback, *args, context=None):
        # BaseEventLoop.call_at, with a timer that keeps insertion order among equal deadlines.
        self._check_closed()
        timer = _SeqTimerHandle(when, callback, args, self, context)
        # For --facts: a deadline equal (or within 1 us) to a pending timer's that was armed at
        # another instant. Only equal delays armed one after another at the same instant keep
        # their order under CPython's real clock; such ties are not.
        for other in self._scheduled:
            if not other._cancelled and abs(other._when - when) < 1e-6 and getattr(other, "_armed_at", None) != self._vclock.now:
                FACTS["timer_ties"].append(round(when, 6))
        timer._armed_at = self._vclock.now
        self._timer_seq = getattr(self, "_timer_seq", 0) + 1
        timer._seq = self._timer_seq
        heapq.heappush(self._scheduled, timer)
        timer._scheduled = True
        return timer

    def create_task(self, coro, *, name=None, context=None):
        # Counts tasks alive at once for --facts (asyncio.create_task, ensure_future and
        # TaskGroup all create their tasks here).
        task = super().create_task(coro, name=name, context=context)
        _alive[0] += 1
        FACTS["max_tasks_alive"] = max(FACTS["max_tasks_alive"], _alive[0])

        def finished(_):
            _alive[0] -= 1

        task.add_done_callback(finished)
        return task

    def run_in_executor(self, executor, func, *args):
        with self._vclock.cond:
            self._vclock.jobs_in_flight += 1
        fut = super().run_in_executor(executor, func, *args)

        def finished(_):
            with self._vclock.cond:
                self._vclock.jobs_in_flight -= 1

        fut.add_done_callback(finished)
        return fut


# ---- the lesson's HTTP server -----------------------------------------------------------------

REASONS = {200: "OK", 201: "Created", 204: "No Content", 400: "Bad Request", 404: "Not Found",
           429: "Too Many Requests", 500: "Internal Server Error", 502: "Bad Gateway",
           503: "Service Unavailable", 504: "Gateway Timeout"}


def _latency(value, env):
    """A route's latency: seconds, or the name of one of the step's params."""
    return float(env[value]) if isinstance(value, str) else float(value)


class LessonServer:
    """HTTP/1.1 with keep-alive on 127.0.0.1; each route sleeps its latency (virtual) first."""

    def __init__(self, routes, env):
        self.routes = {}
        for r in routes:
            self.routes[r["path"]] = (_latency(r.get("latency", 0), env), int(r.get("status", 200)),
                                      r.get("body", ""))
        self.server = None
        self.port = None

    async def start(self):
        self.server = await asyncio.start_server(self._serve, "127.0.0.1", 0)
        self.port = self.server.sockets[0].getsockname()[1]

    async def _serve(self, reader, writer):
        try:
            while True:
                head = await reader.readuntil(b"\r\n\r\n")
                target = head.split(b"\r\n", 1)[0].split(b" ")[1].decode()
                path = target.split("?", 1)[0]
                latency, status, body = self.routes.get(path, (0.0, 404, "not found"))
                if latency > 0:
                    await asyncio.sleep(latency)
                data = body.encode()
                writer.write(
                    f"HTTP/1.1 {status} {REASONS.get(status, 'Status')}\r\n"
                    f"Content-Type: text/plain\r\nContent-Length: {len(data)}\r\n\r\n".encode() + data)
                await writer.drain()
        except (asyncio.IncompleteReadError, ConnectionError, asyncio.LimitOverrunError, IndexError):
            pass
        finally:
            writer.close()


# ---- asyncio.run, replaced -------------------------------------------------------------------


def _cancel_all_tasks(loop):
    pending = [t for t in asyncio.all_tasks(loop) if not t.done()]
    if not pending:
        return
    for t in pending:
        t.cancel()
    loop.run_until_complete(asyncio.gather(*pending, return_exceptions=True))


def make_runner(namespace, server):
    def run(main, *, debug=None):
        loop = VirtualLoop(CLOCK, settle=server is not None)
        asyncio.set_event_loop(loop)
        try:
            if server is not None:
                loop.run_until_complete(server.start())
                namespace["BASE"] = f"http://127.0.0.1:{server.port}"
                CLOCK.advance_to(0.0)
            if "cpu_work" in namespace:
                namespace["cpu_work"] = _virtual_sleep
            return loop.run_until_complete(main)
        finally:
            try:
                if server is not None and server.server is not None:
                    server.server.close()
                _cancel_all_tasks(loop)
                loop.run_until_complete(loop.shutdown_asyncgens())
                loop.run_until_complete(loop.shutdown_default_executor())
            finally:
                asyncio.set_event_loop(None)
                loop.close()

    return run


# ---- main ---------------------------------------------------------------------------------


def load_step(path, step_no):
    with open(path, encoding="utf-8") as f:
        lesson = json.load(f)
    steps = lesson["steps"]
    if not 1 <= step_no <= len(steps):
        raise SystemExit(f"{path}: no step {step_no} (the lesson has {len(steps)})")
    return steps[step_no - 1]


def main(argv):
    if len(argv) < 3:
        print(__doc__.split("\n\n")[1], file=sys.stderr)
        return 2
    step = load_step(argv[1], int(argv[2]))
    env = {p["name"]: p["default"] for p in step.get("params", [])}
    rest = argv[3:]
    source_file = facts_file = None
    while rest:
        if rest[0] == "--source" and len(rest) >= 2:
            source_file = rest[1]
        elif rest[0] == "--facts" and len(rest) >= 2:
            facts_file = rest[1]
        elif rest[0] != "--set" or len(rest) < 2 or "=" not in rest[1]:
            print("usage: run_listing.py LESSON.json STEP [--set NAME=VALUE]... [--source FILE.py] [--facts FILE.json]",
                  file=sys.stderr)
            return 2
        else:
            name, value = rest[1].split("=", 1)
            env[name] = float(value) if "." in value else int(value)
        rest = rest[2:]
    python = step["code"]["python"]
    if source_file is not None:
        with open(source_file, encoding="utf-8") as f:
            python = f.read()
    source = "\n".join(python) if isinstance(python, list) else python
    # A param `jobs` is shown in the listing as a top-level constant `JOBS = 3`: set it.
    for name, value in env.items():
        source = re.sub(rf"^{name.upper()} = .*$", f"{name.upper()} = {value!r}", source, flags=re.M)
    server_decl = step.get("server")
    server = LessonServer(server_decl.get("routes", []), env) if server_decl else None

    namespace = {"__name__": "__main__", "__file__": "<listing>"}
    _install_clock()
    asyncio.run = make_runner(namespace, server)
    sys.stdout.reconfigure(line_buffering=True)
    error = None
    try:
        exec(compile(source, "<listing>", "exec"), namespace)
    except SystemExit:
        raise
    except BaseException as e:
        traceback.print_exc()
        error = f"{type(e).__name__}: {e}" if str(e) else type(e).__name__
    if facts_file is not None:
        with open(facts_file, "w", encoding="utf-8") as f:
            json.dump(dict(FACTS, duration=CLOCK.now, error=error), f)
    return 0 if error is None else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv))
