# error: 3:5: cannot use assignment expressions with attribute
import asyncio
if (asyncio.x := 1):
    pass
