import asyncio


def T():
    return f"{asyncio.get_running_loop().time():.2f}"


async def ok(name, d):
    await asyncio.sleep(d)
    print(f"{T()} {name} ok")
    return name


async def bad(d):
    await asyncio.sleep(d)
    print(f"{T()} bad raises")
    raise ValueError("boom")


def show(x):
    return type(x).__name__ if isinstance(x, BaseException) else x


async def main():
    slow = asyncio.create_task(ok("slow", 5))
    g = asyncio.gather(ok("x", 0.1), bad(0.2), slow, return_exceptions=True)
    await asyncio.sleep(0.3)
    slow.cancel()
    res = await g
    print(f"{T()} outcomes {[show(x) for x in res]}")
    later = asyncio.create_task(ok("later", 0.5))
    try:
        await asyncio.gather(bad(0.1), later)
    except ValueError as e:
        print(f"{T()} raised {e}; later done={later.done()}")
    print(f"{T()} later gives {await later}")


asyncio.run(main())
