# error: 2:31: duplicate argument 'name' in function definition
async def worker(name, delay, name):
    pass
