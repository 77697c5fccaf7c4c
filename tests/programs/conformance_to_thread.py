import asyncio

def T():
    return f"{asyncio.get_running_loop().time():.2f}"

def blocking_work(n):
    return sum(range(n))

def failing_work():
    raise ValueError("thread failed")

async def main():
    print(f"{T()} submitting")
    r = await asyncio.to_thread(blocking_work, 1000)
    print(f"{T()} result {r}")
    rs = await asyncio.gather(asyncio.to_thread(blocking_work, 10), asyncio.to_thread(blocking_work, 100))
    print(f"{T()} results {rs}")
    try:
        await asyncio.to_thread(failing_work)
    except ValueError as e:
        print(f"{T()} caught {e}")
    print(f"{T()} done")

asyncio.run(main())
