import asyncio

counter = 0

async def unsafe_inc(lock):
    global counter
    async with lock:
        value = counter
        await asyncio.sleep(0)
        counter = value + 1

async def main():
    lock = asyncio.Lock()
    print(lock.locked())
    await asyncio.gather(*[unsafe_inc(lock) for _ in range(10)])
    print("counter", counter, lock.locked())
    await lock.acquire()
    print("held", lock.locked())
    lock.release()
    try:
        lock.release()
    except RuntimeError as e:
        print("RuntimeError:", e)

asyncio.run(main())
