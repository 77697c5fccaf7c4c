# error: limit exceeded: more than 100000 tasks alive at once
import asyncio

async def idle():
    await asyncio.sleep(10)

async def main():
    tasks = [asyncio.create_task(idle()) for _ in range(200000)]
    await asyncio.gather(*tasks)

asyncio.run(main())
