import asyncio


async def runner(barrier, name, delay):
    await asyncio.sleep(delay)
    print(f"{name} arrives, n_waiting={barrier.n_waiting}")
    index = await barrier.wait()
    print(f"{name} passes with index {index}")
    return index


async def main():
    barrier = asyncio.Barrier(3)
    print("parties", barrier.parties, "n_waiting", barrier.n_waiting, "broken", barrier.broken)
    indexes = await asyncio.gather(runner(barrier, "a", 1), runner(barrier, "b", 2), runner(barrier, "c", 3))
    print("indexes", indexes)

    # the barrier fills again for a second round, here through `async with`
    async def with_runner(name, delay):
        await asyncio.sleep(delay)
        async with barrier as position:
            print(f"{name} in round two at {position}")

    await asyncio.gather(*(with_runner(n, d) for n, d in [("x", 0.5), ("y", 0.25), ("z", 0.75)]))

    # abort breaks it: the waiters and later callers get BrokenBarrierError
    async def doomed(name):
        try:
            await barrier.wait()
        except asyncio.BrokenBarrierError as e:
            print(f"{name}: BrokenBarrierError: {e}")

    waiters = [asyncio.create_task(doomed(n)) for n in ("p", "q")]
    await asyncio.sleep(1)
    print("waiting before abort:", barrier.n_waiting)
    await barrier.abort()
    await asyncio.gather(*waiters)
    print("broken:", barrier.broken)
    try:
        await barrier.wait()
    except asyncio.BrokenBarrierError as e:
        print("late caller:", type(e).__name__, e)
    print("is a RuntimeError:", issubclass(asyncio.BrokenBarrierError, RuntimeError))

    # reset makes it usable again; waiters during a reset see BrokenBarrierError
    await barrier.reset()
    print("after reset broken:", barrier.broken)
    resetters = [asyncio.create_task(doomed(n)) for n in ("r", "s")]
    await asyncio.sleep(1)
    await barrier.reset()
    await asyncio.gather(*resetters)
    print("broken after reset with waiters:", barrier.broken)
    results = await asyncio.gather(runner(barrier, "u", 1), runner(barrier, "v", 1.5), runner(barrier, "w", 2))
    print("usable again:", sorted(results))

    try:
        asyncio.Barrier(0)
    except ValueError as e:
        print("ValueError:", e)


asyncio.run(main())
