# error: 3:20: unmatched ')'
import asyncio
asyncio.run(main()))
