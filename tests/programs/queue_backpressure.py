import asyncio

async def producer(q):
    loop = asyncio.get_running_loop()
    for i in range(5):
        await q.put(i)
        print(f"put {i} at {loop.time():.1f}")

async def consumer(q):
    loop = asyncio.get_running_loop()
    for _ in range(5):
        await asyncio.sleep(1)
        item = await q.get()
        print(f"got {item} at {loop.time():.1f}")
        q.task_done()

async def main():
    q = asyncio.Queue(maxsize=2)
    await asyncio.gather(producer(q), consumer(q))
    await q.join()
    print("done")

asyncio.run(main())
