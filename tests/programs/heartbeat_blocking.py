import asyncio

import time

def cpu_work(seconds):
    end = time.perf_counter() + seconds
    while time.perf_counter() < end:
        pass

async def heartbeat():
    for i in range(4):
        await asyncio.sleep(0.5)
        print(f"beat {i} at {asyncio.get_running_loop().time():.1f}")

async def main():
    t = asyncio.create_task(heartbeat())
    await asyncio.sleep(0.1)
    cpu_work(1.2)
    print("cpu work done")
    await t

asyncio.run(main())
