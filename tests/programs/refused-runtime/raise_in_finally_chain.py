# error: RuntimeError: during cleanup
import asyncio

async def main():
    try:
        raise ValueError("first")
    finally:
        raise RuntimeError("during cleanup")

asyncio.run(main())
