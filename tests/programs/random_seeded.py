import asyncio

import random

async def main():
    random.seed(7)
    xs = [random.randint(1, 6) for _ in range(20)]
    print(all(1 <= x <= 6 for x in xs), len(xs))
    items = list(range(10))
    random.shuffle(items)
    print(sorted(items) == list(range(10)), random.choice(["only"]), 0 <= random.random() < 1)
    print(2 <= random.uniform(2, 3) <= 3, len(random.sample(range(100), 5)))

asyncio.run(main())
