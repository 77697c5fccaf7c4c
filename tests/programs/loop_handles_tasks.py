import asyncio


def tick(label, loop):
    print(f"{loop.time():.2f} {label}")


async def sleeper(seconds):
    await asyncio.sleep(seconds)
    return seconds


def task_done(task):
    print("done callback:", task.get_name(), task.result())


def removed(task):
    print("this callback was removed")


async def main():
    loop = asyncio.get_running_loop()
    print("loop time at start:", loop.time())
    h = loop.call_soon(tick, "soon", loop)
    print(isinstance(h, asyncio.Handle), isinstance(h, asyncio.TimerHandle), h.cancelled())
    t1 = loop.call_later(1, tick, "later 1", loop)
    t2 = loop.call_later(2, tick, "later 2 (cancelled)", loop)
    t3 = loop.call_at(loop.time() + 3, tick, "at 3", loop)
    print(isinstance(t1, asyncio.TimerHandle), isinstance(t1, asyncio.Handle), t1.when(), t3.when())
    t2.cancel()
    print("cancelled:", t2.cancelled(), t1.cancelled())
    await asyncio.sleep(4)

    fut = loop.create_future()
    loop.call_later(1, fut.set_result, "set by a timer")
    print(await fut, "at", loop.time())

    task = loop.create_task(sleeper(1), name="first")
    print("name:", task.get_name())
    task.set_name("renamed")
    print("renamed:", task.get_name())
    task.add_done_callback(task_done)
    task.add_done_callback(removed)
    print("remove:", task.remove_done_callback(removed))
    print("done?", task.done(), "cancelled?", task.cancelled())
    try:
        task.result()
    except asyncio.InvalidStateError as e:
        print("InvalidStateError:", e)
    await task
    print("result", task.result(), "exception", task.exception())
    await asyncio.sleep(0)

    me = asyncio.current_task()
    print("current task:", me.get_name())
    others = [asyncio.create_task(sleeper(i), name=f"s{i}") for i in (1, 2)]
    names = sorted(t.get_name() for t in asyncio.all_tasks())
    print("all tasks:", names)
    await asyncio.gather(*others)

    # cancelling / uncancel counts requests
    victim = asyncio.create_task(sleeper(5), name="victim")
    await asyncio.sleep(0)
    victim.cancel()
    victim.cancel()
    print("cancelling:", victim.cancelling())
    print("uncancel:", victim.uncancel())
    try:
        await victim
    except asyncio.CancelledError:
        print("victim cancelled:", victim.cancelled())
    try:
        victim.result()
    except asyncio.CancelledError:
        print("result() of a cancelled task raises CancelledError")
    try:
        victim.exception()
    except asyncio.CancelledError:
        print("exception() of a cancelled task raises CancelledError")

    async def fails():
        raise KeyError("k")

    bad = asyncio.create_task(fails())
    await asyncio.sleep(0)
    print("exception():", repr(bad.exception()))


asyncio.run(main())
