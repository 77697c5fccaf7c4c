import asyncio

# asyncio.run accepts any coroutine, asyncio.sleep(...) included
print(asyncio.run(asyncio.sleep(1, "slept")))
print(asyncio.run(asyncio.sleep(0)))
