# Non-ASCII names and strings, tabs, continuation lines, semicolons, comments everywhere.
café = "héllo wörld ✓"  # 13 code points
名前 = "日本語"
π = 3.14159
total = 1 + \
    2 + \
    3
items = [
    1,  # one
    2,
    # a comment line inside brackets
    3,
]
if café: print(名前); print(π)
if total:
	print("tab-indented block")
	if π:
		print("two tabs")
call = print(
    "a",
    "b",
)
emoji = "😀 and é" + f"{café!r:>20}"
