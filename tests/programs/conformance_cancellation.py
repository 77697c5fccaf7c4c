import asyncio

def T():
    return f"{asyncio.get_running_loop().time():.2f}"

async def sleeper(name):
    try:
        print(f"{T()} {name} sleeping")
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        print(f"{T()} {name} got CancelledError")
        raise
    finally:
        print(f"{T()} {name} finally")

async def never_started():
    print("never printed")

async def awaiter(inner):
    try:
        await inner
    except asyncio.CancelledError:
        print(f"{T()} awaiter sees CancelledError")
        raise

async def stubborn():
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        print(f"{T()} stubborn swallows it")
    await asyncio.sleep(0.5)
    print(f"{T()} stubborn goes on")
    return "stubborn result"

async def main():
    t = asyncio.create_task(sleeper("a"))
    await asyncio.sleep(0.1)
    t.cancel()
    try:
        await t
    except asyncio.CancelledError:
        print(f"{T()} a cancelled={t.cancelled()}")

    t = asyncio.create_task(never_started())
    t.cancel()
    try:
        await t
    except asyncio.CancelledError:
        print(f"{T()} never_started cancelled={t.cancelled()}")

    inner = asyncio.create_task(sleeper("inner"))
    outer = asyncio.create_task(awaiter(inner))
    await asyncio.sleep(0.1)
    outer.cancel()
    try:
        await outer
    except asyncio.CancelledError:
        print(f"{T()} inner cancelled={inner.cancelled()} outer cancelled={outer.cancelled()}")

    s = asyncio.create_task(stubborn())
    await asyncio.sleep(0.1)
    s.cancel()
    r = await s
    print(f"{T()} {r} cancelled={s.cancelled()}")

asyncio.run(main())
