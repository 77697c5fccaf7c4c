import asyncio

async def inner(n):
    print("inner", n, asyncio.current_task().get_name())
    await asyncio.sleep(0.1)
    return n + 1

async def outer():
    a = await inner(1)
    b = await inner(a)
    return a, b

async def main():
    print(await outer())
    t = asyncio.create_task(outer())
    print(await t)

asyncio.run(main())
