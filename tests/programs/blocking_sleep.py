import asyncio

import time

async def ticker():
    for i in range(3):
        await asyncio.sleep(0.5)
        print("tick", i, round(asyncio.get_running_loop().time(), 1))

async def main():
    t = asyncio.create_task(ticker())
    await asyncio.sleep(0.2)
    print("blocking the loop")
    time.sleep(1)
    print("unblocked", round(asyncio.get_running_loop().time(), 1))
    await t

asyncio.run(main())
