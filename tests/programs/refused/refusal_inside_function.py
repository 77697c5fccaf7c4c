# error: 5:12: module 'socket' is not available: asyncio, time, random, aiohttp are
import asyncio

async def main():
    import socket
    await asyncio.sleep(0)
