import asyncio


def T():
    return f"{asyncio.get_running_loop().time():.2f}"


async def worker(name, d):
    try:
        await asyncio.sleep(d)
        print(f"{T()} {name} done")
    except asyncio.CancelledError:
        print(f"{T()} {name} cancelled")
        raise


async def crasher(d):
    await asyncio.sleep(d)
    print(f"{T()} crasher raises")
    raise ValueError("crash")


async def grouped():
    try:
        async with asyncio.TaskGroup() as g:
            g.create_task(worker("w1", 1))
            g.create_task(crasher(0.5))
            await asyncio.sleep(5)
            print("not reached")
    except* ValueError as eg:
        print(f"{T()} group: {len(eg.exceptions)} ValueError")


async def parent():
    try:
        async with asyncio.TaskGroup() as g:
            g.create_task(worker("p1", 1))
    except asyncio.CancelledError:
        print(f"{T()} parent saw CancelledError")
        raise


async def main():
    await grouped()
    t = asyncio.create_task(parent())
    await asyncio.sleep(0.5)
    t.cancel()
    try:
        await t
    except asyncio.CancelledError:
        print(f"{T()} parent cancelled={t.cancelled()}")


asyncio.run(main())
