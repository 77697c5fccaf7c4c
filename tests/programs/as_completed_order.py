import asyncio

async def job(name, d):
    await asyncio.sleep(d)
    return name

async def main():
    coros = [job("slow", 0.3), job("fast", 0.1), job("mid", 0.2)]
    for fut in asyncio.as_completed(coros):
        print(await fut)

asyncio.run(main())
