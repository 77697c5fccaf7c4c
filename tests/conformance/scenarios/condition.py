import asyncio


def T():
    return f"{asyncio.get_running_loop().time():.2f}"


async def consumer(cond, name, box):
    async with cond:
        print(f"{T()} {name} waiting")
        await cond.wait_for(lambda: box)
        item = box.pop(0)
        print(f"{T()} {name} took {item}")


async def waiter(cond):
    async with cond:
        try:
            await cond.wait()
        except asyncio.CancelledError:
            print(f"{T()} waiter cancelled, holds the lock={cond.locked()}")
            raise


async def main():
    cond = asyncio.Condition()
    box = []
    tasks = [asyncio.create_task(consumer(cond, n, box)) for n in ("c1", "c2", "c3")]
    await asyncio.sleep(0.1)
    async with cond:
        box.append("x")
        cond.notify()
        print(f"{T()} notified one")
    await asyncio.sleep(0.1)
    async with cond:
        box.extend(["y", "z"])
        cond.notify_all()
        print(f"{T()} notified all")
    await asyncio.gather(*tasks)
    try:
        cond.notify()
    except RuntimeError as e:
        print(f"{T()} {e}")
    t = asyncio.create_task(waiter(cond))
    await asyncio.sleep(0.1)
    t.cancel()
    try:
        await t
    except asyncio.CancelledError:
        print(f"{T()} lock free again={not cond.locked()}")


asyncio.run(main())
