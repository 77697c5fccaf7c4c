import asyncio

import time

def blocking_io(name, seconds):
    time.sleep(seconds)
    return f"{name} done"

async def ticker():
    for i in range(3):
        await asyncio.sleep(0.5)
        print("tick", i)

async def main():
    loop = asyncio.get_running_loop()
    start = loop.time()
    t = asyncio.create_task(ticker())
    result = await asyncio.to_thread(blocking_io, "io", 1.2)
    print(result, f"{loop.time() - start:.1f}")
    await t

asyncio.run(main())
