# error: 6:5: 'async with' outside async function
import asyncio
lock = asyncio.Lock()

def main():
    async with lock:
        pass
