import asyncio


def T():
    return f"{asyncio.get_running_loop().time():.2f}"


async def consumer(q):
    while True:
        item = await q.get()
        print(f"{T()} consumed {item}")
        q.task_done()
        if item == 0:
            break


async def main():
    pq = asyncio.PriorityQueue()
    for item in [(3, "low"), (1, "high"), (2, "mid"), (1, "also high")]:
        pq.put_nowait(item)
    print(f"{T()} priority order: {[pq.get_nowait()[1] for _ in range(4)]}")
    lq = asyncio.LifoQueue()
    for i in range(3):
        lq.put_nowait(i)
    print(f"{T()} lifo order: {[lq.get_nowait() for _ in range(3)]}")
    q = asyncio.Queue(maxsize=1)
    q.put_nowait("a")
    try:
        q.put_nowait("b")
    except asyncio.QueueFull:
        print(f"{T()} QueueFull, full={q.full()}")
    q.get_nowait()
    try:
        q.get_nowait()
    except asyncio.QueueEmpty:
        print(f"{T()} QueueEmpty, empty={q.empty()}")
    c = asyncio.create_task(consumer(lq))
    await asyncio.sleep(0.1)
    for i in range(3):
        lq.put_nowait(i)
    print(f"{T()} put 0, 1, 2")
    await c
    print(f"{T()} done")


asyncio.run(main())
