# error: limit exceeded: the run would go past
import asyncio

async def main():
    await asyncio.sleep(10 ** 9)

asyncio.run(main())
