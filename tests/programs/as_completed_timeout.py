import asyncio

async def job(d):
    await asyncio.sleep(d)
    return d

async def main():
    tasks = [asyncio.create_task(job(d)) for d in [0.5, 3]]
    try:
        for fut in asyncio.as_completed(tasks, timeout=1):
            print("got", await fut)
    except TimeoutError:
        print("as_completed timed out")
    for t in tasks:
        t.cancel()

asyncio.run(main())
