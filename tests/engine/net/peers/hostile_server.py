"""A hostile HTTP server for client robustness tests (tests/engine/net/peer_hostile.cpp).

Listens on 127.0.0.1:0, prints "PORT <n>", and misbehaves according to --mode for every
connection once it has read a request head:
  garbage         answers with bytes that are not HTTP
  close-mid-body  promises Content-Length: 1000, sends 10 bytes, closes
  trickle         sends a valid response one byte per second
  silent          never answers (keeps the connection open)
  reset           closes the connection without answering
  huge-header     sends an endless header line
Exits when stdin closes or after --lifetime seconds.
"""
import argparse
import asyncio
import sys

MODE = "garbage"


async def handle(reader, writer):
    try:
        await reader.readuntil(b"\r\n\r\n")
        if MODE == "garbage":
            writer.write(b"\x00\xffTHIS IS NOT HTTP\r\n\r\n\x01\x02" * 10)
            await writer.drain()
            await asyncio.sleep(30)
        elif MODE == "close-mid-body":
            writer.write(b"HTTP/1.1 200 OK\r\nContent-Length: 1000\r\n\r\n0123456789")
            await writer.drain()
        elif MODE == "trickle":
            for b in b"HTTP/1.1 200 OK\r\nContent-Length: 13\r\n\r\nHello, world!":
                writer.write(bytes([b]))
                await writer.drain()
                await asyncio.sleep(1.0)
        elif MODE == "silent":
            await asyncio.sleep(3600)
        elif MODE == "reset":
            pass
        elif MODE == "huge-header":
            writer.write(b"HTTP/1.1 200 OK\r\nX-Endless: ")
            for _ in range(10000):
                writer.write(b"a" * 1024)
                await writer.drain()
    except (ConnectionError, asyncio.IncompleteReadError):
        pass
    finally:
        writer.close()


async def main(lifetime):
    server = await asyncio.start_server(handle, "127.0.0.1", 0)
    print(f"PORT {server.sockets[0].getsockname()[1]}", flush=True)
    loop = asyncio.get_running_loop()
    try:
        await asyncio.wait_for(loop.run_in_executor(None, sys.stdin.read), lifetime)
    except asyncio.TimeoutError:
        pass
    server.close()


if __name__ == "__main__":
    ap = argparse.ArgumentParser()
    ap.add_argument("--mode", default="garbage")
    ap.add_argument("--lifetime", type=float, default=60.0)
    args = ap.parse_args()
    MODE = args.mode
    asyncio.run(main(args.lifetime))
    sys.exit(0)
