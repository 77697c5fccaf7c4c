import asyncio

async def main():
    print(len([1, 2]), len("日本語"), len({"a": 1}), len(range(3)), str(1.5), str(None), bool(0), bool("x"), bool([]))
    print(int(True), float(3), list("ab"), tuple([1, 2]), sorted(set([3, 1, 3])), dict(a=1, b=2))
    print(type(1).__name__, type("s").__name__, type([]).__name__, type(None).__name__, type(1.0) is float)
    print(isinstance(1, int), isinstance(True, int), isinstance(1, (str, float)), isinstance("x", str))
    print(min(3, 1, 2), max([4, 9, 2]), min("hello"), max([], default=0), min([5, 1], key=lambda v: -v))
    print(sum([0.1] * 10), sum([[1], [2]], []), abs(-0.5), round(0.125, 2), round(1234.5678, -2))
    print(repr("x"), repr([1, "a"]), repr(None), repr((1, 2)), hex(255), bin(5), callable(len), callable(5))
    print(list(reversed([1, 2, 3])), next(iter([7, 8])), divmod(-7, 2), chr(65), ord("A"))
    print(any([]), all([]), list(zip()), list(map(str, [1, 2])), format(3.14159, ".2f"), format(42, ">5"))
    await asyncio.sleep(0)

asyncio.run(main())
