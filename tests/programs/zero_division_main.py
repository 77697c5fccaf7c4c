import asyncio

async def compute(n):
    await asyncio.sleep(0)
    return 10 / n

async def main():
    print(await compute(2))
    print(await compute(0))

asyncio.run(main())
