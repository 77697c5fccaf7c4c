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

async def main():
    try:
        async with asyncio.TaskGroup() as g:
            g.create_task(worker("quick", 0.1))
            g.create_task(worker("slow", 1))
            g.create_task(crasher(0.3))
    except* ValueError as eg:
        print(f"{T()} group failed with {len(eg.exceptions)} error(s): {eg.exceptions[0]}")
    async with asyncio.TaskGroup() as g:
        g.create_task(worker("p", 0.2))
        g.create_task(worker("q", 0.1))
    print(f"{T()} second group ok")

asyncio.run(main())
