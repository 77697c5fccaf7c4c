# error: 2:7: `\N{...}` escapes are not supported in Loopscope programs
print("\N{BULLET} item")
