import asyncio

async def leaf(name, d):
    await asyncio.sleep(d)
    print("leaf", name)
    return name

async def subgroup(prefix):
    async with asyncio.TaskGroup() as tg:
        a = tg.create_task(leaf(prefix + "a", 0.2))
        b = tg.create_task(leaf(prefix + "b", 0.1))
    return a.result() + b.result()

async def main():
    async with asyncio.TaskGroup() as tg:
        x = tg.create_task(subgroup("x"))
        y = tg.create_task(subgroup("y"))
    print(x.result(), y.result(), x.get_name(), y.get_name())

asyncio.run(main())
