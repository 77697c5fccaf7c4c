import asyncio
import time

async def main():
    await asyncio.sleep(1)
    return "ok"

if __name__ == "__main__":
    start = time.perf_counter()
    result = asyncio.run(main())
    print(result, f"{time.perf_counter() - start:.2f}")
