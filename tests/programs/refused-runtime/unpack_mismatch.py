# error: ValueError: too many values to unpack (expected 2)
import asyncio

async def main():
    a, b = [1, 2, 3]

asyncio.run(main())
