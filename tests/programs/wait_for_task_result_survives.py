import asyncio

async def slow():
    try:
        await asyncio.sleep(2)
    except asyncio.CancelledError:
        print("cancel ignored")
        return "late result"

async def main():
    r = await asyncio.wait_for(slow(), timeout=1)
    print("wait_for returned", r)

asyncio.run(main())
