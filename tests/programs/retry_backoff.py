import asyncio

attempts = 0

async def flaky():
    global attempts
    attempts += 1
    await asyncio.sleep(0.1)
    if attempts < 3:
        raise ConnectionError(f"attempt {attempts} failed")
    return "payload"

async def with_retry(fn, tries=5, delay=0.5):
    for n in range(1, tries + 1):
        try:
            return await fn()
        except ConnectionError as e:
            print("retrying after:", e)
            await asyncio.sleep(delay * 2 ** (n - 1))
    raise RuntimeError("gave up")

async def main():
    print(await with_retry(flaky), "after", attempts, "attempts at", asyncio.get_running_loop().time())

asyncio.run(main())
