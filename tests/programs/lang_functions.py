import asyncio

def greet(name, greeting="Hello", *, punct="!"):
    return f"{greeting}, {name}{punct}"

def total(*nums, **opts):
    scale = opts.get("scale", 1)
    return sum(nums) * scale

def make_counter():
    count = 0
    def bump(step=1):
        nonlocal count
        count += step
        return count
    return bump

COUNTER = 0

def incr():
    global COUNTER
    COUNTER += 1

def fact(n):
    return 1 if n <= 1 else n * fact(n - 1)

async def main():
    print(greet("Ada"), greet("Bob", "Hi"), greet(name="Cy", punct="?"), greet("Di", greeting="Yo"))
    print(total(1, 2, 3), total(1, 2, scale=10), total(*[4, 5]), total(**{"scale": 3}))
    c = make_counter()
    c()
    c(5)
    print(c(), c.__name__, greet.__name__)
    incr()
    incr()
    print(COUNTER, fact(10), fact(20))
    square = lambda v: v * v
    print(square(7), list(map(square, [1, 2, 3])), list(filter(lambda v: v % 2, range(6))))
    print(sorted([("b", 2), ("a", 2), ("c", 1)], key=lambda p: (p[1], p[0])))
    adders = [lambda v, k=k: v + k for k in range(3)]
    print([f(10) for f in adders])
    await asyncio.sleep(0)

asyncio.run(main())
