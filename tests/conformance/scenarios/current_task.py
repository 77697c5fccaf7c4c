import asyncio


def T():
    return f"{asyncio.get_running_loop().time():.2f}"


async def who(label):
    t = asyncio.current_task()
    print(f"{T()} {label} runs in {t.get_name()}")
    await asyncio.sleep(0.1)
    print(f"{T()} {label} still in {asyncio.current_task().get_name()}, same={asyncio.current_task() is t}")
    return t


async def main():
    me = asyncio.current_task()
    print(f"{T()} main is {me.get_name()}")
    t1 = asyncio.create_task(who("first"))
    t2 = asyncio.create_task(who("second"), name="custom")
    r1 = await t1
    print(f"{T()} first returned its own task: {r1 is t1}")
    r = await who("inline")
    print(f"{T()} inline ran in main's task: {r is me}")
    await t2
    print(f"{T()} done")


asyncio.run(main())
