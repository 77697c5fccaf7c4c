# error: 2:6: module 'os' is not available: asyncio, time, random, aiohttp are
from os import path
