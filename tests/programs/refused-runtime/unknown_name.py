# error: NameError: name 'prnt' is not defined
import asyncio

async def main():
    prnt("hello")

asyncio.run(main())
