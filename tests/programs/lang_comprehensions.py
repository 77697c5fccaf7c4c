import asyncio

async def main():
    print([x * x for x in range(6)], [x for x in range(20) if x % 3 == 0 if x % 2 == 0])
    print([(x, y) for x in range(3) for y in range(x)], {x % 3 for x in range(10)})
    print({w: len(w) for w in ["ab", "cde", "f"]}, sum(x for x in range(101)), any(x > 5 for x in [1, 7]))
    print(all(x > 0 for x in [1, 2]), max(len(w) for w in ["a", "bbb"]), [[y for y in range(x)] for x in range(4)])
    words = ["apple", "Banana", "cherry"]
    print(sorted(words), sorted(words, key=str.lower) if False else sorted(words, key=lambda w: w.lower()))
    print(list(enumerate("abc")), list(enumerate("ab", start=1)), list(zip("ab", [1, 2, 3])))
    await asyncio.sleep(0)

asyncio.run(main())
