import asyncio

async def work():
    await asyncio.sleep(0.1)
    return asyncio.current_task().get_name()

async def main():
    print(asyncio.current_task().get_name())
    a = asyncio.create_task(work())
    b = asyncio.create_task(work(), name="fetcher")
    c = asyncio.create_task(work())
    print(await a, await b, await c)
    d = asyncio.ensure_future(work())
    print(await d)

asyncio.run(main())
