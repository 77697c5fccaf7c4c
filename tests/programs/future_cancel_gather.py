import asyncio


async def waiter(fut):
    try:
        return await fut
    except asyncio.CancelledError:
        print("waiter: cancelled while awaiting the future")
        raise


async def resolve_later(fut, delay, value):
    await asyncio.sleep(delay)
    fut.set_result(value)


async def work(delay, value):
    await asyncio.sleep(delay)
    return value


async def main():
    loop = asyncio.get_running_loop()

    fut = loop.create_future()
    print("cancel:", fut.cancel("no longer needed"), fut.cancelled(), fut.done())
    print("cancel again:", fut.cancel())
    print(repr(fut))
    try:
        fut.result()
    except asyncio.CancelledError as e:
        print("result() raised CancelledError:", e)
    try:
        fut.exception()
    except asyncio.CancelledError as e:
        print("exception() raised CancelledError:", e)
    try:
        await fut
    except asyncio.CancelledError as e:
        print("await raised CancelledError:", e)

    # cancelling a task that awaits a future cancels the future
    fut2 = loop.create_future()
    t = asyncio.create_task(waiter(fut2))
    await asyncio.sleep(1)
    t.cancel()
    try:
        await t
    except asyncio.CancelledError:
        print("task cancelled; future cancelled too:", fut2.cancelled())

    # gather mixes futures, tasks and coroutines; results in argument order
    f_a = loop.create_future()
    f_b = loop.create_future()
    asyncio.create_task(resolve_later(f_a, 3, "future a"))
    asyncio.create_task(resolve_later(f_b, 1, "future b"))
    results = await asyncio.gather(f_a, work(2, "coro"), f_b, asyncio.create_task(work(0.5, "task")))
    print("gather:", results, "at", loop.time())

    # return_exceptions with a failed and a cancelled future
    f_err = loop.create_future()
    f_err.set_exception(RuntimeError("bad future"))
    f_can = loop.create_future()
    f_can.cancel()
    f_ok = loop.create_future()
    f_ok.set_result(7)
    out = await asyncio.gather(f_ok, f_err, f_can, return_exceptions=True)
    print("return_exceptions:", [type(x).__name__ for x in out], out[0], out[1])

    # without return_exceptions the first failure is raised
    f_late = loop.create_future()
    f_fail = loop.create_future()
    asyncio.create_task(resolve_later(f_late, 1, "late"))
    f_fail.set_exception(ValueError("first failure"))
    try:
        await asyncio.gather(f_late, f_fail)
    except ValueError as e:
        print("gather raised", repr(e))
    await asyncio.sleep(2)
    print("late future still completed:", f_late.result())


asyncio.run(main())
