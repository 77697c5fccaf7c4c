import asyncio

async def never():
    print("never runs")

async def main():
    t = asyncio.create_task(never())
    t.cancel()
    await asyncio.sleep(0)
    print(t.cancelled(), t.done())

asyncio.run(main())
