# error: 3:8: module 'functools' is not available: asyncio, time, random, aiohttp are
import asyncio
import functools

@functools.cache
def f():
    return 1
