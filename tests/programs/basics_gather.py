import asyncio

async def job(name, d):
    print(f"{name} starts")
    await asyncio.sleep(d)
    print(f"{name} done after {d}")
    return name.upper()

async def main():
    t = asyncio.create_task(job("a", 2))
    r = await asyncio.gather(job("b", 1), t)
    print(r, len("héllo"), 1/3, 1e16, [1, 2.5, "x"], {"k": (1,)})
    print(asyncio.current_task().get_name(), t.get_name())

asyncio.run(main())
print("after")
