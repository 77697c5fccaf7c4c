# error: 4:18: expected an indented block after function definition on line 4
import asyncio

async def main():
