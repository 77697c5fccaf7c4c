# error: 5:5: NotSupported: `with` is not supported in Loopscope programs
import asyncio

async def main():
    with asyncio.Lock():
        pass

asyncio.run(main())
