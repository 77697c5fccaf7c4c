# error: NotImplementedError: asyncio.wait() of a Future is not supported in Loopscope programs
import asyncio


async def main():
    fut = asyncio.get_running_loop().create_future()
    fut.set_result(1)
    await asyncio.wait([fut])


asyncio.run(main())
