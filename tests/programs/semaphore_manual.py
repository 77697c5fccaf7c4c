import asyncio

async def main():
    sem = asyncio.Semaphore(1)
    await sem.acquire()
    print("acquired", sem.locked())
    sem.release()
    print("released", sem.locked())
    b = asyncio.BoundedSemaphore(1)
    try:
        b.release()
    except ValueError as e:
        print("ValueError:", e)

asyncio.run(main())
