# error: 3:9: invalid decimal literal
import asyncio
delay = 1s
