# error: limit exceeded: more than 100000 lines printed
import asyncio

async def main():
    for i in range(200000):
        print(i)

asyncio.run(main())
