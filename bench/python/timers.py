# 100k timers: 100k tasks each sleeping (x % 101) ms, x from an LCG seeded 12345.
import asyncio

N = 100_000

async def sleeper(ms):
    await asyncio.sleep(ms / 1000)

async def main():
    x = 12345
    tasks = []
    for _ in range(N):
        x = (x * 1103515245 + 12345) % 2147483648
        tasks.append(asyncio.create_task(sleeper(x % 101)))
    await asyncio.gather(*tasks)
    print(len(tasks), "timers fired")

asyncio.run(main())
