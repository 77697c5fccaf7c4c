import asyncio

# asyncio.run runs a few more loop iterations after main is done (main's done callback, the
# cancellation of the tasks left, shutdown_asyncgens, shutdown_default_executor): callbacks that
# are ready meanwhile run, the rest are dropped with the loop.


def step(loop, n):
    print("iteration", n)
    if n < 12:
        loop.call_soon(step, loop, n + 1)


async def other():
    try:
        await asyncio.sleep(10)
    finally:
        print("other: cleanup")


async def main(with_other):
    loop = asyncio.get_running_loop()
    if with_other:
        task = asyncio.create_task(other())
        task.add_done_callback(lambda t: print("other done, cancelled:", t.cancelled()))
    await asyncio.sleep(0)
    fut = loop.create_future()
    fut.add_done_callback(lambda f: print("future callback:", f.result()))
    fut.set_result("set as main ends")
    loop.call_soon(step, loop, 1)
    loop.call_later(0.5, print, "a timer after the end never fires")
    print("main ends")


asyncio.run(main(False))
print("after the first run")
asyncio.run(main(True))
print("after the second run")
