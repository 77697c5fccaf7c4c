import asyncio

async def boom(kind, d):
    await asyncio.sleep(d)
    if kind == "v":
        raise ValueError("v")
    raise KeyError("k")

async def main():
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(boom("v", 0.1))
            tg.create_task(boom("k", 0.1))
    except* ValueError as eg:
        print("values:", [str(e) for e in eg.exceptions])
    except* KeyError as eg:
        print("keys:", [repr(e) for e in eg.exceptions])
    try:
        raise ExceptionGroup("many", [ValueError(1), TypeError(2), ValueError(3)])
    except* ValueError as eg:
        print("ValueErrors", len(eg.exceptions), eg.message)
    except* TypeError as eg:
        print("TypeErrors", eg.exceptions)
    try:
        try:
            raise ExceptionGroup("eg", [ValueError("a"), OSError("b")])
        except* ValueError:
            print("handled the ValueError")
    except* OSError as rest:
        print("left over:", rest.exceptions)

asyncio.run(main())
