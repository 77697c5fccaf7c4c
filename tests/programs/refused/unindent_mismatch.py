# error: 7:15: unindent does not match any outer indentation level
import asyncio

async def main():
    for i in range(3):
        await asyncio.sleep(0)
      print(i)

asyncio.run(main())
