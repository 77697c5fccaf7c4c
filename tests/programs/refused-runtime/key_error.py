# error: KeyError: 'missing'
import asyncio

async def main():
    d = {}
    print(d["missing"])

asyncio.run(main())
