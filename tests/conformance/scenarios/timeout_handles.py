import asyncio


def T():
    return f"{asyncio.get_running_loop().time():.2f}"


async def main():
    loop = asyncio.get_running_loop()
    async with asyncio.timeout(None) as cm:
        print(f"{T()} when={cm.when()}")
        cm.reschedule(loop.time() + 0.5)
        print(f"{T()} rescheduled to {cm.when():.2f}")
        await asyncio.sleep(0.2)
    print(f"{T()} left in time, expired={cm.expired()}")
    try:
        async with asyncio.timeout(0.3) as cm:
            await asyncio.sleep(0.1)
            cm.reschedule(cm.when() + 0.4)
            print(f"{T()} pushed back to {cm.when():.2f}")
            await asyncio.sleep(10)
    except TimeoutError:
        print(f"{T()} timed out, expired={cm.expired()}")
    try:
        async with asyncio.timeout_at(loop.time() + 0.2) as cm:
            cm.reschedule(loop.time())
            await asyncio.sleep(1)
    except TimeoutError:
        print(f"{T()} due-now reschedule timed out, expired={cm.expired()}")
    async with asyncio.timeout(0.1) as cm:
        cm.reschedule(None)
        await asyncio.sleep(0.3)
    print(f"{T()} no deadline, expired={cm.expired()} when={cm.when()}")


asyncio.run(main())
