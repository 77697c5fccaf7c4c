# error: 5:5: NotSupported: assigning to an attribute is not supported
import asyncio

async def main():
    main.calls = 1

asyncio.run(main())
