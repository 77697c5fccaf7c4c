import asyncio

def T():
    return f"{asyncio.get_running_loop().time():.2f}"

async def job(name, d, fail=False):
    await asyncio.sleep(d)
    if fail:
        raise ValueError(name)
    print(f"{T()} {name} finished")
    return name

async def main():
    tasks = [asyncio.create_task(job("slow", 0.3)), asyncio.create_task(job("fast", 0.1))]
    done, pending = await asyncio.wait(tasks, return_when=asyncio.FIRST_COMPLETED)
    print(f"{T()} first_completed done={sorted(t.result() for t in done)} pending={len(pending)}")
    tasks = [asyncio.create_task(job("x", 0.4)), asyncio.create_task(job("bad", 0.2, fail=True)),
             asyncio.create_task(job("y", 0.1))]
    done, pending = await asyncio.wait(tasks, return_when=asyncio.FIRST_EXCEPTION)
    print(f"{T()} first_exception done={len(done)} pending={len(pending)}")
    for t in done:
        if t.exception() is not None:
            print(f"{T()} exception {t.exception()}")
    done, pending = await asyncio.wait(tasks, timeout=0.05)
    print(f"{T()} timeout done={len(done)} pending={len(pending)}")
    done, pending = await asyncio.wait(tasks)
    print(f"{T()} all done={len(done)} pending={len(pending)}")

asyncio.run(main())
