import asyncio

x = "global"

def show():
    return x

def shadow():
    x = "local"
    def inner():
        return x
    return inner()

def outer():
    items = []
    def add(v):
        items.append(v)
    add(1)
    add(2)
    return items

async def main():
    print(show(), shadow(), outer())
    try:
        def broken():
            print(y)
            y = 1
        broken()
    except UnboundLocalError as e:
        print("UnboundLocalError:", e)
    try:
        print(nowhere)
    except NameError as e:
        print("NameError:", e)
    await asyncio.sleep(0)

asyncio.run(main())
