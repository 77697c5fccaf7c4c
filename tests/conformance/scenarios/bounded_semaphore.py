import asyncio


def T():
    return f"{asyncio.get_running_loop().time():.2f}"


async def job(sem, name, d):
    async with sem:
        print(f"{T()} {name} in, locked={sem.locked()}")
        await asyncio.sleep(d)
    print(f"{T()} {name} out")


async def main():
    sem = asyncio.BoundedSemaphore(2)
    await asyncio.gather(job(sem, "a", 0.2), job(sem, "b", 0.1), job(sem, "c", 0.1))
    try:
        sem.release()
    except ValueError as e:
        print(f"{T()} {e}")
    await sem.acquire()
    sem.release()
    print(f"{T()} acquire and release once more: fine")


asyncio.run(main())
