import asyncio

async def square(x, delay):
    await asyncio.sleep(delay)
    print("computed", x)
    return x * x

async def main():
    loop = asyncio.get_running_loop()
    start = loop.time()
    results = await asyncio.gather(square(2, 0.3), square(3, 0.1), square(4, 0.2))
    print(results, f"{loop.time() - start:.1f}")
    print(await asyncio.gather())
    coros = [square(i, 0) for i in range(4)]
    print(await asyncio.gather(*coros))

asyncio.run(main())
