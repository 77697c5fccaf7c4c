import asyncio


def T():
    return f"{asyncio.get_running_loop().time():.2f}"


async def main():
    try:
        async with asyncio.timeout(1) as outer:
            try:
                async with asyncio.timeout(0.2) as inner:
                    await asyncio.sleep(0.5)
            except TimeoutError:
                print(f"{T()} inner timed out; outer expired={outer.expired()}")
            await asyncio.sleep(2)
    except TimeoutError:
        print(f"{T()} outer timed out; inner expired={inner.expired()}")
    try:
        async with asyncio.timeout(0.2) as outer:
            async with asyncio.timeout(1) as inner:
                await asyncio.sleep(0.5)
    except TimeoutError:
        print(f"{T()} outer deadline first: inner expired={inner.expired()}, outer expired={outer.expired()}")
    print(f"{T()} cancelling={asyncio.current_task().cancelling()}")


asyncio.run(main())
