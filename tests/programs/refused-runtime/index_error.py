# error: IndexError: list index out of range
import asyncio

async def main():
    print([1, 2][2])

asyncio.run(main())
