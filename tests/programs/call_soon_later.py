import asyncio

def hello(name):
    print("hello", name, asyncio.get_running_loop().time())

async def main():
    loop = asyncio.get_running_loop()
    loop.call_soon(hello, "soon")
    loop.call_later(0.5, hello, "later")
    h = loop.call_later(0.7, hello, "cancelled")
    loop.call_at(loop.time() + 0.3, hello, "at")
    h.cancel()
    print("scheduled")
    await asyncio.sleep(1)

asyncio.run(main())
