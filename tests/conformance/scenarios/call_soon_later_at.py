import asyncio


def T():
    return f"{asyncio.get_running_loop().time():.2f}"


async def main():
    loop = asyncio.get_running_loop()

    def cb(name):
        print(f"{T()} {name}")

    loop.call_soon(cb, "soon 1")
    h = loop.call_soon(cb, "soon cancelled")
    loop.call_soon(cb, "soon 2")
    h.cancel()
    print(f"{T()} handle cancelled={h.cancelled()}")
    t0 = loop.time()
    loop.call_later(0.3, cb, "later 0.3 a")
    loop.call_later(0.1, cb, "later 0.1")
    loop.call_later(0.3, cb, "later 0.3 b")
    loop.call_later(0.3, cb, "later 0.3 c")
    th = loop.call_later(0.2, cb, "later cancelled")
    print(f"{T()} timer handle when={th.when() - t0:.2f}")
    th.cancel()
    loop.call_at(t0 + 0.25, cb, "at 0.25")
    loop.call_at(t0 + 0.5, cb, "at 0.5")
    print(f"{T()} yielding")
    await asyncio.sleep(0)
    print(f"{T()} after the yield")
    await asyncio.sleep(1)

    def chain(n):
        print(f"{T()} chain {n}")
        if n < 3:
            loop.call_soon(chain, n + 1)

    loop.call_soon(chain, 1)
    loop.call_soon(cb, "between")
    await asyncio.sleep(0.1)
    print(f"{T()} done")


asyncio.run(main())
