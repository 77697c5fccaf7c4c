# error: 3:8: module 'os' is not available: asyncio, time, random, aiohttp are
import asyncio
import os
