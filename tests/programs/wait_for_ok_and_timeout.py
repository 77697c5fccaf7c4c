import asyncio

async def slow(d):
    try:
        await asyncio.sleep(d)
        return f"slept {d}"
    finally:
        print("slow finally", d)

async def main():
    print(await asyncio.wait_for(slow(0.5), timeout=1))
    try:
        await asyncio.wait_for(slow(3), timeout=1)
    except asyncio.TimeoutError:
        print("timed out at", asyncio.get_running_loop().time())
    except TimeoutError:
        print("never: asyncio.TimeoutError is TimeoutError")
    print(await asyncio.wait_for(slow(0.1), None))

asyncio.run(main())
