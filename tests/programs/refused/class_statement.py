# error: 4:1: `class` statements are not supported in Loopscope programs
import asyncio

class Worker:
    async def run(self):
        await asyncio.sleep(1)
