import asyncio

def T():
    return f"{asyncio.get_running_loop().time():.2f}"

async def producer(q, n):
    for i in range(n):
        await q.put(i)
        print(f"{T()} put {i} size={q.qsize()}")
    await q.put(None)
    print(f"{T()} producer done")

async def consumer(q):
    while True:
        item = await q.get()
        if item is None:
            q.task_done()
            break
        print(f"{T()} got {item}")
        await asyncio.sleep(0.1)
        q.task_done()
    print(f"{T()} consumer done")

async def main():
    q = asyncio.Queue(maxsize=2)
    await asyncio.gather(producer(q, 5), consumer(q))
    await q.join()
    print(f"{T()} joined")

asyncio.run(main())
