# error: 6:5: expected an indented block after 'while' statement on line 5
import asyncio

async def main():
    while True:
    await asyncio.sleep(1)
