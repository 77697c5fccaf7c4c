#!/usr/bin/python3
"""asyncio_peer.py — the CPython asyncio (and uvloop) peer of bench/run.

Usage: asyncio_peer.py WORKLOAD [--uvloop] [--repeat N] [--budget SECONDS]
  WORKLOAD: spawn | switch | timers | memory | http | http-aiohttp
Prints one line per run in bench/run's format, e.g.
  peer=asyncio workload=switch n=1000000 seconds=1.21 per_op_ns=1210.0
Each process runs one workload so that the memory workload measures a fresh process.

Sections: shared helpers · spawn · switch · timers · memory · http (streams) · http (aiohttp)
· main

Workloads (the same in every peer; see bench/README.md):
  spawn   100k tasks, each awaits one sleep(0); then gather them all. ns per task.
  switch  1k tasks x 1k sleep(0) each = 1M switches. ns per switch.
  timers  100k tasks; task i sleeps (x_i % 101) ms where x_i is the i-th output of the LCG
          state = (state * 1103515245 + 12345) mod 2^31, state_0 = 12345, x_i = state_i (i >= 1).
          Real clock. Total seconds; lateness = wake time - (sleep start + delay), mean and max.
  memory  100k tasks suspended in sleep(1); bytes per task from the RSS delta (/proc/self/statm).
  http    100 clients x 100 keep-alive GETs of a 13-byte body over 127.0.0.1, client and server
          in this one process and loop. Requests per second.
"""
import asyncio
import gc
import os
import sys
import time

BODY = b"Hello, world!"
RESPONSE = (b"HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 13\r\n\r\n" + BODY)
REQUEST = b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"


# ---- shared helpers -----------------------------------------------------------------------
def lcg_delays_ms(n, seed=12345):
    """The n delays (ms) of the timers workload: x % 101 for the LCG's outputs after the seed."""
    state = seed
    out = []
    for _ in range(n):
        state = (state * 1103515245 + 12345) & 0x7FFFFFFF
        out.append(state % 101)
    return out


def rss_bytes():
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")


def emit(peer, workload, **fields):
    parts = [f"peer={peer}", f"workload={workload}"]
    for k, v in fields.items():
        parts.append(f"{k}={v:.6g}" if isinstance(v, float) else f"{k}={v}")
    print(" ".join(parts), flush=True)


# ---- spawn --------------------------------------------------------------------------------
async def spawn(n=100_000):
    async def child():
        await asyncio.sleep(0)

    t0, c0 = time.perf_counter(), time.process_time()
    tasks = [asyncio.create_task(child()) for _ in range(n)]
    await asyncio.gather(*tasks)
    dt, cpu = time.perf_counter() - t0, time.process_time() - c0
    return dict(n=n, seconds=dt, per_op_ns=dt / n * 1e9, cpu_seconds=cpu)


# ---- switch -------------------------------------------------------------------------------
async def switch(tasks=1000, switches=1000):
    async def child():
        for _ in range(switches):
            await asyncio.sleep(0)

    t0, c0 = time.perf_counter(), time.process_time()
    await asyncio.gather(*[asyncio.create_task(child()) for _ in range(tasks)])
    dt, cpu = time.perf_counter() - t0, time.process_time() - c0
    n = tasks * switches
    return dict(n=n, seconds=dt, per_op_ns=dt / n * 1e9, cpu_seconds=cpu)


# ---- timers -------------------------------------------------------------------------------
async def timers(n=100_000):
    delays = [d / 1000.0 for d in lcg_delays_ms(n)]
    late = []
    clock = time.perf_counter

    async def child(d):
        start = clock()
        await asyncio.sleep(d)
        late.append(clock() - start - d)

    t0, c0 = clock(), time.process_time()
    await asyncio.gather(*[asyncio.create_task(child(d)) for d in delays])
    dt, cpu = clock() - t0, time.process_time() - c0
    return dict(n=n, seconds=dt, mean_late_ms=sum(late) / len(late) * 1e3,
                max_late_ms=max(late) * 1e3, cpu_seconds=cpu)


# ---- memory -------------------------------------------------------------------------------
async def memory(n=100_000):
    async def child():
        await asyncio.sleep(1.0)

    gc.collect()
    before = rss_bytes()
    tasks = [asyncio.create_task(child()) for _ in range(n)]
    await asyncio.sleep(0)  # every task has started and is now parked on its timer
    after = rss_bytes()
    for t in tasks:
        t.cancel()
    await asyncio.gather(*tasks, return_exceptions=True)
    return dict(n=n, rss_delta=after - before, bytes_per_task=(after - before) / n)


