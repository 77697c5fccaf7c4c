import asyncio

def T():
    return f"{asyncio.get_running_loop().time():.2f}"

async def job(name, d, fail=False):
    print(f"{T()} {name} start")
    await asyncio.sleep(d)
    if fail:
        raise ValueError(f"{name} failed")
    print(f"{T()} {name} end")
    return name.upper()

async def main():
    r = await asyncio.gather(job("a", 0.3), job("b", 0.1), job("c", 0.2))
    print(f"{T()} results {r}")
    r = await asyncio.gather(job("d", 0.2), job("e", 0.1, fail=True), return_exceptions=True)
    print(f"{T()} with exceptions {[str(x) for x in r]}")
    try:
        await asyncio.gather(job("f", 0.3), job("g", 0.1, fail=True))
    except ValueError as e:
        print(f"{T()} caught {e}")
    await asyncio.sleep(0.5)
    print(f"{T()} done")

asyncio.run(main())
