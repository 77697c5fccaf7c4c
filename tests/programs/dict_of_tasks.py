import asyncio

async def price(item):
    await asyncio.sleep(len(item) / 10)
    return len(item) * 3

async def main():
    items = ["tea", "coffee", "milk"]
    tasks = {item: asyncio.create_task(price(item)) for item in items}
    prices = {item: await t for item, t in tasks.items()}
    for item, p in sorted(prices.items(), key=lambda kv: kv[1]):
        print(f"{item:>8}: {p:3d}")

asyncio.run(main())
