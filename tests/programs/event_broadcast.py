import asyncio

async def racer(name, start_gun, d):
    await start_gun.wait()
    await asyncio.sleep(d)
    print(name, "finished")
    return name

async def main():
    gun = asyncio.Event()
    racers = [asyncio.create_task(racer(n, gun, d)) for n, d in [("ann", 0.3), ("bo", 0.1), ("cy", 0.2)]]
    await asyncio.sleep(0.5)
    print("bang")
    gun.set()
    print(await asyncio.gather(*racers))

asyncio.run(main())
