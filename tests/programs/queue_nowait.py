import asyncio

async def main():
    q = asyncio.Queue(1)
    q.put_nowait("a")
    print(q.full(), q.qsize(), q.maxsize)
    try:
        q.put_nowait("b")
    except asyncio.QueueFull:
        print("QueueFull")
    print(q.get_nowait())
    try:
        q.get_nowait()
    except asyncio.QueueEmpty:
        print("QueueEmpty")

asyncio.run(main())
