import asyncio


def T():
    return f"{asyncio.get_running_loop().time():.2f}"


async def setter(fut, value, d):
    await asyncio.sleep(d)
    print(f"{T()} setting {value}")
    fut.set_result(value)
    print(f"{T()} set_result returned, done={fut.done()}")


async def wait_on(f):
    try:
        await f
    except asyncio.CancelledError:
        print(f"{T()} waiter saw CancelledError")
        raise


async def main():
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    fut.add_done_callback(lambda f: print(f"{T()} callback 1 sees {f.result()}"))
    s = asyncio.create_task(setter(fut, 42, 0.5))
    print(f"{T()} awaiting, done={fut.done()}")
    r = await fut
    print(f"{T()} got {r}")
    fut.add_done_callback(lambda f: print(f"{T()} late callback sees {f.result()}"))
    try:
        fut.set_result(1)
    except asyncio.InvalidStateError:
        print(f"{T()} second set_result: InvalidStateError")
    await asyncio.sleep(0)
    await s
    f2 = loop.create_future()
    loop.call_later(0.25, f2.set_exception, ValueError("bad value"))
    try:
        await f2
    except ValueError as e:
        print(f"{T()} f2 raised {e}")
    f3 = loop.create_future()
    t = asyncio.create_task(wait_on(f3))
    await asyncio.sleep(0.1)
    print(f"{T()} cancel returns {f3.cancel()}, again {f3.cancel()}")
    print(f"{T()} f3 cancelled={f3.cancelled()} done={f3.done()}")
    try:
        await t
    except asyncio.CancelledError:
        print(f"{T()} task cancelled={t.cancelled()}")
    f4 = loop.create_future()
    t4 = asyncio.create_task(wait_on(f4))
    await asyncio.sleep(0)
    t4.cancel()
    await asyncio.sleep(0)
    print(f"{T()} cancelling the task cancelled its future: {f4.cancelled()}")
    try:
        await t4
    except asyncio.CancelledError:
        print(f"{T()} done")


asyncio.run(main())
