import asyncio


def T():
    return f"{asyncio.get_running_loop().time():.2f}"


async def worker():
    try:
        await asyncio.sleep(1)
    except asyncio.CancelledError:
        t = asyncio.current_task()
        print(f"{T()} worker cancelled, cancelling={t.cancelling()}")
        print(f"{T()} uncancel -> {t.uncancel()}")
        await asyncio.sleep(0.2)
        print(f"{T()} worker carried on, cancelling={t.cancelling()}")
        return "recovered"


async def scoped():
    t = asyncio.current_task()
    try:
        async with asyncio.timeout(0.1):
            await asyncio.sleep(1)
    except TimeoutError:
        print(f"{T()} timeout withdrew its cancel: cancelling={t.cancelling()}")


async def main():
    t = asyncio.create_task(worker())
    await asyncio.sleep(0.1)
    t.cancel()
    t.cancel()
    print(f"{T()} after two cancel() calls cancelling={t.cancelling()}")
    r = await t
    print(f"{T()} result {r}, cancelled={t.cancelled()}, cancelling={t.cancelling()}")
    me = asyncio.current_task()
    print(f"{T()} main cancelling={me.cancelling()}")
    await scoped()


asyncio.run(main())
