import asyncio

async def job(n, boom=False):
    await asyncio.sleep(n)
    if boom:
        raise RuntimeError("boom")
    return n

async def main():
    tasks = [asyncio.create_task(job(0.1)), asyncio.create_task(job(0.2, True)), asyncio.create_task(job(0.5))]
    done, pending = await asyncio.wait(tasks, return_when=asyncio.FIRST_EXCEPTION)
    print(len(done), len(pending))
    for t in tasks:
        if t in done:
            print("done:", repr(t.exception()) if t.exception() else t.result())
    await asyncio.wait(pending)
    print("rest finished:", tasks[2].result())

asyncio.run(main())
