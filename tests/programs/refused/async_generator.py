# error: 7:9: `yield` is not supported in Loopscope programs (generators are outside the subset)
import asyncio

async def ticks():
    for i in range(3):
        await asyncio.sleep(1)
        yield i
