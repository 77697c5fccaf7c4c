import asyncio

active = 0
peak = 0

async def job(sem, i):
    global active, peak
    async with sem:
        active += 1
        peak = max(peak, active)
        print(f"job {i} in (active {active})")
        await asyncio.sleep(1)
        active -= 1

async def main():
    sem = asyncio.Semaphore(2)
    await asyncio.gather(*[job(sem, i) for i in range(5)])
    print("peak", peak, "time", asyncio.get_running_loop().time())
    print(sem.locked())

asyncio.run(main())
