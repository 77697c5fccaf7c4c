# error: ExceptionGroup: unhandled errors in a TaskGroup (1 sub-exception)
import asyncio

async def boom():
    await asyncio.sleep(0.1)
    raise KeyError("x")

async def main():
    async with asyncio.TaskGroup() as tg:
        tg.create_task(boom())

asyncio.run(main())
