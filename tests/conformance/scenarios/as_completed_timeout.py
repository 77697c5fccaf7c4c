import asyncio


def T():
    return f"{asyncio.get_running_loop().time():.2f}"


async def job(name, d):
    await asyncio.sleep(d)
    print(f"{T()} {name} finished")
    return name


async def main():
    tasks = [asyncio.create_task(job("slow", 2)), asyncio.create_task(job("fast", 0.1)),
             asyncio.create_task(job("mid", 0.5))]
    try:
        for f in asyncio.as_completed(tasks, timeout=1):
            r = await f
            print(f"{T()} got {r}")
    except TimeoutError:
        print(f"{T()} timed out")
    print(f"{T()} slow done={tasks[0].done()}")
    print(f"{T()} slow gives {await tasks[0]}")


asyncio.run(main())
