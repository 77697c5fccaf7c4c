# error: deadlock: nothing can run
import asyncio

async def main():
    q = asyncio.Queue()
    item = await q.get()
    print(item)

asyncio.run(main())
