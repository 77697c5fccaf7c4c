# error: class
import asyncio

class Job:
    pass

asyncio.run(main())
