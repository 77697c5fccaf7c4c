# error: ValueError: a coroutine was expected, got
import asyncio

def main():
    return 1

asyncio.run(main())
