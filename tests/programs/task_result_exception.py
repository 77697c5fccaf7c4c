import asyncio

async def ok():
    await asyncio.sleep(0.1)
    return "fine"

async def bad():
    await asyncio.sleep(0.2)
    raise ValueError("broken")

async def main():
    t1 = asyncio.create_task(ok())
    t2 = asyncio.create_task(bad())
    try:
        t1.result()
    except asyncio.InvalidStateError as e:
        print("not ready:", e)
    await asyncio.sleep(0.5)
    print(t1.done(), t1.result(), t1.exception(), t1.cancelled())
    print(t2.done(), repr(t2.exception()))
    try:
        t2.result()
    except ValueError as e:
        print("result raised", e)

asyncio.run(main())
