import asyncio

async def main():
    data = [3, 8, 1, 9]
    if (n := len(data)) > 3:
        print("long list", n)
    values = [y for v in data if (y := v * 2) > 5]
    print(values, y)
    label = "even" if n % 2 == 0 else "odd"
    print(label, 1 if [] else 2, "a" and "b", "" or "default", None or 0 or "last")
    print(not None, not [1], 3 is 3, None is None, [] is not None)
    await asyncio.sleep(0)

asyncio.run(main())
