import asyncio


async def save(name, seconds):
    print(f"{name}: saving")
    try:
        await asyncio.sleep(seconds)
    except asyncio.CancelledError:
        print(f"{name}: cancelled (should not happen)")
        raise
    print(f"{name}: saved")
    return f"{name} ok"


async def caller(inner):
    try:
        return await asyncio.shield(inner)
    except asyncio.CancelledError:
        print("caller: cancelled, the shielded work goes on")
        raise


async def main():
    loop = asyncio.get_running_loop()

    # cancelling the awaiter of a shield leaves the inner task running
    inner = asyncio.create_task(save("inner", 3), name="inner")
    outer_task = asyncio.create_task(caller(inner), name="caller")
    await asyncio.sleep(1)
    outer_task.cancel()
    try:
        await outer_task
    except asyncio.CancelledError:
        print("caller task cancelled:", outer_task.cancelled(), "inner done:", inner.done())
    print("inner result:", await inner, "at", loop.time())

    # a shield around a coroutine; the outer future can be cancelled directly
    outer = asyncio.shield(save("coro", 2))
    print("shield returns", type(outer).__name__)
    await asyncio.sleep(0.5)
    print("cancel outer:", outer.cancel(), outer.cancelled())
    await asyncio.sleep(2)
    print("after the coroutine finished at", loop.time())

    # the result passes through when nothing is cancelled
    print("through:", await asyncio.shield(save("plain", 1)))

    # shield of a done task is the task itself
    done = asyncio.create_task(save("quick", 0))
    await done
    print("done task returned as is:", asyncio.shield(done) is done)

    # an exception passes through
    async def fail():
        await asyncio.sleep(1)
        raise KeyError("lost")

    try:
        await asyncio.shield(fail())
    except KeyError as e:
        print("shield raised", repr(e))

    # shield of a future; cancelling the inner future cancels the outer one
    fut = loop.create_future()
    sh = asyncio.shield(fut)
    fut.cancel()
    try:
        await sh
    except asyncio.CancelledError:
        print("inner future cancelled -> outer cancelled:", sh.cancelled())
    fut2 = loop.create_future()
    sh2 = asyncio.shield(fut2)
    loop.call_later(1, fut2.set_result, "from the future")
    print("shielded future:", await sh2)

    # wait_for with a timeout around a shield: the work survives the timeout
    work = asyncio.create_task(save("slow", 3))
    try:
        await asyncio.wait_for(asyncio.shield(work), timeout=1)
    except TimeoutError:
        print("timed out at", loop.time(), "work done:", work.done())
    print(await work, "at", loop.time())


asyncio.run(main())
