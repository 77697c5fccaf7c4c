import asyncio

async def main():
    loop = asyncio.get_running_loop()
    f = loop.create_future()
    loop.call_later(1, f.set_result, 5)
    print(await asyncio.gather(f, f))
    t = asyncio.create_task(asyncio.sleep(1, "x"))
    print(await asyncio.gather(t, t))
    done = asyncio.create_task(asyncio.sleep(0))
    await done
    done.add_done_callback(lambda x: print("late cb", x.done()))
    print("before sleep")
    await asyncio.sleep(0)
    cond = asyncio.Condition()
    async with cond:
        cond.notify(0)
        print("notify(0) ok")
    q = asyncio.Queue(-1)
    print(q.maxsize, q.full())
    g = loop.create_future()
    async def setter():
        await asyncio.sleep(1)
        g.set_result("late")
    asyncio.create_task(setter())
    print(await asyncio.wait_for(g, 5))
    e = loop.create_future()
    e.set_exception(asyncio.CancelledError())
    print(e.cancelled(), e.done())
    try:
        await e
    except asyncio.CancelledError:
        print("cancelled error from exception")
    b = asyncio.Barrier(1)
    print(await b.wait(), await b.wait())
    print(f"{loop.time():.1f}")

asyncio.run(main())
