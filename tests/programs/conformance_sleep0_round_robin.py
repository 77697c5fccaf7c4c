import asyncio

async def spinner(name, n):
    for i in range(n):
        print(f"{name} {i}")
        await asyncio.sleep(0)
    print(f"{name} finished")

async def main():
    await asyncio.gather(spinner("a", 3), spinner("b", 2), spinner("c", 3))
    print("done")

asyncio.run(main())
