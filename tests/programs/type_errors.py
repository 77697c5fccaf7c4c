import asyncio

async def main():
    cases = [lambda: 1 + "a", lambda: "a" + 1, lambda: [1] + (2,), lambda: len(5), lambda: 5(),
             lambda: None.x, lambda: [1, 2][5], lambda: (1,)[2], lambda: "ab"[9], lambda: int("x1"),
             lambda: float("nope"), lambda: {}[(1, 2)], lambda: hash([]), lambda: 1 < "a", lambda: sorted([1, "a"]),
             lambda: [].pop(), lambda: {1}.remove(2), lambda: "x".index("y"), lambda: [1].index(2), lambda: next(iter([]))]
    for i, f in enumerate(cases):
        try:
            f()
            print(i, "no error")
        except Exception as e:
            print(i, type(e).__name__, e)
    await asyncio.sleep(0)

asyncio.run(main())
