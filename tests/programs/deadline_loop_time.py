import asyncio

async def main():
    loop = asyncio.get_running_loop()
    deadline = loop.time() + 1
    n = 0
    while loop.time() < deadline:
        await asyncio.sleep(0.25)
        n += 1
    print("iterations", n, loop.time())

asyncio.run(main())
