import asyncio

background = set()

async def log(msg, d):
    await asyncio.sleep(d)
    print("log:", msg)

async def main():
    for i in range(3):
        t = asyncio.create_task(log(f"event {i}", 0.1 * (3 - i)))
        background.add(t)
        t.add_done_callback(background.discard)
    print("tasks kept:", len(background))
    await asyncio.sleep(1)
    print("tasks kept:", len(background))

asyncio.run(main())
