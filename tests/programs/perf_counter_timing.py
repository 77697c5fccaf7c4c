import asyncio

import time

async def job(d):
    await asyncio.sleep(d)

async def main():
    start = time.perf_counter()
    await asyncio.gather(job(1), job(2), job(1.5))
    print(f"concurrent: {time.perf_counter() - start:.2f} s")
    start = time.monotonic()
    for d in [0.5, 0.5]:
        await job(d)
    print(f"sequential: {time.monotonic() - start:.2f} s")

asyncio.run(main())
