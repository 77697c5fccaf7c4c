# error: RuntimeError: asyncio.run() cannot be called from a running event loop
import asyncio

async def inner():
    return 1

async def main():
    asyncio.run(inner())

asyncio.run(main())
