# error: RuntimeError: cannot reuse already awaited coroutine
import asyncio

async def job():
    return 1

async def main():
    c = job()
    await c
    await c

asyncio.run(main())
