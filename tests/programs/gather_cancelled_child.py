import asyncio

async def job(n):
    await asyncio.sleep(n)
    return n

async def main():
    t1 = asyncio.create_task(job(1))
    t2 = asyncio.create_task(job(2))
    t2.cancel()
    results = await asyncio.gather(t1, t2, return_exceptions=True)
    print([type(r).__name__ for r in results], results[0])
    t3 = asyncio.create_task(job(1))
    t3.cancel()
    try:
        await asyncio.gather(t3)
    except asyncio.CancelledError:
        print("gather raised CancelledError")

asyncio.run(main())
