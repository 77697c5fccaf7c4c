# error: 5:11: unterminated string literal (detected at line 5)
import asyncio

async def main():
    print("hello)

asyncio.run(main())
