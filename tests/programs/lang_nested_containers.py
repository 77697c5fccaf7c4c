import asyncio

async def main():
    x = [1, [2, [3]]]
    d = {"nested": {"deeper": [x]}}
    print(x, d, len(x))
    s = "ab" * 10
    print(s[::-3], repr(s[100:]), s[-100:2])
    await asyncio.sleep(0)

asyncio.run(main())
