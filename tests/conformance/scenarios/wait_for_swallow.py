import asyncio


def T():
    return f"{asyncio.get_running_loop().time():.2f}"


async def stubborn(name):
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        print(f"{T()} {name} swallows the cancel")
        await asyncio.sleep(0.2)
        print(f"{T()} {name} returns anyway")
        return name + " value"


async def main():
    r = await asyncio.wait_for(stubborn("inner"), 0.5)
    print(f"{T()} wait_for returned {r}")
    t = asyncio.create_task(asyncio.wait_for(stubborn("second"), 5))
    await asyncio.sleep(0.1)
    t.cancel()
    try:
        r = await t
        print(f"{T()} outer returned {r}")
    except asyncio.CancelledError:
        print(f"{T()} outer cancelled anyway, cancelled={t.cancelled()}")


asyncio.run(main())
