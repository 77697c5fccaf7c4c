import asyncio

async def sleeper(name, delays):
    loop = asyncio.get_running_loop()
    for d in delays:
        await asyncio.sleep(d)
        print(f"{loop.time():4.2f} {name}")

async def main():
    await asyncio.gather(sleeper("a", [0.3, 0.3, 0.3]), sleeper("b", [0.5, 0.5]), sleeper("c", [0.2] * 4))

asyncio.run(main())
