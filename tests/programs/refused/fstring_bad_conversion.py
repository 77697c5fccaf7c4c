# error: 3:15: f-string: invalid conversion character: expected 's', 'r', or 'a'
x = 1
print(f"{x!x}")
