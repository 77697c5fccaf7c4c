# error: 4:23: expected ':'
import asyncio

async def worker(name)
    await asyncio.sleep(1)
