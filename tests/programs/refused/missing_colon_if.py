# error: 6:13: expected ':'
import asyncio

async def main():
    n = 3
    if n > 2
        print("many")

asyncio.run(main())
