import asyncio

def T():
    return f"{asyncio.get_running_loop().time():.2f}"

async def waiter(ev, name):
    print(f"{T()} {name} waits")
    await ev.wait()
    print(f"{T()} {name} woke")

async def main():
    ev = asyncio.Event()
    tasks = [asyncio.create_task(waiter(ev, n)) for n in ("x", "y", "z")]
    await asyncio.sleep(0.2)
    print(f"{T()} setting")
    ev.set()
    print(f"{T()} set returned")
    await asyncio.gather(*tasks)
    await waiter(ev, "late")
    print(f"{T()} done")

asyncio.run(main())
