# error: 7:12: multiple exception types must be parenthesized
import asyncio

async def main():
    try:
        await asyncio.sleep(1)
    except ValueError, TypeError:
        pass
