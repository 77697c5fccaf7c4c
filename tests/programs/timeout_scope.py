import asyncio

async def main():
    loop = asyncio.get_running_loop()
    try:
        async with asyncio.timeout(1.5):
            for i in range(5):
                await asyncio.sleep(1)
                print("step", i)
    except TimeoutError:
        print("timeout at", loop.time())
    async with asyncio.timeout(10):
        await asyncio.sleep(1)
        print("finished in time", loop.time())
    async with asyncio.timeout(None):
        await asyncio.sleep(0.5)
    print("end", loop.time())

asyncio.run(main())
