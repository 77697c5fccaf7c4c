# Every statement of the Loopscope subset (parsed, never run: see tests/python/test_parser.cpp).
import asyncio
import time as clock, random
from asyncio import sleep, Queue as Q
from aiohttp import (ClientSession,
                     ClientTimeout,)

JOBS: int = 3
counter = 0
names: list
a = b = [1, 2, 3]
first, *rest = a
(x, y), [z, w] = (1, 2), [3, 4]
counter += 1; counter -= 1; counter *= 2
counter //= 1
counter **= 2
d = {}
d["k"] = 1
d["k"] |= 2
del d["k"], x
assert counter >= 0, "counter went negative"


def plain(a, b=2, *args, c, d=4, **kwargs) -> int:
    global counter
    counter += 1
    return a + b


def positional_only(a, /, b, *, c):
    return a, b, c


async def worker(name, delay=0.1):
    total = 0

    def bump(n):
        nonlocal total
        total += n
        return total

    for i in range(3):
        if i == 0:
            continue
        elif i > 5:
            break
        else:
            bump(i)
    else:
        pass
    while total < 10:
        total += 1
        if total == 7:
            break
    else:
        print("no break")
    try:
        await asyncio.sleep(delay)
    except asyncio.CancelledError:
        raise
    except (ValueError, TypeError) as error:
        raise RuntimeError("bad") from error
    except Exception:
        raise RuntimeError("worse") from None
    else:
        pass
    finally:
        print(f"{name} done")
    async with asyncio.timeout(1):
        await asyncio.sleep(0)
    async with asyncio.Lock() as l1, asyncio.Lock() as l2:
        pass
    with open_thing() as (p, q):
        pass
    async for item in source():
        print(item)
    else:
        print("drained")
    return total


async def groups():
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(worker("a"))
    except* ValueError as eg:
        print(eg.exceptions)
    except* (TypeError, KeyError):
        pass


async def main():
    q = Q(maxsize=2)
    tasks = [asyncio.create_task(worker(f"w{i}", delay=i / 10)) for i in range(JOBS)]
    results = await asyncio.gather(*tasks, return_exceptions=True)
    print(*results, sep=", ", end="\n")
    print(sum(r for r in results if isinstance(r, int)))
    if (n := len(results)) > 2:
        print(n)


asyncio.run(main())
