# A 1,000-task sleep(0) ring: every task yields ROUNDS times; the loop goes round the ring.
import asyncio

TASKS = 1_000
ROUNDS = 100

async def member(counter):
    for _ in range(ROUNDS):
        await asyncio.sleep(0)
    counter[0] += 1

async def main():
    counter = [0]
    await asyncio.gather(*[member(counter) for _ in range(TASKS)])
    print(counter[0], "members finished", TASKS * ROUNDS, "switches")

asyncio.run(main())
