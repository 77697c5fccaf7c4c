import asyncio

async def job(n):
    await asyncio.sleep(n / 10)
    return n * n

def report(task):
    print("callback:", task.get_name(), task.result())

async def main():
    tasks = []
    for n in [3, 1, 2]:
        t = asyncio.create_task(job(n), name=f"job{n}")
        t.add_done_callback(report)
        tasks.append(t)
    await asyncio.gather(*tasks)
    await asyncio.sleep(0)
    print("all done")

asyncio.run(main())
