# error: 3:1: 'await' outside function
import asyncio
await asyncio.sleep(1)
