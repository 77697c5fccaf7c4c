# error: 2:17: module 'subprocess' is not available: asyncio, time, random, aiohttp are
import asyncio, subprocess
