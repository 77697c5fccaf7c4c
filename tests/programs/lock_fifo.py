import asyncio

async def user(lock, name, hold):
    print(name, "waits")
    async with lock:
        print(name, "has the lock")
        await asyncio.sleep(hold)
    print(name, "released")

async def main():
    lock = asyncio.Lock()
    await asyncio.gather(user(lock, "a", 0.3), user(lock, "b", 0.1), user(lock, "c", 0.2))

asyncio.run(main())
