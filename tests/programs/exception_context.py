import asyncio

async def main():
    try:
        try:
            {}["x"]
        except KeyError:
            raise ValueError("while handling")
    except ValueError as e:
        print(repr(e), repr(e.__context__), e.__cause__)
    try:
        raise RuntimeError("plain")
    except RuntimeError as e:
        print(e.__context__, e.args)
    await asyncio.sleep(0)

asyncio.run(main())
