import asyncio

balance = 100

async def withdraw(name, amount):
    global balance
    current = balance
    await asyncio.sleep(0.1)
    balance = current - amount
    print(f"{name} withdrew {amount}, balance {balance}")

async def main():
    await asyncio.gather(withdraw("A", 30), withdraw("B", 50))
    print("final", balance, "(should be 20)")

asyncio.run(main())
