# error: TimeoutError
import asyncio

async def main():
    await asyncio.wait_for(asyncio.sleep(5), timeout=1)

asyncio.run(main())
