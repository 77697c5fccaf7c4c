# error: 5:11: invalid character '“' (U+201C)
import asyncio

async def main():
    print(“hello”)
