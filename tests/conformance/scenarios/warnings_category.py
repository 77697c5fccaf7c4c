import asyncio
import gc
import warnings


def T():
    return f"{asyncio.get_running_loop().time():.2f}"


async def worker():
    print("never printed")


async def main():
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        c = worker()
        del c
        gc.collect()
        warnings.warn("socket left open", ResourceWarning)
    for w in caught:
        print(f"{T()} {w.category.__name__}: {w.message}")


asyncio.run(main())
