import asyncio

async def child(n):
    await asyncio.sleep(0.1 * n)
    return n

async def parent(k):
    kids = [asyncio.create_task(child(i)) for i in range(k)]
    return sum(await asyncio.gather(*kids))

async def main():
    print(await asyncio.gather(parent(2), parent(3)))
    print(len(asyncio.all_tasks()))

asyncio.run(main())
