import asyncio

async def main(tag):
    await asyncio.sleep(0.1)
    print("run", tag, asyncio.current_task().get_name())
    return tag * 2

print(asyncio.run(main(1)))
print(asyncio.run(main(2)))
