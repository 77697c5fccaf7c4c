import asyncio

async def job(n):
    await asyncio.sleep(n)
    return n

async def main():
    loop = asyncio.get_running_loop()
    tasks = [asyncio.create_task(job(n)) for n in [1, 5]]
    done, pending = await asyncio.wait(tasks, timeout=2)
    print(len(done), len(pending), f"{loop.time():.1f}")
    print(tasks[1].done(), "wait does not cancel")
    tasks[1].cancel()

asyncio.run(main())
