import asyncio

async def job(d):
    await asyncio.sleep(d)
    return d

async def main():
    t = asyncio.create_task(job(0.5))
    print(await asyncio.wait_for(t, 1))
    t2 = asyncio.create_task(job(5))
    try:
        await asyncio.wait_for(t2, 0.5)
    except TimeoutError:
        print("timeout; task cancelled:", t2.cancelled())

asyncio.run(main())
