import asyncio

async def main():
    eg = ExceptionGroup("two problems", [ValueError("a"), KeyError("b")])
    print(eg, eg.message, len(eg.exceptions), isinstance(eg, Exception))
    try:
        raise eg
    except ExceptionGroup as e:
        print("plain except:", type(e).__name__, str(e))

asyncio.run(main())
