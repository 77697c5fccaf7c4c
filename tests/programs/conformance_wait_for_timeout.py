import asyncio

def T():
    return f"{asyncio.get_running_loop().time():.2f}"

async def slow(name, d):
    try:
        print(f"{T()} {name} start")
        await asyncio.sleep(d)
        print(f"{T()} {name} end")
        return name
    finally:
        print(f"{T()} {name} cleanup")

async def main():
    r = await asyncio.wait_for(slow("quick", 0.1), timeout=1)
    print(f"{T()} got {r}")
    try:
        await asyncio.wait_for(slow("sluggish", 5), timeout=0.5)
    except asyncio.TimeoutError:
        print(f"{T()} timed out")
    try:
        async with asyncio.timeout(0.25):
            await slow("scoped", 2)
    except TimeoutError:
        print(f"{T()} scope timed out")
    print(f"{T()} done")

asyncio.run(main())
