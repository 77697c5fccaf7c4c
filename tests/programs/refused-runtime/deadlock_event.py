# error: deadlock: nothing can run
import asyncio

async def main():
    ev = asyncio.Event()
    await ev.wait()

asyncio.run(main())
