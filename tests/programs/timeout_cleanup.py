import asyncio

async def main():
    try:
        async with asyncio.timeout(1):
            try:
                await asyncio.sleep(5)
            except asyncio.CancelledError:
                print("inner saw CancelledError")
                raise
            finally:
                print("inner cleanup")
    except TimeoutError as e:
        print("TimeoutError", type(e).__name__)

asyncio.run(main())
