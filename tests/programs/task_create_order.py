import asyncio

async def job(n):
    print("start", n)
    await asyncio.sleep(0)
    print("end", n)
    return n * 10

async def main():
    tasks = [asyncio.create_task(job(i)) for i in range(3)]
    print("created, not started yet")
    await asyncio.sleep(0)
    print("after one yield")
    results = [await t for t in tasks]
    print(results, [t.get_name() for t in tasks], [t.done() for t in tasks])

asyncio.run(main())
