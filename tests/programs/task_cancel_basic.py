import asyncio

async def sleeper():
    try:
        print("sleeping")
        await asyncio.sleep(10)
        print("never")
    except asyncio.CancelledError:
        print("cancelled while sleeping")
        raise
    finally:
        print("cleanup")

async def main():
    t = asyncio.create_task(sleeper())
    await asyncio.sleep(1)
    print("cancel() ->", t.cancel())
    try:
        await t
    except asyncio.CancelledError:
        print("main saw CancelledError")
    print(t.cancelled(), t.done(), t.cancel())

asyncio.run(main())
