import asyncio

async def main():
    print("about to fail")
    await asyncio.sleep(0.1)
    x = {"a": 1}
    print(x["b"])

asyncio.run(main())
