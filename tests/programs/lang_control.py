import asyncio

async def main():
    for i in range(10):
        if i % 2 == 0:
            continue
        if i > 7:
            break
        print("odd", i)
    else:
        print("not printed")
    for i in range(3):
        pass
    else:
        print("loop finished, i =", i)
    n = 0
    while n < 5:
        n += 1
        if n == 4:
            break
    else:
        print("no")
    print("n", n)
    k = 10
    while k > 0:
        k -= 3
        if k < 0:
            print("below zero:", k)
    x = 5
    print("big" if x > 3 else "small", "pos" if x > 0 else "neg")
    if x < 0:
        print("neg")
    elif x == 0:
        print("zero")
    elif x < 10:
        print("small positive")
    else:
        print("large")
    print(list(range(5)), list(range(2, 10, 3)), list(range(5, 0, -2)), len(range(0, 100, 7)))
    await asyncio.sleep(0)

asyncio.run(main())
