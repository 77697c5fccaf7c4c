import asyncio

async def worker(sem, name, hold):
    async with sem:
        print(name, "enter", asyncio.get_running_loop().time())
        await asyncio.sleep(hold)
    print(name, "leave", asyncio.get_running_loop().time())

async def main():
    sem = asyncio.Semaphore(2)
    await asyncio.gather(*(worker(sem, f"w{i}", 0.1 * (i + 1)) for i in range(5)))

asyncio.run(main())
