"""An aiohttp server our HTTP client is tested against (tests/engine/net/peer_http_client.cpp).

Listens on 127.0.0.1, port 0 (any free port), prints "PORT <n>" on stdout, and exits when its
stdin is closed (the test holds the other end) or after --lifetime seconds, whichever is first.
Routes:
  GET  /plain            "Hello, world!" (13 bytes, Content-Length)
  GET  /chunked?n=K      K chunks "chunk-<i>;" sent with Transfer-Encoding: chunked
  GET  /large?n=N        N bytes of a repeating pattern
  GET  /slow?secs=S      answers "slow" after S seconds
  POST /echo             echoes the request body; header X-Seen-Length = its length
  GET  /conn             the client's (ip, port) as "ip:port": same port = same connection
  GET  /stats            "connections=<n> requests=<m>" seen so far
  GET  /headers          the request headers as "name: value" lines
  GET  /redirect         302 to /plain
"""
import argparse
import asyncio
import sys

from aiohttp import web

CONNECTIONS = set()
REQUESTS = 0


def pattern(n):
    unit = b"0123456789abcdefghijklmnopqrstuvwxyz\n"
    return (unit * (n // len(unit) + 1))[:n]


@web.middleware
async def count(request, handler):
    global REQUESTS
    REQUESTS += 1
    CONNECTIONS.add(request.transport.get_extra_info("peername"))
    return await handler(request)


async def plain(request):
    return web.Response(body=b"Hello, world!", content_type="text/plain")


async def chunked(request):
    n = int(request.query.get("n", "5"))
    resp = web.StreamResponse()
    resp.enable_chunked_encoding()
    await resp.prepare(request)
    for i in range(n):
        await resp.write(f"chunk-{i};".encode())
    await resp.write_eof()
    return resp


async def large(request):
    return web.Response(body=pattern(int(request.query.get("n", "1000000"))))


async def slow(request):
    await asyncio.sleep(float(request.query.get("secs", "1")))
    return web.Response(text="slow")


async def echo(request):
    body = await request.read()
    return web.Response(body=body, headers={"X-Seen-Length": str(len(body))})


async def conn(request):
    host, port = request.transport.get_extra_info("peername")[:2]
    return web.Response(text=f"{host}:{port}")


async def stats(request):
    return web.Response(text=f"connections={len(CONNECTIONS)} requests={REQUESTS}")


async def headers(request):
    return web.Response(text="".join(f"{k}: {v}\n" for k, v in request.headers.items()))


async def redirect(request):
    raise web.HTTPFound("/plain")


async def main(lifetime):
    app = web.Application(middlewares=[count])
    app.add_routes([web.get("/plain", plain), web.get("/chunked", chunked),
                    web.get("/large", large), web.get("/slow", slow), web.post("/echo", echo),
                    web.get("/conn", conn), web.get("/stats", stats),
                    web.get("/headers", headers), web.get("/redirect", redirect)])
    runner = web.AppRunner(app, access_log=None)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    port = site._server.sockets[0].getsockname()[1]
    print(f"PORT {port}", flush=True)
    loop = asyncio.get_running_loop()
    stdin_closed = loop.run_in_executor(None, sys.stdin.read)
    try:
        await asyncio.wait_for(stdin_closed, lifetime)
    except asyncio.TimeoutError:
        pass
    await runner.cleanup()


if __name__ == "__main__":
    ap = argparse.ArgumentParser()
    ap.add_argument("--lifetime", type=float, default=60.0)
    asyncio.run(main(ap.parse_args().lifetime))
    sys.exit(0)
