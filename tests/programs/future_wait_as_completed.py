import asyncio


def resolve(fut, value):
    if not fut.done():
        fut.set_result(value)


def fail(fut, exc):
    fut.set_exception(exc)


async def job(delay, value):
    await asyncio.sleep(delay)
    return value


async def main():
    loop = asyncio.get_running_loop()

    # wait() on futures and tasks together
    f1, f2 = loop.create_future(), loop.create_future()
    t = asyncio.create_task(job(2, "task"))
    loop.call_later(1, resolve, f1, "f1")
    loop.call_later(3, resolve, f2, "f2")
    done, pending = await asyncio.wait([f1, f2, t], return_when=asyncio.FIRST_COMPLETED)
    print("first completed at", loop.time(), "done f1:", f1 in done, "pending:", len(pending))
    done, pending = await asyncio.wait([f1, f2, t], timeout=0.5)
    print("timeout at", loop.time(), "done", len(done), "pending", len(pending))
    done, pending = await asyncio.wait([f1, f2, t])
    print("all at", loop.time(), sorted(f.result() for f in done), len(pending))

    # FIRST_EXCEPTION stops at a failed future
    f3, f4 = loop.create_future(), loop.create_future()
    loop.call_later(1, fail, f3, ValueError("broken"))
    loop.call_later(5, resolve, f4, "slow")
    done, pending = await asyncio.wait([f3, f4], return_when=asyncio.FIRST_EXCEPTION)
    print("first exception at", loop.time(), repr(f3.exception()), "pending f4:", f4 in pending)

    # as_completed yields in completion order, futures and tasks alike
    f5, f6 = loop.create_future(), loop.create_future()
    loop.call_later(2, resolve, f5, "f5 after 2")
    loop.call_later(0.5, resolve, f6, "f6 after 0.5")
    start = loop.time()
    for next_one in asyncio.as_completed([f5, f6, job(1, "job after 1")]):
        value = await next_one
        print(f"{loop.time() - start:.1f}", value)

    # as_completed with a timeout
    f7 = loop.create_future()
    try:
        for next_one in asyncio.as_completed([f7, job(1, "quick")], timeout=2):
            print("got", await next_one)
    except TimeoutError:
        print("as_completed timed out at", loop.time())

    # wait_for on a future: the result, or TimeoutError and the future cancelled
    f8 = loop.create_future()
    loop.call_later(1, resolve, f8, "in time")
    print(await asyncio.wait_for(f8, timeout=2))
    f9 = loop.create_future()
    try:
        await asyncio.wait_for(f9, timeout=1)
    except TimeoutError:
        print("wait_for timed out; future cancelled:", f9.cancelled(), "at", loop.time())
    f10 = loop.create_future()
    try:
        await asyncio.wait_for(f10, timeout=0)
    except TimeoutError:
        print("timeout 0; cancelled:", f10.cancelled())


asyncio.run(main())
