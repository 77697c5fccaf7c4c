import asyncio


def T():
    return f"{asyncio.get_running_loop().time():.2f}"


async def sleeper():
    try:
        await asyncio.sleep(1)
    except asyncio.CancelledError as e:
        print(f"{T()} sleeper got CancelledError{e.args}")
        raise


async def main():
    t = asyncio.create_task(sleeper())
    await asyncio.sleep(0.1)
    t.cancel("stop now")
    try:
        await t
    except asyncio.CancelledError:
        print(f"{T()} awaiter sees the task cancelled={t.cancelled()}")
    fut = asyncio.get_running_loop().create_future()
    fut.cancel("no longer needed")
    try:
        fut.result()
    except asyncio.CancelledError as e:
        print(f"{T()} result() raises CancelledError{e.args}")
    t = asyncio.create_task(sleeper())
    await asyncio.sleep(0)
    t.cancel()
    try:
        await t
    except asyncio.CancelledError:
        print(f"{T()} done")


asyncio.run(main())
