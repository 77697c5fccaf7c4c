# error: ValueError: bad
import asyncio

async def boom():
    raise ValueError("bad")

async def main():
    await asyncio.create_task(boom())

asyncio.run(main())
