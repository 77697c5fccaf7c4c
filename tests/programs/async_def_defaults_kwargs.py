import asyncio

async def fetch(url, *, retries=1, timeout=0.1, **extra):
    await asyncio.sleep(timeout)
    return f"{url} r={retries} {sorted(extra.items())}"

async def main():
    print(await fetch("a"))
    print(await fetch("b", retries=3, tag="x"))
    try:
        await fetch()
    except TypeError as e:
        print("TypeError:", e)
    try:
        fetch("c", 2)
    except TypeError as e:
        print("TypeError:", e)

asyncio.run(main())
