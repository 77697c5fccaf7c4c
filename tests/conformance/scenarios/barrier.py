import asyncio


def T():
    return f"{asyncio.get_running_loop().time():.2f}"


async def party(b, name, d):
    await asyncio.sleep(d)
    print(f"{T()} {name} arrives, n_waiting={b.n_waiting}")
    i = await b.wait()
    print(f"{T()} {name} passes with index {i}")


async def stuck(b, name):
    try:
        await b.wait()
    except asyncio.BrokenBarrierError:
        print(f"{T()} {name} sees BrokenBarrierError")


async def main():
    b = asyncio.Barrier(3)
    await asyncio.gather(party(b, "a", 0.1), party(b, "b", 0.3), party(b, "c", 0.2))
    print(f"{T()} round two")
    await asyncio.gather(party(b, "d", 0.1), party(b, "e", 0.1), party(b, "f", 0.2))
    ts = [asyncio.create_task(stuck(b, "g")), asyncio.create_task(stuck(b, "h"))]
    await asyncio.sleep(0.1)
    print(f"{T()} aborting with n_waiting={b.n_waiting}")
    await b.abort()
    await asyncio.gather(*ts)
    print(f"{T()} broken={b.broken}")


asyncio.run(main())
