import asyncio

async def job(n):
    await asyncio.sleep(n)
    return n

async def main():
    tasks = [asyncio.create_task(job(d), name=f"j{d}") for d in [0.3, 0.1, 0.2]]
    done, pending = await asyncio.wait(tasks, return_when=asyncio.FIRST_COMPLETED)
    print([t.get_name() for t in done], sorted(t.get_name() for t in pending))
    for t in pending:
        t.cancel()
    await asyncio.sleep(0)
    print(sorted((t.get_name(), t.cancelled()) for t in tasks))

asyncio.run(main())
