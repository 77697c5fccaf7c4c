import asyncio


async def main():
    pq = asyncio.PriorityQueue()
    for item in [(3, "low"), (1, "urgent"), (2, "normal"), (1, "also urgent"), (5, "later")]:
        pq.put_nowait(item)
    print("PriorityQueue qsize", pq.qsize())
    while not pq.empty():
        print("  ", pq.get_nowait())

    lq = asyncio.LifoQueue(maxsize=3)
    for i in range(3):
        await lq.put(i)
    print("LifoQueue full:", lq.full(), "maxsize", lq.maxsize)
    try:
        lq.put_nowait(99)
    except asyncio.QueueFull as e:
        print("QueueFull raised", repr(e))
    print("Lifo order:", [lq.get_nowait() for _ in range(3)])
    try:
        lq.get_nowait()
    except asyncio.QueueEmpty as e:
        print("QueueEmpty raised", repr(e))

    q = asyncio.Queue(maxsize=2)
    q.put_nowait("a")
    q.put_nowait("b")
    try:
        q.put_nowait("c")
    except asyncio.QueueFull:
        print("Queue is full at", q.qsize())

    # join waits until every item got its task_done
    async def worker(name):
        while True:
            item = await q.get()
            await asyncio.sleep(1)
            print(f"{name} handled {item}")
            q.task_done()

    workers = [asyncio.create_task(worker(f"w{i}")) for i in range(2)]
    await q.put("c")
    await q.join()
    print("joined at", asyncio.get_running_loop().time())
    for w in workers:
        w.cancel()
    await asyncio.gather(*workers, return_exceptions=True)
    try:
        q.task_done()
    except ValueError as e:
        print("ValueError:", e)

    # a priority queue with waiting consumers gets the smallest item first
    pq2 = asyncio.PriorityQueue()

    async def taker(name):
        item = await pq2.get()
        print(f"{name} took {item}")

    takers = [asyncio.create_task(taker(f"t{i}")) for i in range(3)]
    await asyncio.sleep(0)
    for p in [9, 4, 6]:
        pq2.put_nowait(p)
    await asyncio.gather(*takers)

    # items that cannot be compared fail like heapq does
    pq3 = asyncio.PriorityQueue()
    pq3.put_nowait(1)
    try:
        pq3.put_nowait("one")
    except TypeError as e:
        print("TypeError:", e)

    # BoundedSemaphore refuses a release above its initial value
    sem = asyncio.BoundedSemaphore(2)
    await sem.acquire()
    sem.release()
    try:
        sem.release()
    except ValueError as e:
        print("ValueError:", e)
    async with sem:
        print("inside, locked:", sem.locked())
    print(type(sem).__name__, isinstance(sem, asyncio.BoundedSemaphore))


asyncio.run(main())
