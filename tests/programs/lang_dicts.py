import asyncio

async def main():
    d = {"b": 2, "a": 1}
    d["c"] = 3
    print(d, len(d), d["a"], d.get("z"), d.get("z", 0), "a" in d, list(d), list(d.keys()))
    print(list(d.values()), list(d.items()), d.setdefault("e", 5), d.pop("b"), d)
    d.update({"a": 10}, f=6)
    print(d, sorted(d), {k: v * 2 for k, v in d.items() if v > 3})
    counts = {}
    for ch in "mississippi":
        counts[ch] = counts.get(ch, 0) + 1
    print(counts, max(counts, key=counts.get), dict(zip(["x", "y"], [1, 2])), dict([(1, "one")]))
    del d["a"]
    print(d, d.popitem(), d, {**d, "z": 0}, d | {"q": 1})
    try:
        d["missing"]
    except KeyError as e:
        print("KeyError", e, repr(e))
    await asyncio.sleep(0)

asyncio.run(main())
