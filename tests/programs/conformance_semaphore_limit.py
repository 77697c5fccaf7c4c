import asyncio

def T():
    return f"{asyncio.get_running_loop().time():.2f}"

inside = 0

async def job(sem, i):
    global inside
    async with sem:
        inside += 1
        print(f"{T()} job {i} in ({inside} inside)")
        await asyncio.sleep(0.1 * (1 + i % 2))
        inside -= 1
    print(f"{T()} job {i} out")

async def main():
    sem = asyncio.Semaphore(2)
    await asyncio.gather(*(job(sem, i) for i in range(5)))
    print(f"{T()} done")

asyncio.run(main())
