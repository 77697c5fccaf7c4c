import asyncio

async def main():
    loop = asyncio.get_running_loop()
    try:
        async with asyncio.timeout(1) as cm:
            await asyncio.sleep(0.5)
            cm.reschedule(loop.time() + 2)
            print("extended, expired:", cm.expired())
            await asyncio.sleep(5)
    except TimeoutError:
        print("timed out at", loop.time(), cm.expired())
    try:
        async with asyncio.timeout_at(loop.time() + 0.5):
            await asyncio.sleep(1)
    except TimeoutError:
        print("timeout_at fired at", loop.time())

asyncio.run(main())
