import asyncio

async def main():
    v = await asyncio.sleep(0.1, result="value")
    print(v, await asyncio.sleep(0))

asyncio.run(main())
