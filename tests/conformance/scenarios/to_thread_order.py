import asyncio
import time


def T():
    return f"{asyncio.get_running_loop().time():.2f}"


def work(name, secs):
    time.sleep(secs)
    return name.upper()


async def job(name, secs):
    return await asyncio.to_thread(work, name, secs)


async def main():
    rs = await asyncio.gather(job("a", 0.05), job("b", 0.0), job("c", 0.02))
    print(f"{T()} results {rs}")
    rs = await asyncio.gather(job("a", 0.0), job("b", 0.05), job("c", 0.02))
    print(f"{T()} swapped durations {rs}")
    t = asyncio.create_task(job("x", 0.03))
    await asyncio.sleep(0)
    print(f"{T()} meanwhile x done={t.done()}")
    print(f"{T()} x gives {await t}")


asyncio.run(main())
