# 10k tasks spawned and gathered: each awaits one zero sleep and returns its number.
import asyncio

N = 10_000

async def job(i):
    await asyncio.sleep(0)
    return i

async def main():
    tasks = [asyncio.create_task(job(i)) for i in range(N)]
    results = await asyncio.gather(*tasks)
    print(sum(results))

asyncio.run(main())
