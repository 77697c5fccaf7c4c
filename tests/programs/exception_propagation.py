import asyncio

async def level3():
    await asyncio.sleep(0.1)
    raise KeyError("deep")

async def level2():
    return await level3()

async def level1():
    try:
        return await level2()
    except KeyError as e:
        print("level1 caught", repr(e))
        raise RuntimeError("wrapped") from e

async def main():
    try:
        await asyncio.create_task(level1())
    except RuntimeError as e:
        print("main caught", e, "cause:", repr(e.__cause__))

asyncio.run(main())
