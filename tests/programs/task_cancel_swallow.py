import asyncio

async def stubborn():
    for i in range(3):
        try:
            await asyncio.sleep(1)
            print("tick", i)
        except asyncio.CancelledError:
            print("ignoring cancel at", i)
    return "survived"

async def main():
    t = asyncio.create_task(stubborn())
    await asyncio.sleep(1.5)
    t.cancel()
    print(await t, t.cancelled())

asyncio.run(main())
