import asyncio


def T():
    return f"{asyncio.get_running_loop().time():.2f}"


async def child(name, d, absorb=False):
    try:
        await asyncio.sleep(d)
        print(f"{T()} {name} finished")
        return name
    except asyncio.CancelledError:
        print(f"{T()} {name} got CancelledError")
        if absorb:
            return name + " absorbed"
        raise


async def awaiter():
    await asyncio.gather(child("e", 1), child("f", 1))


async def main():
    g = asyncio.gather(child("a", 1), child("b", 2))
    await asyncio.sleep(0.5)
    print(f"{T()} cancel returns {g.cancel()}")
    try:
        await g
    except asyncio.CancelledError:
        print(f"{T()} gather raised CancelledError, cancelled={g.cancelled()}")
    g = asyncio.gather(child("c", 1, absorb=True), child("d", 1, absorb=True))
    await asyncio.sleep(0.5)
    g.cancel()
    try:
        r = await g
        print(f"{T()} gather returned {r}")
    except asyncio.CancelledError:
        print(f"{T()} absorbed, yet CancelledError; cancelled={g.cancelled()}")
    t = asyncio.create_task(awaiter())
    await asyncio.sleep(0.5)
    t.cancel()
    try:
        await t
    except asyncio.CancelledError:
        print(f"{T()} awaiter cancelled={t.cancelled()}")
    g = asyncio.gather(child("h", 0.1))
    await g
    print(f"{T()} cancel after done returns {g.cancel()}")


asyncio.run(main())
