import asyncio


def T():
    return f"{asyncio.get_running_loop().time():.2f}"


async def job(name, d):
    try:
        await asyncio.sleep(d)
    except asyncio.CancelledError:
        print(f"{T()} {name} cancelled")
        raise
    print(f"{T()} {name} done")
    return name


async def main():
    inner = asyncio.gather(job("a", 0.2), job("b", 0.1))
    outer = asyncio.gather(inner, job("c", 0.15))
    r = await outer
    print(f"{T()} nested results {r}")
    inner = asyncio.gather(job("d", 1), job("e", 1))
    outer = asyncio.gather(inner, job("f", 1))
    await asyncio.sleep(0.5)
    print(f"{T()} outer.cancel() -> {outer.cancel()}")
    try:
        await outer
    except asyncio.CancelledError:
        print(f"{T()} outer raised CancelledError; inner done={inner.done()}")
    print(f"{T()} done")


asyncio.run(main())
