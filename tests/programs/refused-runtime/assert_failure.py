# error: AssertionError: invariant broken
import asyncio

async def main():
    assert 1 + 1 == 3, "invariant broken"

asyncio.run(main())
