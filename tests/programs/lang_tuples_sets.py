import asyncio

async def main():
    t = (1, "two", 3.0)
    a, b, c = t
    first, *rest = [1, 2, 3, 4]
    *init, last = "abc"
    print(t, a, b, c, first, rest, init, last, t[1:], (1,), (), len(t), t.index("two"), t.count(1))
    s = {3, 1, 2}
    s.add(2)
    s.add(4)
    s.discard(1)
    print(sorted(s), len(s), 3 in s, sorted(s | {9}), sorted(s & {2, 3}), sorted(s - {2}), sorted({1, 2} ^ {2, 3}))
    print(set(), {1} == {1}, sorted(set("hello")), {1, 2} <= {1, 2, 3}, frozen(t))
    x, y = 1, 2
    x, y = y, x
    print(x, y)
    await asyncio.sleep(0)

def frozen(t):
    return tuple(sorted(str(v) for v in t))

asyncio.run(main())
