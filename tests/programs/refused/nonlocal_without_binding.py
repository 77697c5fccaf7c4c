# error: 6:9: no binding for nonlocal 'count' found
import asyncio

async def main():
    def bump():
        nonlocal count
        count += 1
