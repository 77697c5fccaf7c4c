import asyncio

def T():
    return f"{asyncio.get_running_loop().time():.2f}"

async def ticker():
    await asyncio.sleep(0.1)
    for i in range(6):
        print(f"{T()} tick {i}")
        await asyncio.sleep(0)

async def sleeper(name):
    await asyncio.sleep(0.1)
    print(f"{T()} {name} wakes")
    return name

async def waiter_on(t):
    await t
    print(f"{T()} waiter sees sleeper done")

async def gatherer():
    r = await asyncio.gather(sleeper("gathered"))
    print(f"{T()} gather returned {r}")

async def main():
    t1 = asyncio.create_task(ticker())
    t2 = asyncio.create_task(sleeper("sleeper"))
    t3 = asyncio.create_task(waiter_on(t2))
    t4 = asyncio.create_task(gatherer())
    await t1
    await t3
    await t4
    print(f"{T()} done")

asyncio.run(main())
