# error: limit exceeded: more than
import asyncio

async def spin():
    while True:
        await asyncio.sleep(0)

async def main():
    await spin()

asyncio.run(main())
