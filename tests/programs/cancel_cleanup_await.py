import asyncio

async def resource_user():
    try:
        print("using resource")
        await asyncio.sleep(10)
    finally:
        print("releasing resource (async cleanup)")
        await asyncio.sleep(0.5)
        print("released at", asyncio.get_running_loop().time())

async def main():
    t = asyncio.create_task(resource_user())
    await asyncio.sleep(1)
    t.cancel()
    try:
        await t
    except asyncio.CancelledError:
        print("main: task cancelled at", asyncio.get_running_loop().time())

asyncio.run(main())
