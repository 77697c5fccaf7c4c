import asyncio

async def child(name):
    print(f"{name} start")
    await asyncio.sleep(0)
    print(f"{name} end")

async def main():
    print("main start")
    tasks = [asyncio.create_task(child(f"c{i}")) for i in range(3)]
    print("main created")
    await asyncio.sleep(0)
    print("main after yield")
    for t in tasks:
        await t
    print("main end")

asyncio.run(main())
