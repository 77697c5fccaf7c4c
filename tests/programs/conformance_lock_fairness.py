import asyncio

def T():
    return f"{asyncio.get_running_loop().time():.2f}"

async def user(lock, name, hold):
    print(f"{T()} {name} wants the lock")
    async with lock:
        print(f"{T()} {name} has the lock")
        await asyncio.sleep(hold)
    print(f"{T()} {name} released")

async def late(lock):
    await asyncio.sleep(0.1)
    await user(lock, "late", 0.1)

async def main():
    lock = asyncio.Lock()
    await asyncio.gather(user(lock, "a", 0.1), user(lock, "b", 0.1), late(lock), user(lock, "c", 0.1))
    print(f"{T()} done")

asyncio.run(main())
