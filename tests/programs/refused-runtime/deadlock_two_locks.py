# error: deadlock: nothing can run
import asyncio

async def worker(first, second, name):
    async with first:
        await asyncio.sleep(0.1)
        async with second:
            print(name, "got both")

async def main():
    a, b = asyncio.Lock(), asyncio.Lock()
    await asyncio.gather(worker(a, b, "x"), worker(b, a, "y"))

asyncio.run(main())
