import asyncio

async def background():
    try:
        while True:
            await asyncio.sleep(1)
            print("background tick")
    except asyncio.CancelledError:
        print("background cancelled at shutdown")
        raise

async def main():
    asyncio.create_task(background())
    await asyncio.sleep(2.5)
    print("main returns")

asyncio.run(main())
print("after asyncio.run")
