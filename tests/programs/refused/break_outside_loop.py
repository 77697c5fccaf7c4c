# error: 6:9: 'break' outside loop
import asyncio

async def main():
    if True:
        break
