"""An aiohttp client (and a raw-socket client) our HTTP server is tested against
(tests/engine/net/peer_http_server.cpp). Usage: aiohttp_client.py PORT SCENARIO; prints one result line
per check, "name=value", then "DONE". Scenarios:
  keepalive    20 GETs of /hello through one ClientSession limited to one connection; prints
               the distinct statuses and the last body (the test counts server connections)
  post         POST /echo with a 100 kB body
  pipelined    three GETs written at once on one raw socket; prints the statuses in order
  malformed    a garbage request line on a raw socket; prints the status
  oversized    a 64 kB header on a raw socket; prints the status
  notfound     GET /no-such-route
"""
import asyncio
import re
import sys

import aiohttp


async def raw_exchange(port, payload, read_timeout=5.0):
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    writer.write(payload)
    await writer.drain()
    data = b""
    try:
        while True:
            chunk = await asyncio.wait_for(reader.read(65536), read_timeout)
            if not chunk:
                break
            data += chunk
    except asyncio.TimeoutError:
        pass
    except ConnectionError:
        pass
    writer.close()
    return data


def statuses(data):
    # Bodies are not newline-terminated: a status line may follow a body on the same "line".
    return [m.decode() for m in re.findall(rb"HTTP/1\.[01] (\d{3}) ", data)]


async def main(port, scenario):
    base = f"http://127.0.0.1:{port}"
    if scenario == "keepalive":
        conn = aiohttp.TCPConnector(limit=1)
        async with aiohttp.ClientSession(connector=conn) as s:
            codes = []
            for _ in range(20):
                async with s.get(base + "/hello") as r:
                    codes.append(r.status)
                    body = await r.text()
            print(f"statuses={','.join(map(str, sorted(set(codes))))}")
            print(f"body={body}")
    elif scenario == "post":
        async with aiohttp.ClientSession() as s:
            payload = b"x" * 100_000
            async with s.post(base + "/echo", data=payload) as r:
                got = await r.read()
                print(f"status={r.status}")
                print(f"echo_ok={got == payload}")
    elif scenario == "pipelined":
        data = await raw_exchange(port, b"GET /hello HTTP/1.1\r\nHost: x\r\n\r\n"
                                        b"GET /missing HTTP/1.1\r\nHost: x\r\n\r\n"
                                        b"GET /hello HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
        print(f"statuses={','.join(statuses(data))}")
    elif scenario == "malformed":
        data = await raw_exchange(port, b"\x01GARBAGE\x02 / HTTP/9.9\r\n\r\n")
        print(f"statuses={','.join(statuses(data))}")
    elif scenario == "oversized":
        data = await raw_exchange(port, b"GET /hello HTTP/1.1\r\nX-Big: " + b"a" * 65536 + b"\r\n\r\n")
        print(f"statuses={','.join(statuses(data))}")
    elif scenario == "notfound":
        async with aiohttp.ClientSession() as s:
            async with s.get(base + "/no-such-route") as r:
                print(f"status={r.status}")
    print("DONE", flush=True)


if __name__ == "__main__":
    asyncio.run(main(int(sys.argv[1]), sys.argv[2]))
