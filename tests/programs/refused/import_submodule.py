# error: 3:8: module 'concurrent.futures' is not available: asyncio, time, random, aiohttp are
import asyncio
import concurrent.futures
