# error: 5:12: asynchronous comprehension outside of an asynchronous function
import asyncio

def main(tasks):
    return [await t for t in tasks]
