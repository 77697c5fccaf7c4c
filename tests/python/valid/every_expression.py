# Every expression of the Loopscope subset, with tricky precedence and literals.
x = 1 + 2 * 3 ** -4 // 5 % 6 - 7
y = -x ** 2
z = not x == 1 and y != 2 or x < y <= 3 > 0 >= -1
w = a if b else c if d else e
v = lambda: 0
u = lambda p, q=1, *r, s, t=2, **k: p + q
bits = 1 << 2 >> 1 & 3 | 4 ^ 5
inv = ~x
m = a @ b
ident = x is None, x is not None, x in [1], x not in (1, 2)
calls = f(1, *args, key=2, **kw)(3)[4].attr
chained = obj.method().other[1:2][::3][1:2:3][:, 0]
sl = s[a:b, c]
s2 = s[-1:]
empty = (), [], {}, set()
one = (1,)
tup = 1, 2, 3
nested = [(1, [2, {3: {4}}])]
ds = {**base, "k": 1, **other}
ss = {*a, *b, 3}
ls = [*a, *b]
lc = [i * 2 for i in range(10) if i % 2 if i > 3]
sc = {i for i in range(3)}
dc = {k: v for k, v in items.items()}
gc = list(i for i in range(3))
nested_comp = [[j for j in range(i)] for i in range(3) for _ in range(2)]
floats = 1.5, .5, 5., 1e10, 1.5e-3, 1_000.000_1
ints = 0, 1_000_000, 0xFF, 0o17, 0b1010, 9223372036854775807
strs = 'a', "b", '''c''', """d""", r'\d', 'é\n\t\x41\u00e9\U0001F600\101', "a" "b" 'c'
byts = b'abc', rb'\x00', b'\x00\xff'
fs = f"{x}", f"{x!r}", f"{x:>10}", f"{x:{width}.{prec}f}", f"{{literal}} {x=}", f'{x!s:^{w}}'
fs2 = f"a" "b" f"{c}" 'd'
fs3 = f"""multi
{line}
"""
fs4 = F"{ {'a': 1}['a'] }" rf"\d{x}"
consts = None, True, False, ...
aw = [await_ for await_ in range(2)]


async def f():
    r = await g()
    s = [await t for t in ts]
    u = [x async for x in aiter_()]
    v = (await x for x in ts)
    return await asyncio.wait_for(g(), timeout=1) + 1
