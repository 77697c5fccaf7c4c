# error: 2:15: f-string: single '}' is not allowed
print(f"a } b")
