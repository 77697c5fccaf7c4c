# error: AttributeError: module 'asyncio' has no attribute 'slep'
import asyncio

async def main():
    await asyncio.slep(1)

asyncio.run(main())