# ---- http (asyncio streams: a minimal hand-written HTTP/1.1) ------------------------------
async def http_streams(clients=100, requests=100):
    async def handle(reader, writer):
        try:
            while True:
                head = await reader.readuntil(b"\r\n\r\n")
                if not head:
                    break
                writer.write(RESPONSE)
                await writer.drain()
        except (asyncio.IncompleteReadError, ConnectionError):
            pass
        finally:
            writer.close()

    server = await asyncio.start_server(handle, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]

    async def client():
        reader, writer = await asyncio.open_connection("127.0.0.1", port)
        for _ in range(requests):
            writer.write(REQUEST)
            head = await reader.readuntil(b"\r\n\r\n")
            length = 0
            for line in head.split(b"\r\n"):
                if line[:15].lower() == b"content-length:":
                    length = int(line[15:])
            body = await reader.readexactly(length)
            if body != BODY:
                raise RuntimeError("bad body")
        writer.close()
        await writer.wait_closed()

    t0, c0 = time.perf_counter(), time.process_time()
    await asyncio.gather(*[client() for _ in range(clients)])
    dt, cpu = time.perf_counter() - t0, time.process_time() - c0
    server.close()
    await server.wait_closed()
    n = clients * requests
    return dict(n=n, seconds=dt, req_per_s=n / dt, cpu_seconds=cpu)


# ---- http (aiohttp client and server) -----------------------------------------------------
async def http_aiohttp(clients=100, requests=100):
    from aiohttp import web, ClientSession, TCPConnector

    async def hello(_request):
        return web.Response(text="Hello, world!")

    app = web.Application()
    app.router.add_get("/", hello)
    runner = web.AppRunner(app, access_log=None)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    port = site._server.sockets[0].getsockname()[1]
    url = f"http://127.0.0.1:{port}/"

    async def client():
        # One session per client, one keep-alive connection each.
        async with ClientSession(connector=TCPConnector(limit=1)) as session:
            for _ in range(requests):
                async with session.get(url) as resp:
                    body = await resp.read()
                    if body != BODY:
                        raise RuntimeError("bad body")

    t0, c0 = time.perf_counter(), time.process_time()
    await asyncio.gather(*[client() for _ in range(clients)])
    dt, cpu = time.perf_counter() - t0, time.process_time() - c0
    await runner.cleanup()
    n = clients * requests
    return dict(n=n, seconds=dt, req_per_s=n / dt, cpu_seconds=cpu)


# ---- main ---------------------------------------------------------------------------------
WORKLOADS = {
    "spawn": (spawn, "spawn"),
    "switch": (switch, "switch"),
    "timers": (timers, "timers"),
    "memory": (memory, "memory"),
    "http": (http_streams, "http"),
    "http-aiohttp": (http_aiohttp, "http"),
}


def main(argv):
    if len(argv) < 2 or argv[1] not in WORKLOADS:
        print(f"usage: {argv[0]} {{{'|'.join(WORKLOADS)}}} [--uvloop] [--repeat N]",
              file=sys.stderr)
        return 2
    fn, workload = WORKLOADS[argv[1]]
    use_uvloop = "--uvloop" in argv
    repeat = int(argv[argv.index("--repeat") + 1]) if "--repeat" in argv else 1
    # --budget S: no further run once the runs so far took S seconds (keeps bench/run bounded
    # on a loaded machine); at least one run always happens.
    budget = float(argv[argv.index("--budget") + 1]) if "--budget" in argv else float("inf")
    peer = "uvloop" if use_uvloop else "asyncio"
    if argv[1] == "http-aiohttp":
        peer = "aiohttp"
    if use_uvloop:
        try:
            import uvloop
        except ImportError as e:
            print(f"peer={peer} workload={workload} skipped "
                  f"reason=python3-uvloop not installed ({e})")
            return 0
        new_loop = uvloop.new_event_loop
    else:
        new_loop = asyncio.new_event_loop
    if argv[1] == "http-aiohttp":
        try:
            import aiohttp  # noqa: F401
        except ImportError:
            print(f"peer={peer} workload={workload} skipped reason=python3-aiohttp not installed")
            return 0
    started = time.monotonic()
    for _ in range(repeat):
        if time.monotonic() - started > budget:
            break
        loop = new_loop()
        try:
            fields = loop.run_until_complete(fn())
        finally:
            loop.close()
        emit(peer, workload, **fields)
        gc.collect()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
