import asyncio

async def main():
    s = "héllo wörld"
    print(len(s), s[1], s[-1], s[1:4], s[::-1], s[::2], s.upper(), s.title())
    print("a,b,,c".split(","), " x  y ".split(), "a b c".split(" ", 1), "-".join(["1", "2", "3"]))
    print("  pad ".strip(), "xxhixx".strip("x"), "abc".startswith("ab"), "abc".endswith(("x", "c")))
    print("banana".replace("a", "o"), "banana".replace("a", "o", 2), "banana".find("n"), "banana".rfind("n"), "banana".count("an"))
    print("abc".index("c"), "42".isdigit(), "ab1".isalnum(), "   ".isspace(), "Hello".lower(), "hello".capitalize())
    print("x".ljust(4, ".") + "|", "x".rjust(4) + "|", "x".center(5, "*"), "42".zfill(5), "-42".zfill(5))
    print("k=v".partition("="), "ab" * 3, "a" + "b", "é" in s, "z" not in s)
    print(repr("it's"), repr('say "hi"'), repr("tab\there"), repr("new\nline"), str(42), repr(4.0))
    print("{} and {}".format(1, "two"), "{0}{1}{0}".format("a", "b"), "{x:>5}".format(x=3))
    print("line1\nline2".splitlines(), "prefix_name".removeprefix("prefix_"), ord("é"), chr(233))
    await asyncio.sleep(0)

asyncio.run(main())
