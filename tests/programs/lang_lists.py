import asyncio

async def main():
    xs = [5, 3, 8, 1]
    xs.append(9)
    xs.extend([2, 7])
    xs.insert(0, 10)
    print(xs, len(xs), xs[0], xs[-1], xs[2:5], xs[::-2])
    print(xs.pop(), xs.pop(0), xs, xs.index(8), xs.count(3))
    xs.remove(3)
    xs.sort()
    print(xs, sorted(xs, reverse=True), sorted(["bb", "a", "ccc"], key=len), list(reversed(xs)))
    xs[1:3] = [100, 200, 300]
    del xs[0]
    print(xs, xs * 2 if len(xs) < 4 else xs + [0], min(xs), max(xs), sum(xs))
    ys = xs.copy()
    ys.reverse()
    print(ys, xs == ys, [1, 2] < [1, 3], [] or "empty", 3 in xs, 200 in xs)
    nested = [[1, 2], [3, 4]]
    nested[0][1] = 9
    print(nested, [row[0] for row in nested])
    await asyncio.sleep(0)

asyncio.run(main())
