import asyncio


def T():
    return f"{asyncio.get_running_loop().time():.2f}"


async def work(name, d):
    try:
        await asyncio.sleep(d)
        print(f"{T()} {name} finished")
        return name
    except asyncio.CancelledError:
        print(f"{T()} {name} cancelled")
        raise


async def waiter(inner):
    try:
        r = await asyncio.shield(inner)
        print(f"{T()} waiter got {r}")
    except asyncio.CancelledError:
        print(f"{T()} waiter cancelled, inner done={inner.done()}")
        raise


async def plain(t):
    r = await t
    print(f"{T()} plain got {r}")


async def shielded(t):
    r = await asyncio.shield(t)
    print(f"{T()} shielded got {r}")


async def main():
    inner = asyncio.create_task(work("inner", 1))
    w = asyncio.create_task(waiter(inner))
    await asyncio.sleep(0.5)
    w.cancel()
    try:
        await w
    except asyncio.CancelledError:
        print(f"{T()} w cancelled={w.cancelled()}")
    r = await inner
    print(f"{T()} inner result {r} cancelled={inner.cancelled()}")
    r = await asyncio.shield(inner)
    print(f"{T()} shield of a finished task gives {r}")
    t = asyncio.create_task(work("second", 0.2))
    await asyncio.gather(shielded(t), plain(t))
    print(f"{T()} done")


asyncio.run(main())
