import asyncio

async def main():
    print(7 // 2, -7 // 2, 7 % 3, -7 % 3, 7 / 2, 2 ** 10, 2 ** -1)
    print(1 + 2 * 3 - 4, (1 + 2) * 3, 10 - -3, +5, ~5)
    print(0.1 + 0.2, 1 / 3, 2.0, 1e16, 1e-5, 123456789.0 * 10, 1.5e300 * 1e10, -0.0)
    print(abs(-3), abs(-2.5), round(2.5), round(3.5), round(2.675, 2), round(-1.5), round(7, -1))
    print(divmod(17, 5), pow(2, 8), 7.5 // 2, 7.5 % 2, -7.5 % 2)
    print(int("42"), int(" -17 "), int(3.99), float("2.5"), float("inf"), float("-inf"), int("ff", 16))
    print(1 << 10, 1024 >> 3, 6 & 3, 6 | 3, 6 ^ 3)
    print(True + True, True * 3, 3 == 3.0, 0.5 < 1 < 2, 1 < 2 > 3)
    await asyncio.sleep(0)

asyncio.run(main())
