import asyncio

def risky(kind):
    if kind == "zero":
        return 1 / 0
    if kind == "key":
        return {}["nope"]
    if kind == "index":
        return [][3]
    if kind == "type":
        return "a" + 1
    if kind == "value":
        return int("abc")
    if kind == "name":
        return undefined_name
    if kind == "attr":
        return (5).nope
    raise RuntimeError(f"custom {kind}")

async def main():
    for kind in ["zero", "key", "index", "type", "value", "name", "attr", "other"]:
        try:
            risky(kind)
        except (ZeroDivisionError, KeyError) as e:
            print("arith/key:", type(e).__name__, e)
        except LookupError as e:
            print("lookup:", type(e).__name__, e)
        except Exception as e:
            print("other:", type(e).__name__, e, e.args)
        else:
            print("no error")
        finally:
            print("finally", kind)
    try:
        try:
            raise ValueError("inner")
        except ValueError as e:
            raise RuntimeError("outer") from e
    except RuntimeError as e:
        print(e, repr(e.__cause__), isinstance(e, Exception), isinstance(e, BaseException))
    try:
        try:
            raise KeyError("k")
        except KeyError:
            raise
    except KeyError as e:
        print("re-raised", repr(e))
    try:
        assert 1 == 2, "math broke"
    except AssertionError as e:
        print("assert:", e)
    await asyncio.sleep(0)

asyncio.run(main())
