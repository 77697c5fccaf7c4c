import asyncio

items = []


async def consumer(cond, name):
    async with cond:
        print(f"{name}: waiting, locked={cond.locked()}")
        await cond.wait()
        print(f"{name}: woken, items={items}")


async def predicate_waiter(cond):
    async with cond:
        result = await cond.wait_for(lambda: len(items) >= 3 and len(items))
        print("wait_for returned", result)


async def main():
    cond = asyncio.Condition()
    print("locked before:", cond.locked())
    tasks = [asyncio.create_task(consumer(cond, f"c{i}")) for i in range(4)]
    pw = asyncio.create_task(predicate_waiter(cond))
    await asyncio.sleep(1)

    async with cond:
        items.append("a")
        cond.notify()
    await asyncio.sleep(1)

    async with cond:
        items.append("b")
        cond.notify(2)
    await asyncio.sleep(1)

    async with cond:
        items.append("c")
        cond.notify_all()
    await asyncio.gather(*tasks, pw)

    # notify and wait need the lock
    try:
        cond.notify()
    except RuntimeError as e:
        print("RuntimeError:", e)
    try:
        await cond.wait()
    except RuntimeError as e:
        print("RuntimeError:", e)

    # explicit acquire / release, and a condition sharing a Lock
    lock = asyncio.Lock()
    shared = asyncio.Condition(lock)
    await shared.acquire()
    print("shared lock held:", lock.locked(), shared.locked())
    shared.release()
    print("released:", lock.locked())

    # a waiter cancelled while waiting takes the lock back before it leaves
    async def cancelled_waiter():
        async with shared:
            try:
                await shared.wait()
            except asyncio.CancelledError:
                print("cancelled waiter holds the lock again:", shared.locked())
                raise

    t = asyncio.create_task(cancelled_waiter())
    await asyncio.sleep(1)
    t.cancel()
    try:
        await t
    except asyncio.CancelledError:
        print("after cancellation the lock is free:", shared.locked())


asyncio.run(main())
