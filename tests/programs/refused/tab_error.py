# error: 6:1: inconsistent use of tabs and spaces in indentation
import asyncio

async def main():
	await asyncio.sleep(0)
        print("mixed")

asyncio.run(main())
