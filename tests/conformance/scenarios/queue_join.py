import asyncio


def T():
    return f"{asyncio.get_running_loop().time():.2f}"


async def worker(name, q):
    while True:
        item = await q.get()
        await asyncio.sleep(item)
        print(f"{T()} {name} finished {item}")
        q.task_done()


async def main():
    q = asyncio.Queue()
    for d in [0.35, 0.1, 0.2, 0.1]:
        q.put_nowait(d)
    workers = [asyncio.create_task(worker(f"w{i}", q)) for i in range(2)]
    await q.join()
    print(f"{T()} all items processed")
    for w in workers:
        w.cancel()
    res = await asyncio.gather(*workers, return_exceptions=True)
    print(f"{T()} workers: {[type(r).__name__ for r in res]}")
    try:
        q.task_done()
    except ValueError as e:
        print(f"{T()} {e}")
    await q.join()
    print(f"{T()} join on an idle queue returns at once")


asyncio.run(main())
