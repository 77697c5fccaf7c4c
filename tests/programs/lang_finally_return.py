import asyncio

def f():
    try:
        return "try"
    finally:
        print("cleanup in f")

def g():
    for i in range(3):
        try:
            if i == 1:
                continue
            print("body", i)
        finally:
            print("finally", i)
    return "done"

def h():
    try:
        raise ValueError("x")
    except ValueError:
        return "handled"
    finally:
        print("h finally")

async def main():
    print(f())
    print(g())
    print(h())
    await asyncio.sleep(0)

asyncio.run(main())
