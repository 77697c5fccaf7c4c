import asyncio

async def job():
    await asyncio.sleep(0.1)
    return asyncio.current_task().get_name()

async def main():
    loop = asyncio.get_running_loop()
    a = loop.create_task(job())
    b = loop.create_task(job(), name="named")
    c = asyncio.create_task(job())
    print(await a, await b, await c)

asyncio.run(main())
