import asyncio

async def worker():
    try:
        await asyncio.sleep(5)
    except asyncio.CancelledError:
        print("worker cancelled")
        raise

async def main():
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(worker())
            await asyncio.sleep(0.1)
            raise ValueError("body failed")
    except* ValueError as eg:
        print("group:", [str(e) for e in eg.exceptions])

asyncio.run(main())
