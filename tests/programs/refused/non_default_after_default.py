# error: 2:28: non-default argument follows default argument
async def worker(name="w", delay):
    pass
