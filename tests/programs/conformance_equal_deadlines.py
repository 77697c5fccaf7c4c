import asyncio

def T():
    return f"{asyncio.get_running_loop().time():.2f}"

async def sleeper(name, d):
    await asyncio.sleep(d)
    print(f"{T()} {name}")

async def main():
    loop = asyncio.get_running_loop()
    for i in range(3):
        loop.call_later(0.5, lambda i=i: print(f"{T()} cb{i}"))
    tasks = [asyncio.create_task(sleeper(f"s{i}", 0.5)) for i in range(3)]
    tasks.append(asyncio.create_task(sleeper("early", 0.25)))
    await asyncio.gather(*tasks)
    print(f"{T()} done")

asyncio.run(main())
