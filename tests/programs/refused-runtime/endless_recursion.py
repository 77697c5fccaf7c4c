# error: RecursionError: maximum recursion depth exceeded
import asyncio

def down(n):
    return down(n + 1)

async def main():
    down(0)

asyncio.run(main())
