import asyncio


def on_done(fut):
    print("callback sees", fut.result())


def never(fut):
    print("this callback was removed")


async def setter(fut, value):
    await asyncio.sleep(1)
    print("setting", value)
    fut.set_result(value)


async def main():
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    print(type(fut).__name__, fut.done(), fut.cancelled())
    print(repr(fut))
    try:
        fut.result()
    except asyncio.InvalidStateError as e:
        print("InvalidStateError:", e)
    try:
        fut.exception()
    except asyncio.InvalidStateError as e:
        print("InvalidStateError:", e)
    fut.add_done_callback(on_done)
    fut.add_done_callback(never)
    fut.add_done_callback(never)
    print("removed", fut.remove_done_callback(never))
    print("removed again", fut.remove_done_callback(never))
    task = asyncio.create_task(setter(fut, 42))
    value = await fut
    print("awaited", value, fut.done(), repr(fut))
    print("exception()", fut.exception())
    try:
        fut.set_result(1)
    except asyncio.InvalidStateError as e:
        print("set_result again:", e)
    try:
        fut.set_exception(ValueError("late"))
    except asyncio.InvalidStateError as e:
        print("set_exception again:", e)
    print("cancel a done future:", fut.cancel())
    await task
    await asyncio.sleep(0)

    f2 = asyncio.Future()
    f2.set_exception(ValueError("boom"))
    print(repr(f2))
    print("exception():", repr(f2.exception()))
    try:
        await f2
    except ValueError as e:
        print("await raised", repr(e))
    try:
        f2.result()
    except ValueError as e:
        print("result raised", repr(e))

    f3 = loop.create_future()
    f3.set_exception(KeyError)
    print("exception type instantiated:", repr(f3.exception()))
    f4 = loop.create_future()
    try:
        f4.set_exception(42)
    except TypeError as e:
        print("TypeError:", e)
    print("isfuture", asyncio.isfuture(f4), asyncio.isfuture(task), asyncio.isfuture(42))
    print("ensure_future returns it:", asyncio.ensure_future(f4) is f4)
    f4.set_result(None)
    print("after done, removed", f4.remove_done_callback(never))
    f5 = loop.create_future()
    f5.add_done_callback(on_done)
    f5.set_result("five")
    print("removed after set", f5.remove_done_callback(on_done))
    await asyncio.sleep(0)
    print("end")


asyncio.run(main())
