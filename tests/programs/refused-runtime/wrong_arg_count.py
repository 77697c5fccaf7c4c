# error: TypeError: job() missing 1 required positional argument: 'n'
import asyncio

async def job(n):
    return n

async def main():
    await job()

asyncio.run(main())
