import asyncio

import time

JOBS = 3

async def job(i):
    await asyncio.sleep(2)
    return i

def blocking_job(i):
    time.sleep(2)
    return i

async def main():
    loop = asyncio.get_running_loop()
    start = loop.time()
    print([blocking_job(i) for i in range(JOBS)], f"{loop.time() - start:.1f} s blocking")
    start = loop.time()
    print(await asyncio.gather(*(job(i) for i in range(JOBS))), f"{loop.time() - start:.1f} s concurrent")

asyncio.run(main())
