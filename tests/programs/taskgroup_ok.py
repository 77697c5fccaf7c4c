import asyncio

async def job(n):
    await asyncio.sleep(n / 10)
    print("job", n)
    return n

async def main():
    async with asyncio.TaskGroup() as tg:
        t1 = tg.create_task(job(2))
        t2 = tg.create_task(job(1), name="second")
    print("group done", t1.result(), t2.result(), t2.get_name())

asyncio.run(main())
