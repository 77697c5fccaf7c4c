import asyncio

async def job(n):
    try:
        await asyncio.sleep(n)
        return n
    except asyncio.CancelledError:
        print("job", n, "cancelled")
        raise

async def main():
    g = asyncio.gather(job(1), job(2))
    task = asyncio.create_task(asyncio.wait_for(g, 5))
    await asyncio.sleep(0.5)
    task.cancel()
    try:
        await task
    except asyncio.CancelledError:
        print("gather cancelled")

asyncio.run(main())
