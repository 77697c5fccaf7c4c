import asyncio

async def val(x):
    await asyncio.sleep(0.01)
    return x

async def main():
    total = await val(1) + await val(2) * await val(3)
    print(total, [await val(i) for i in range(3)], {"k": await val("v")}, (await val(5), await val(6)))
    if await val(True):
        print("awaited condition")
    print(f"formatted {await val(3.14159):.2f}", await val("a") == "a", not await val(False))
    x = await val(None) or await val("fallback")
    print(x)
    n = 0
    while await val(n) < 3:
        n += 1
    print("n", n)

asyncio.run(main())
