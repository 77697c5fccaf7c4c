import asyncio

async def main():
    x, y, name, ratio = 42, -7, "Ada", 2 / 3
    print(f"{x} {y} {name!r} {name!s} {ratio:.3f} {ratio:.1%} {x:5d}| {x:<5}| {x:^7}| {x:>+6}")
    print(f"{x:08.3f} {1234567.891:,.2f} {1234567:,} {255:x} {255:#X} {5:b} {8:o} {x=} {name = }")
    print(f"{'left':<10}|{'right':>10}|{'mid':*^9}|")
    width, prec = 10, 2
    print(f"{3.14159:{width}.{prec}f}|{ratio:e}|{1e-7:g}|{123456789:g}|{0.5:g}")
    print(f"{{braces}} {[1, 2]} {(1,)} {dict(a=1)} {None} {True} {3.0} {float('nan')}")
    print(f"{'é':>3}|{'日本':<4}|{len('日本')}")
    await asyncio.sleep(0)

asyncio.run(main())
