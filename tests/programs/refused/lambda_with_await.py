# error: 5:17: 'await' outside async function
import asyncio

async def main():
    f = lambda: await asyncio.sleep(1)
