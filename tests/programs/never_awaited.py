import asyncio

async def save(x):
    print("saving", x)

async def main():
    c = save(1)
    print(type(c).__name__, asyncio.iscoroutine(c))
    c.close()
    await save(2)
    print("done")

asyncio.run(main())
