# error: RuntimeError: Lock is not acquired.
import asyncio

async def main():
    asyncio.Lock().release()

asyncio.run(main())
