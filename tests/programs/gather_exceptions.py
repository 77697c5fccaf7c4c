import asyncio

async def ok(n):
    await asyncio.sleep(n)
    print("ok", n)
    return n

async def fail(n):
    await asyncio.sleep(n)
    raise ValueError(f"fail {n}")

async def main():
    results = await asyncio.gather(ok(0.1), fail(0.2), ok(0.3), return_exceptions=True)
    print([repr(r) for r in results])
    try:
        await asyncio.gather(ok(0.1), fail(0.2), ok(0.3))
    except ValueError as e:
        print("gather raised", e)
    await asyncio.sleep(0.5)
    print("the other task kept running")

asyncio.run(main())
