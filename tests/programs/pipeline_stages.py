import asyncio

async def stage(name, inq, outq, factor):
    while True:
        item = await inq.get()
        if item is None:
            await outq.put(None)
            return
        await asyncio.sleep(0.05)
        await outq.put(item * factor)
        print(f"{name}: {item} -> {item * factor}")

async def main():
    q1, q2, q3 = asyncio.Queue(), asyncio.Queue(), asyncio.Queue()
    tasks = [asyncio.create_task(stage("double", q1, q2, 2)), asyncio.create_task(stage("triple", q2, q3, 3))]
    for i in range(1, 4):
        await q1.put(i)
    await q1.put(None)
    results = []
    while (v := await q3.get()) is not None:
        results.append(v)
    await asyncio.gather(*tasks)
    print(results)

asyncio.run(main())
