# error: 5:5: NotSupported: `async for` is not supported
import asyncio

async def main():
    async for item in source():
        print(item)

asyncio.run(main())
