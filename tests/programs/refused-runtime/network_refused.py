# error: Loopscope programs can reach only the lesson's server
import asyncio
import aiohttp

async def main():
    async with aiohttp.ClientSession() as s:
        async with s.get("http://example.com/") as r:
            print(r.status)

asyncio.run(main())
