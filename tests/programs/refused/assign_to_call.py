# error: 5:5: cannot assign to function call here. Maybe you meant '==' instead of '='?
import asyncio

async def main():
    asyncio.sleep(1) = 2
