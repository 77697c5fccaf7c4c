# error: 4:1: 'return' outside function
import asyncio
x = 1
return x
