# error: SyntaxError
import asyncio

async def main(:
    pass
