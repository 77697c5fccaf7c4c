import asyncio

async def compute():
    await asyncio.sleep(0.1)
    return {"answer": 42, "items": [1, 2, 3]}

result = asyncio.run(compute())
print(result, result["answer"] * 2)
total = 0
for v in result["items"]:
    total += v
print("total", total)
