import asyncio

async def job(n):
    try:
        await asyncio.sleep(n)
        print("job", n, "finished")
    except asyncio.CancelledError:
        print("job", n, "cancelled")
        raise

async def fails():
    await asyncio.sleep(0.5)
    raise ValueError("bad input")

async def main():
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(job(0.2))
            tg.create_task(job(2))
            tg.create_task(fails())
    except* ValueError as eg:
        print("caught", eg.exceptions)
    print("after group")

asyncio.run(main())
