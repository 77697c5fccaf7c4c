import asyncio

async def idle():
    await asyncio.sleep(1)

async def main():
    tasks = [asyncio.create_task(idle()) for _ in range(3)]
    print(len(asyncio.all_tasks()), asyncio.current_task() in asyncio.all_tasks())
    await asyncio.gather(*tasks)
    print(len(asyncio.all_tasks()))

asyncio.run(main())
